import { refuse, type Refused } from '../breach/decision';
import { checkFreeText, Problems } from '../breach/problems';
import type { Clock } from '../time/clock';
import { CHAIN_PARTNER_NOTIFICATION_HOURS, deadlineAfter } from '../time/deadlines';
import { partnerNotificationClock, type NotificationClockReading } from '../time/notification-clock';
import type {
  ChainActor,
  ChainIncident,
  PartnerNotification,
  PartnerNotificationAdjustment,
  PartnerNotificationContent,
} from './chain-incident';
import { mayAcknowledge, mayApprove, mayCoordinate, type ChainParticipation } from './participation';

export type ChainOutcome<T> = { ok: true; value: T } | Refused;

const MAX_RECORDS = 100_000_000;

const forbidden = (nl: string, en: string): Refused => refuse('forbidden', [{ field: 'actor', message: { nl, en } }]);
const wrongStage = (nl: string, en: string): Refused =>
  refuse('wrong-stage', [{ field: 'partnerNotification', message: { nl, en } }]);

/** The text written once for every partner: nature, impact and measures required; a record count optional. */
export function checkContent(input: {
  nature?: string | null;
  impact?: string | null;
  measures?: string | null;
  affectedRecords?: number | null;
}): ChainOutcome<PartnerNotificationContent> {
  const p = new Problems();
  const nature = checkFreeText(p, 'nature', input.nature, { required: true });
  const impact = checkFreeText(p, 'impact', input.impact, { required: true });
  const measures = checkFreeText(p, 'measures', input.measures, { required: true });
  checkRecords(p, input.affectedRecords);
  if (!p.empty) return refuse('invalid', p.list);
  return {
    ok: true,
    value: { nature: nature!, impact: impact!, measures: measures!, affectedRecords: input.affectedRecords ?? null },
  };
}

/** One partner's differences from the shared text: each field optional, an empty text refused (leave it out). */
export function checkAdjustment(input: {
  nature?: string | null;
  impact?: string | null;
  measures?: string | null;
  /** null: "unknown" for this partner; left out: as in the shared text. */
  affectedRecords?: number | null;
}): ChainOutcome<PartnerNotificationAdjustment> {
  const p = new Problems();
  const out: PartnerNotificationAdjustment = {};
  for (const field of ['nature', 'impact', 'measures'] as const) {
    if (input[field] === undefined || input[field] === null) continue;
    const checked = checkFreeText(p, field, input[field], { required: true });
    if (checked !== null) out[field] = checked;
  }
  if (input.affectedRecords !== undefined) {
    checkRecords(p, input.affectedRecords);
    out.affectedRecords = input.affectedRecords;
  }
  if (!p.empty) return refuse('invalid', p.list);
  return { ok: true, value: out };
}

function checkRecords(p: Problems, value: number | null | undefined): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value) || value < 0 || value > MAX_RECORDS) {
    p.add('affectedRecords', {
      nl: 'Geef het aantal dossiers als een heel getal van 0 of meer (of laat het leeg als het onbekend is).',
      en: 'Give the number of records as a whole number of 0 or more (or leave it empty when unknown).',
    });
  }
}

/** What this partner is (to be) told: the shared text with its own adjustments. Null until the text is written. */
export function effectiveContent(
  chain: Pick<ChainIncident, 'content'>,
  n: Pick<PartnerNotification, 'adjustment'>,
): PartnerNotificationContent | null {
  if (!chain.content) return null;
  return { ...chain.content, ...(n.adjustment ?? {}) };
}

/**
 * Writing the shared text again: every partner not yet informed whose text changes loses an approval it had (it
 * approved other words). Sent notifications stay as they were sent.
 */
