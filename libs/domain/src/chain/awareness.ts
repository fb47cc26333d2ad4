import type { PartnerNotification } from './chain-incident';

/**
 * When an informed partner became aware of the breach — the start of its own 72-hour AP clock (GDPR art. 33(1):
 * "after having become aware of it"). The rule, explicit:
 * - the moment its FG or privacy officer acknowledged receipt in the portal, when it did;
 * - otherwise the moment the notification was sent: a partner that never acknowledges cannot push its own deadline
 *   out by staying silent, and until it acknowledges its clock runs from the sending (the earlier, stricter start).
 * Its linked incident starts with the sending as discovery and moves to the acknowledgement when that comes.
 */
export const AWARENESS_BASES = ['acknowledged', 'sent'] as const;
export type AwarenessBasis = (typeof AWARENESS_BASES)[number];

export interface PartnerAwareness {
  at: Date;
  basis: AwarenessBasis;
}

export function partnerAwareness(n: Pick<PartnerNotification, 'sending' | 'acknowledgement'>): PartnerAwareness | null {
  if (n.acknowledgement) return { at: n.acknowledgement.at, basis: 'acknowledged' };
  if (n.sending) return { at: n.sending.at, basis: 'sent' };
  return null;
}

/** Acknowledgement reminders: to the partner's FG after 4 hours, escalated to HINQ after 8 (issue 17 item 3). */
export const ACKNOWLEDGEMENT_REMINDER_HOURS = 4;
export const ACKNOWLEDGEMENT_ESCALATION_HOURS = 8;
