import { FREE_TEXT_MAX } from '../breach/problems';
import type { ReportBreachInput } from '../breach/report';
import type { ChainIncident, PartnerNotificationContent } from './chain-incident';

/**
 * The report (protocol step 1) that opens an informed partner's linked incident in its own tenant: the shared facts
 * of the notification it was sent, nothing of the reporter's own incident. Dutch, as the partner's register is kept.
 * The sending is its discovery (awareness.ts: its 72 hours run from the sending until it acknowledges).
 */
export function linkedIncidentReport(
  chain: Pick<ChainIncident, 'reference' | 'exercise'>,
  reportingOrganisationName: string,
  content: PartnerNotificationContent,
  sentAt: Date,
): ReportBreachInput {
  const facts = [
    `Ketenmelding ${chain.reference} van ${reportingOrganisationName}: ${content.nature}`,
    `Mogelijke gevolgen: ${content.impact}`,
    `Maatregelen: ${content.measures}`,
    content.affectedRecords === null ? null : `Aantal mogelijk betrokken dossiers: ${content.affectedRecords}`,
  ].filter((line): line is string => line !== null);
  return {
    // Cut by code point, as the limit is counted (problems.ts): a cut by UTF-16 unit could leave a lone surrogate.
    whatHappened: [...facts.join('\n\n')].slice(0, FREE_TEXT_MAX).join(''),
    discoveredAt: sentAt,
    stillOngoing: 'unknown',
    howDiscovered: `Geïnformeerd via de keten door ${reportingOrganisationName}; bevestig de ontvangst in het portaal.`,
    // The chain is already coordinating this breach; HINQ need not hear of it a second time.
    otherOrganisationsInvolved: 'no',
    exercise: chain.exercise,
  };
}