export function composeContent(
  chain: ChainIncident,
  partners: readonly PartnerNotification[],
  content: PartnerNotificationContent,
  actor: ChainActor,
  participation: readonly ChainParticipation[],
): ChainOutcome<{ chain: ChainIncident; partners: PartnerNotification[] }> {
  if (!mayCoordinate(actor, participation)) {
    return forbidden(
      'Alleen de privacyfunctionaris of FG van de melder en de HINQ-coördinator schrijven de partnermelding.',
      "Only the reporter's privacy officer or DPO and HINQ's coordinator write the partner notification.",
    );
  }
  const next = { ...chain, content };
  const changed = partners
    .filter((n) => n.sending === null && n.approval !== null)
    .filter((n) => JSON.stringify(effectiveContent(next, n)) !== JSON.stringify(n.approval!.content))
    .map((n) => ({ ...n, approval: null }));
  return { ok: true, value: { chain: next, partners: changed } };
}

export function adjustNotification(
  chain: ChainIncident,
  n: PartnerNotification,
  adjustment: PartnerNotificationAdjustment,
  actor: ChainActor,
  participation: readonly ChainParticipation[],
): ChainOutcome<PartnerNotification> {
  if (!mayCoordinate(actor, participation)) {
    return forbidden(
      'Alleen de privacyfunctionaris of FG van de melder en de HINQ-coördinator passen een partnermelding aan.',
      "Only the reporter's privacy officer or DPO and HINQ's coordinator adjust a partner notification.",
    );
  }
  if (n.sending) {
    return wrongStage(
      'Deze partnermelding is al verzonden en kan niet meer worden aangepast; deel een aanvulling op de tijdlijn.',
      'This partner notification has been sent and can no longer be changed; share an addition on the timeline.',
    );
  }
  const merged = { ...(n.adjustment ?? {}), ...adjustment };
  const next: PartnerNotification = { ...n, adjustment: Object.keys(merged).length > 0 ? merged : null };
  // Approved words that change need a new approval.
  const stillApproved =
    n.approval !== null && JSON.stringify(effectiveContent(chain, next)) === JSON.stringify(n.approval.content);
  return { ok: true, value: stillApproved ? next : { ...next, approval: null } };
}

export function approveNotification(
  chain: ChainIncident,
  n: PartnerNotification,
  actor: ChainActor,
  participation: readonly ChainParticipation[],
  now: Date,
): ChainOutcome<PartnerNotification> {
  if (!mayApprove(actor, chain, participation)) {
    return forbidden(
      chain.scenario === 'A'
        ? 'Goedkeuren doet de privacyfunctionaris of FG van de melder, of HINQ (situatie A).'
        : 'Goedkeuren doet de privacyfunctionaris of FG van de melder.',
      chain.scenario === 'A'
        ? "Approval is by the reporter's privacy officer or DPO, or by HINQ (situation A)."
        : "Approval is by the reporter's privacy officer or DPO.",
    );
  }
  if (n.sending) return wrongStage('Deze partnermelding is al verzonden.', 'This partner notification has been sent.');
  const content = effectiveContent(chain, n);
  if (!content) {
    return wrongStage(
      'Er is nog geen tekst voor de partnermelding: schrijf die eerst (aard, gevolgen, maatregelen).',
      'There is no partner notification text yet: write it first (nature, impact, measures).',
    );
  }
  if (n.approval && JSON.stringify(n.approval.content) === JSON.stringify(content)) {
    return refuse('conflict', [
      {
        field: 'partnerNotification',
        message: { nl: 'Deze partnermelding is al goedgekeurd.', en: 'This partner notification is already approved.' },
      },
    ]);
  }
  return {
    ok: true,
    value: { ...n, approval: { at: now, by: actor.personId, byOrganisationId: actor.organisationId, content } },
  };
}

/**
 * Sending: approved first; a partner whose FG or privacy contact cannot be reached cannot be mailed (HINQ was told
 * when it was chosen, and the clock keeps running); after the 24 hours the reasons for the delay are required.
 */
