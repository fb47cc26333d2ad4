import { Int } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import type { AuditTrail } from '../permissions/current-actor.decorator';
import type { IncidentType } from './incident.type';
import type { CommandRequest, IncidentsService } from './incidents.service';
import type {
  ApproximateCount,
  BreachChecklist,
  FreeTextField,
  IncidentCommand,
  ReportBreachInput as DomainReportInput,
} from '@babyconnect/domain';
import type {
  AddContainmentMeasureInput,
  ApproximateCountInput,
  ChecklistInput,
  ReportBreachInput,
} from './incident.inputs';
import { freeText } from './free-text-labels';

/**
 * GraphQL inputs → the domain's commands. Shapes only: every rule (required, ranges, stages, roles) is the
 * domain's. Enum values arrive as the domain's own strings (incident.enums.ts); `null` from GraphQL becomes the
 * domain's "left out" where the domain reads `undefined` so.
 */
type Unversioned = IncidentCommand extends infer C ? (C extends unknown ? Omit<C, 'version'> : never) : never;
export type CommandWithoutVersion = Unversioned;

export function toReportInput(input: ReportBreachInput): DomainReportInput {
  return {
    whatHappened: input.whatHappened,
    discoveredAt: input.discoveredAt ?? null,
    stillOngoing: input.stillOngoing as DomainReportInput['stillOngoing'],
    howDiscovered: input.howDiscovered ?? null,
    otherOrganisationsInvolved: input.otherOrganisationsInvolved as DomainReportInput['otherOrganisationsInvolved'],
    exercise: input.exercise,
  };
}

export function toChecklistAnswers(input: ChecklistInput): Partial<BreachChecklist> {
  const answers: Record<string, unknown> = {};
  const given = <K extends keyof ChecklistInput>(key: K) => input[key] !== undefined && input[key] !== null;
  if (given('kinds')) answers['kinds'] = input.kinds;
  if (given('cause'))
    answers['cause'] = { category: input.cause!.category, description: input.cause!.description ?? null };
  // startedAt and howDiscovered: an explicit null is an answer ("not known"), so it is passed on.
  if (input.startedAt !== undefined) answers['startedAt'] = input.startedAt;
  if (given('stillOngoing')) answers['stillOngoing'] = input.stillOngoing;
  if (input.howDiscovered !== undefined) answers['howDiscovered'] = input.howDiscovered;
  if (given('dataCategories')) answers['dataCategories'] = input.dataCategories;
  if (given('records')) answers['records'] = toCount(input.records!);
  if (given('persons')) answers['persons'] = toCount(input.persons!);
  if (given('groups')) answers['groups'] = input.groups;
  if (given('recipients')) answers['recipients'] = { ...input.recipients!, count: toCount(input.recipients!.count) };
  if (given('unintelligible')) answers['unintelligible'] = { ...input.unintelligible! };
  return answers as Partial<BreachChecklist>;
}

/** A missing number of an exact count or range stays missing (NaN): the domain names the field. */
function toCount(input: ApproximateCountInput): ApproximateCount {
  const n = (value: number | null | undefined) => (typeof value === 'number' ? value : Number.NaN);
  switch (input.kind) {
    case 'exact':
      return { kind: 'exact', value: n(input.value) };
    case 'range':
      return { kind: 'range', min: n(input.min), max: n(input.max) };
    default:
      return { kind: 'unknown' };
  }
}

export function measureFields(input: Pick<AddContainmentMeasureInput, 'description' | 'owner'>): FreeTextField[] {
  return [
    freeText('description', 'measure.description', input.description),
    freeText('owner', 'measure.owner', input.owner),
  ];
}

/** Drops keys whose value is undefined or null: for commands where the domain reads a left-out field as "keep". */
export function defined<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as {
    [K in keyof T]?: NonNullable<T[K]>;
  };
}

/** The `expectedVersion` argument of every incident mutation. */
export const EXPECTED_VERSION = {
  type: () => Int,
  description: 'De versie die u zag; is een ander u voor, dan volgt CONFLICT en wordt er niets overschreven.',
};

/**
 * The one path of every incident mutation (steps and revisions): the incident's id goes into the access-log row,
 * then the service lets the domain decide and writes state, version and history in the request's transaction.
 */
export function applyIncidentCommand(
  service: IncidentsService,
  actor: Actor,
  audit: AuditTrail,
  id: string,
  expectedVersion: number,
  request: CommandRequest,
): Promise<IncidentType> {
  audit.touched(id);
  return service.apply(actor, id, expectedVersion, request);
}
