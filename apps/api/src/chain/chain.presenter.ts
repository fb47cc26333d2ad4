import {
  effectiveContent,
  partnerAwareness,
  partnerDeadline,
  partnerInformClock,
  partnerNotificationStatus,
  type ChainParticipation,
  type Clock,
  type PartnerAwareness,
  type PartnerNotificationContent,
} from '@babyconnect/domain';
import type { StoredChain, StoredPartner, StoredTimelineEntry } from './chain.repository';
import type {
  ChainIncidentType,
  ChainTimelineEntryType,
  PartnerAwarenessType,
  PartnerNotificationType,
} from './chain.type';

/** Who is looking: decides what of the chain part is shown (RLS already decided which rows). */
export interface Viewer {
  organisationId: string;
  participation: readonly ChainParticipation[];
}

const AWARENESS_RULE = {
  nl: 'De eigen 72-uurstermijn van de partner loopt vanaf haar bevestiging van ontvangst; zolang zij niet bevestigt, vanaf het verzenden van de melding.',
  en: "The partner's own 72 hours run from its acknowledgement of receipt; as long as it has not acknowledged, from the sending of the notification.",
};

export function presentAwareness(awareness: PartnerAwareness | null): PartnerAwarenessType | null {
  return awareness
    ? { at: awareness.at, basis: awareness.basis, ruleNl: AWARENESS_RULE.nl, ruleEn: AWARENESS_RULE.en }
    : null;
}

export function presentPartner(
  chain: StoredChain,
  n: StoredPartner,
  viewer: Viewer,
  clock: Clock,
): PartnerNotificationType {
  const coordinating = viewer.participation.includes('reporter') || viewer.participation.includes('coordinator');
  // Once sent, what was sent; before that, the words as they stand (only the reporter and HINQ see a draft).
  const content: PartnerNotificationContent | null = n.sending
    ? (n.approval?.content ?? null)
    : coordinating
      ? effectiveContent(chain, n)
      : null;
  return {
    id: n.id,
    chainIncidentId: chain.id,
    reference: chain.reference,
    scenario: chain.scenario,
    reportingOrganisation: { id: chain.reportingOrganisationId, name: chain.reportingOrganisationName },
    partnerOrganisation: { id: n.partnerOrganisationId, name: n.partnerName },
    reasoning: n.reasoning,
    status: partnerNotificationStatus(n),
    contactReachable: n.contactReachable,
    content,
    adjustedFields: coordinating ? Object.keys(n.adjustment ?? {}).sort() : [],
    informBy: partnerDeadline(chain),
    informClock: partnerInformClock(chain, n, clock),
    approvedAt: n.approval?.at ?? null,
    sentAt: n.sending?.at ?? null,
    delayReasons: n.sending?.delayReasons ?? null,
    acknowledgedAt: n.acknowledgement?.at ?? null,
    acknowledgedByName: n.acknowledgement ? n.acknowledgedByName : null,
    awareness: presentAwareness(partnerAwareness(n)),
    linkedIncidentId: viewer.organisationId === n.partnerOrganisationId ? n.linkedIncidentId : null,
    // Every informed partner is a controller for its own records (scenario A says it in so many words).
    ownApDecisionRequired: true,
  };
}

export function presentTimelineEntry(e: StoredTimelineEntry): ChainTimelineEntryType {
  return {
    id: e.id,
    authorKind: e.authorKind,
    authorOrganisation: { id: e.authorOrganisationId, name: e.authorOrganisationName },
    authorName: e.authorName,
    at: e.at,
    text: e.text,
  };
}

export function presentChain(
  chain: StoredChain,
  partners: readonly StoredPartner[],
  timeline: readonly StoredTimelineEntry[],
  viewer: Viewer,
  clock: Clock,
): ChainIncidentType {
  const coordinating = viewer.participation.includes('reporter') || viewer.participation.includes('coordinator');
  // Row-level security gives an informed partner its own row only; the filter says the same in code.
  const shown = coordinating ? partners : partners.filter((p) => p.partnerOrganisationId === viewer.organisationId);
  return {
    id: chain.id,
    scenario: chain.scenario,
    reference: chain.reference,
    exercise: chain.exercise,
    reportingOrganisation: { id: chain.reportingOrganisationId, name: chain.reportingOrganisationName },
    discoveredAt: chain.discoveredAt,
    partnerDeadline: partnerDeadline(chain),
    declaredAt: chain.declaredAt,
    participation: [...viewer.participation],
    sourceIncidentId: viewer.participation.includes('reporter') ? chain.sourceIncidentId : null,
    content: coordinating ? chain.content : null,
    partners: shown.map((p) => presentPartner(chain, p, viewer, clock)),
    timeline: timeline.map(presentTimelineEntry),
  };
}