export function sendNotification(
  chain: ChainIncident,
  n: PartnerNotification,
  input: { delayReasons?: string | null; contactReachable: boolean },
  actor: ChainActor,
  participation: readonly ChainParticipation[],
  now: Date,
): ChainOutcome<PartnerNotification> {
  if (!mayCoordinate(actor, participation)) {
    return forbidden(
      'Alleen de privacyfunctionaris of FG van de melder en de HINQ-coördinator verzenden een partnermelding.',
      "Only the reporter's privacy officer or DPO and HINQ's coordinator send a partner notification.",
    );
  }
  if (n.sending) {
    return refuse('conflict', [
      {
        field: 'partnerNotification',
        message: {
          nl: 'Deze partner is al geïnformeerd; twee keer informeren kan niet.',
          en: 'This partner has already been informed; it cannot be informed twice.',
        },
      },
    ]);
  }
  if (!n.approval || JSON.stringify(n.approval.content) !== JSON.stringify(effectiveContent(chain, n))) {
    return wrongStage(
      'De partnermelding moet eerst (opnieuw) worden goedgekeurd.',
      'The partner notification must be approved (again) first.',
    );
  }
  if (!input.contactReachable) {
    return wrongStage(
      'Deze partner heeft geen bereikbare FG of privacycontactpersoon. HINQ is ingelicht; de termijn loopt door. Laat de beheerder de contactpersoon vastleggen en verzend dan opnieuw.',
      'This partner has no reachable DPO or privacy contact. HINQ has been told; the deadline keeps running. Have the platform admin record the contact, then send again.',
    );
  }
  const p = new Problems();
  const late = now.getTime() > partnerDeadline(chain).getTime();
  const delayReasons = checkFreeText(p, 'delayReasons', input.delayReasons, { required: late });
  if (late && delayReasons === null) {
    p.list.pop();
    p.add('delayReasons', {
      nl: 'De 24 uur na ontdekking zijn verstreken: geef de redenen voor de vertraging.',
      en: 'The 24 hours after discovery have passed: give the reasons for the delay.',
    });
  }
  if (!p.empty) return refuse('invalid', p.list);
  return {
    ok: true,
    value: { ...n, sending: { at: now, by: actor.personId, delayReasons: late ? delayReasons : null } },
  };
}

export function acknowledgeNotification(
  n: PartnerNotification,
  actor: ChainActor,
  now: Date,
): ChainOutcome<PartnerNotification> {
  if (!mayAcknowledge(actor, n)) {
    return forbidden(
      'Alleen de FG of privacyfunctionaris van de geïnformeerde partner bevestigt de ontvangst.',
      "Only the informed partner's DPO or privacy officer acknowledges receipt.",
    );
  }
  if (!n.sending)
    return wrongStage('Deze partnermelding is nog niet verzonden.', 'This notification was not sent yet.');
  if (n.acknowledgement) {
    return refuse('conflict', [
      {
        field: 'partnerNotification',
        message: { nl: 'De ontvangst is al bevestigd.', en: 'Receipt has already been acknowledged.' },
      },
    ]);
  }
  return { ok: true, value: { ...n, acknowledgement: { at: now, by: actor.personId } } };
}

/** 24 elapsed hours after the reporter's discovery: the same for every partner, also one added later. */
export function partnerDeadline(chain: Pick<ChainIncident, 'discoveredAt'>): Date {
  return deadlineAfter(chain.discoveredAt, CHAIN_PARTNER_NOTIFICATION_HOURS);
}

/** A partner's 24-hour clock: open → due soon (last 4 h) → overdue, or met / met late once sent. */
export function partnerInformClock(
  chain: Pick<ChainIncident, 'discoveredAt'>,
  n: Pick<PartnerNotification, 'sending'>,
  clock: Clock,
): NotificationClockReading {
  return partnerNotificationClock(
    { discoveredAt: chain.discoveredAt, notifiedAt: n.sending?.at ?? null, notNeeded: false },
    clock,
  );
}
