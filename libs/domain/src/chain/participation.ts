import type { OrganisationRole } from '../identity/organisation-role';
import type { ChainActor, ChainIncident, PartnerNotification } from './chain-incident';

/**
 * How an organisation takes part in one chain incident. One organisation can be two at once: HINQ reporting a breach
 * at HINQ (scenario A) is reporter and coordinator.
 * - `reporter`: the organisation whose breach it is;
 * - `coordinator`: HINQ, acting through a person with the hinq-coordinator role (a HINQ employee without it is not);
 * - `partner`: an organisation that was informed (its notification sent). A chosen but not yet informed partner is
 *   nobody here: it may not learn that the chain incident exists.
 */
export type ChainParticipation = 'reporter' | 'coordinator' | 'partner';

export function participationOf(
  actor: ChainActor,
  chain: Pick<ChainIncident, 'reportingOrganisationId'>,
  partners: readonly Pick<PartnerNotification, 'partnerOrganisationId' | 'sending'>[],
): ChainParticipation[] {
  const out: ChainParticipation[] = [];
  if (actor.organisationId === chain.reportingOrganisationId) out.push('reporter');
  if (isCoordinator(actor)) out.push('coordinator');
  if (partners.some((p) => p.partnerOrganisationId === actor.organisationId && p.sending !== null)) out.push('partner');
  return out;
}

export function isCoordinator(actor: Pick<ChainActor, 'organisationKind' | 'roles'>): boolean {
  return actor.organisationKind === 'HINQ' && actor.roles.includes('hinq-coordinator');
}

const OFFICERS: readonly OrganisationRole[] = ['privacy-officer', 'dpo'];
const READERS: readonly OrganisationRole[] = ['privacy-officer', 'dpo', 'auditor'];

const holds = (actor: ChainActor, roles: readonly OrganisationRole[]) => actor.roles.some((r) => roles.includes(r));

/** Reads the chain part: the reporter's and an informed partner's privacy officer, FG or auditor; HINQ's coordinator. */
export function mayReadChain(actor: ChainActor, participation: readonly ChainParticipation[]): boolean {
  if (participation.includes('coordinator')) return true;
  return (participation.includes('reporter') || participation.includes('partner')) && holds(actor, READERS);
}

/**
 * Declares the scenario, chooses partners, writes and sends the partner notifications: the reporter's privacy
 * officer or FG, with HINQ's coordinator (the protocol: "bepaal met HINQ welke partners geïnformeerd moeten worden").
 */
export function mayCoordinate(actor: ChainActor, participation: readonly ChainParticipation[]): boolean {
  return participation.includes('coordinator') || (participation.includes('reporter') && holds(actor, OFFICERS));
}

/**
 * Approves a partner notification: the reporter's privacy officer or FG — it is the reporter's notification as the
 * controller — or, in scenario A (HINQ runs the protocol), HINQ's coordinator, privacy officer or FG.
 */
export function mayApprove(
  actor: ChainActor,
  chain: Pick<ChainIncident, 'scenario'>,
  participation: readonly ChainParticipation[],
): boolean {
  if (participation.includes('reporter') && holds(actor, OFFICERS)) return true;
  return chain.scenario === 'A' && actor.organisationKind === 'HINQ' && holds(actor, [...OFFICERS, 'hinq-coordinator']);
}

/** Acknowledges receipt: the informed partner's FG or privacy officer, acting for the partner. */
export function mayAcknowledge(actor: ChainActor, notification: Pick<PartnerNotification, 'partnerOrganisationId'>) {
  return actor.organisationId === notification.partnerOrganisationId && holds(actor, OFFICERS);
}

/** Posts on the shared timeline: the reporter's officers (marking an update as shared), HINQ, informed partners. */
export function mayPostOnTimeline(actor: ChainActor, participation: readonly ChainParticipation[]): boolean {
  if (participation.includes('coordinator')) return true;
  return (participation.includes('reporter') || participation.includes('partner')) && holds(actor, OFFICERS);
}
