import type { OrganisationKind } from '../identity/organisation-kind';
import type { OrganisationRole } from '../identity/organisation-role';
import type { ChainIncidentScenario } from './scenario';

/**
 * The chain part of a breach: what the reporting organisation shares with HINQ and the informed partners. It is
 * not the breach itself — that stays in the reporter's own incident (its notes, checklist, decisions), which
 * neither HINQ nor a partner ever reads.
 */
export interface ChainIncident {
  id: string;
  scenario: ChainIncidentScenario;
  reportingOrganisationId: string;
  /** The reporter's own incident, in the reporter's tenant. */
  sourceIncidentId: string;
  /** The reporter's reference (DL-2026-0042): how everyone in the chain names this breach. */
  reference: string;
  exercise: boolean;
  /** When the reporter discovered it: every partner's 24-hour clock runs from here, also for a partner added later. */
  discoveredAt: Date;
  declaredAt: Date;
  declaredBy: string;
  /** The partner notification as written once (null until composed); each partner's may adjust it. */
  content: PartnerNotificationContent | null;
}

/** What the regional agreement requires a partner to be told (and nothing that identifies a client). */
export interface PartnerNotificationContent {
  /** The nature of the breach. */
  nature: string;
  /** Its possible impact on the partner and its data subjects. */
  impact: string;
  /** The measures taken or planned to correct the security failure and limit the consequences. */
  measures: string;
  /** How many of the partner's records are (possibly) involved, when known: a count, never who. */
  affectedRecords: number | null;
}

/** The fields a partner's notification may set differently from the shared text; left out = as shared. */
export type PartnerNotificationAdjustment = Partial<PartnerNotificationContent>;

/** One partner to inform: its choice with reasoning, its notification, and what happened to it. */
export interface PartnerNotification {
  id: string;
  chainIncidentId: string;
  partnerOrganisationId: string;
  /** Why this partner must be informed (protocol: decide with HINQ which partners; the reasoning is kept). */
  reasoning: string;
  chosenAt: Date;
  chosenBy: string;
  chosenByOrganisationId: string;
  /** Whether the partner's FG or privacy contact could be reached by mail when it was chosen. */
  contactReachable: boolean;
  adjustment: PartnerNotificationAdjustment | null;
  approval: { at: Date; by: string; byOrganisationId: string; content: PartnerNotificationContent } | null;
  sending: { at: Date; by: string; delayReasons: string | null } | null;
  acknowledgement: { at: Date; by: string } | null;
  /** The ordinary incident made in the partner's own tenant when it was informed. */
  linkedIncidentId: string | null;
}

export const PARTNER_NOTIFICATION_STATUSES = ['chosen', 'approved', 'sent', 'acknowledged'] as const;
export type PartnerNotificationStatus = (typeof PARTNER_NOTIFICATION_STATUSES)[number];

export function partnerNotificationStatus(n: PartnerNotification): PartnerNotificationStatus {
  if (n.acknowledgement) return 'acknowledged';
  if (n.sending) return 'sent';
  if (n.approval) return 'approved';
  return 'chosen';
}

/** A partner counts as informed once its notification was sent: only then may it know the chain incident exists. */
export function isInformed(n: Pick<PartnerNotification, 'sending'>): boolean {
  return n.sending !== null;
}

/** Who acts on the chain: a person, the organisation the request acts for, and their roles *there*. */
export interface ChainActor {
  personId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  roles: readonly OrganisationRole[];
}

/** An organisation of the directory as partner selection needs it. */
export interface DirectoryEntry {
  id: string;
  kind: OrganisationKind;
  /** When it left the chain (no longer a party to the regional agreement), or null. */
  leftChainAt: Date | null;
}
