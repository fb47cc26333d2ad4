import type { EntityManager } from 'typeorm';
import type { NotificationPayload } from '@babyconnect/notifications';
import type { Audience } from './recipients.repository';
import type { DueTimer, TimerKind } from './timers.repository';

const CHAIN_KINDS = new Set<TimerKind>([
  'partner-inform-reminder',
  'partner-inform-overdue',
  'partner-ack-reminder',
  'partner-ack-escalation',
]);

export function isChainTimer(kind: TimerKind): boolean {
  return CHAIN_KINDS.has(kind);
}

/**
 * What a chain timer says when it fires (worker transaction: the chain tables' worker policy lets it read them), or
 * null when nothing is left to say — every chosen partner informed, or the acknowledgement came — so the timer is
 * spent without a mail. Deciding at firing time keeps one rule in one place instead of cancelling timers across
 * organisations.
 * - the 24 hours (on the reporter's incident): reminder at 20 h, overdue at 24 h, to the reporter's FG and privacy
 *   officers and to HINQ, while a chosen partner is not yet informed or none was chosen;
 * - the acknowledgement (on the partner's linked incident): a reminder to the partner's FG, then the escalation to
 *   the partner's FG and HINQ.
 */
export async function chainTimerMessage(
  manager: EntityManager,
  timer: DueTimer,
): Promise<{ payload: NotificationPayload; audience: Audience } | null> {
  const p = timer.payload;
  const base = {
    incidentId: timer.incidentId,
    organisationName: p.organisationName,
    reference: p.reference,
    exercise: p.exercise,
    deadline: p.deadline,
    portalUrl: p.portalUrl,
  };
  if (timer.kind === 'partner-inform-reminder' || timer.kind === 'partner-inform-overdue') {
    const rows: { chosen: number; open: number }[] = await manager.query(
      `SELECT count(*)::int AS chosen, count(*) FILTER (WHERE sent_at IS NULL)::int AS open
         FROM chain_partners WHERE chain_incident_id = $1`,
      [p.chainIncidentId],
    );
    const { chosen, open } = rows[0] ?? { chosen: 0, open: 0 };
    if (chosen > 0 && open === 0) return null;
    return {
      payload: { ...base, event: timer.kind, partnerDeadline: p.deadline },
      audience: { fg: true, privacyOfficers: true, hinq: true },
    };
  }
  const rows: { acknowledged_at: Date | null }[] = await manager.query(
    `SELECT acknowledged_at FROM chain_partners WHERE id = $1`,
    [p.partnerNotificationId],
  );
  if (!rows[0] || rows[0].acknowledged_at !== null) return null;
  if (timer.kind === 'partner-ack-reminder') {
    return {
      payload: { ...base, event: 'partner-ack-reminder' },
      audience: { fg: true, privacyOfficers: false, hinq: false },
    };
  }
  return {
    payload: { ...base, event: 'partner-ack-escalation', partnerName: p.partnerName ?? '—' },
    audience: { fg: true, privacyOfficers: false, hinq: true },
  };
}
