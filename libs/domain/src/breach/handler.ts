import type { FieldChange } from './changes';
import type { IncidentCommand, IncidentCommandType } from './commands';
import { refuse, type Refused } from './decision';
import type { Actor, BreachIncident } from './incident';
import { checkFreeText, Problems } from './problems';

/** What a handler computes: the incident after the command (version untouched) and what changed, or a refusal. */
export type StepOutcome = Refused | { ok: true; next: BreachIncident; changes: FieldChange[]; reason: string | null };

export interface StepContext {
  actor: Actor;
  now: Date;
}

export type StepHandler<C extends IncidentCommand> = (
  incident: BreachIncident,
  command: C,
  ctx: StepContext,
) => StepOutcome;

export type HandlerTable<T extends IncidentCommandType> = {
  [K in T]: StepHandler<Extract<IncidentCommand, { type: K }>>;
};

/** Changing what was already given needs a reason; the reason is kept with the change. */
export function checkRevisionReason(p: Problems, revising: boolean, reason: string | undefined): string | null {
  if (!revising) return checkFreeText(p, 'reason', reason, { required: false });
  const checked = checkFreeText(p, 'reason', reason, { required: true });
  if (checked === null) {
    p.list.pop();
    p.add('reason', {
      nl: 'Geef een reden: u wijzigt iets dat al was vastgelegd.',
      en: 'Give a reason: you are changing something that was already recorded.',
    });
  }
  return checked;
}

export function invalid(p: Problems): Refused {
  return refuse('invalid', p.list);
}
