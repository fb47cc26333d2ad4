import type { OrganisationImpact } from './analysis';

/**
 * Why an organisation in the analysis is, or is not, proposed as a partner to inform. The analysis names exactly
 * the organisations whose records were opened; the chain's own rules (chain/partners.ts) then leave out the
 * reporter (it is the one informing), HINQ (it coordinates and knows) and a partner already chosen.
 */
export type ProposalStatus = 'PROPOSED' | 'REPORTER' | 'COORDINATOR' | 'ALREADY_CHOSEN';

export interface ProposalItem extends OrganisationImpact {
  status: ProposalStatus;
}

export interface ProposalContext {
  reportingOrganisationId: string;
  hinqOrganisationIds: ReadonlySet<string>;
  alreadyChosen: ReadonlySet<string>;
}

/** Every organisation of the analysis, each with its status; the order of the analysis is kept. */
export function proposePartners(
  organisations: readonly OrganisationImpact[],
  context: ProposalContext,
): ProposalItem[] {
  return organisations.map((o) => ({
    ...o,
    status:
      o.organisationId === context.reportingOrganisationId
        ? 'REPORTER'
        : context.hinqOrganisationIds.has(o.organisationId)
          ? 'COORDINATOR'
          : context.alreadyChosen.has(o.organisationId)
            ? 'ALREADY_CHOSEN'
            : 'PROPOSED',
  }));
}

/**
 * The reasoning kept with each chosen partner (the chain asks one): counts only, no dates (the privacy guard
 * would take a date for a birth date) and no pseudonyms.
 */
export function proposalReasoning(item: Pick<OrganisationImpact, 'distinctRecords' | 'accesses'>): string {
  const records = item.distinctRecords === 1 ? '1 dossier' : `${item.distinctRecords} dossiers`;
  const times = item.accesses === 1 ? '1 keer' : `${item.accesses} keer`;
  return `Volgens het kijklog van de viewer zijn ${records} van deze organisatie ${times} geopend door het verdachte account in het onderzochte tijdvenster.`;
}
