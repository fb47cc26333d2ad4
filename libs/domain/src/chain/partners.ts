import { checkFreeText, Problems, type InputProblem } from '../breach/problems';
import type { ChainIncident, DirectoryEntry, PartnerNotification } from './chain-incident';

export interface PartnerCandidate {
  organisationId: string;
  reasoning: string | null | undefined;
}

export interface CheckedPartner {
  organisationId: string;
  reasoning: string;
}

/**
 * Checks the partners chosen to be informed, all problems at once, each at `partners[i]…`:
 * - the organisation must be in the directory;
 * - not the reporting organisation itself (it knows; it is the one informing);
 * - not HINQ: HINQ coordinates every chain incident and is told at declaration, it is not a partner to inform;
 * - not an organisation that left the chain (it is no party to the regional agreement any more);
 * - not one already chosen for this chain incident, nor twice in one request (informing twice is refused, not
 *   silently merged: the first choice's reasoning and clock stand);
 * - with the reasoning why (kept, like every decision of the protocol).
 * A partner added later gets no fresh 24 hours: its clock runs from the discovery like everyone's.
 */
export function checkPartnerChoice(
  chain: Pick<ChainIncident, 'reportingOrganisationId'>,
  existing: readonly Pick<PartnerNotification, 'partnerOrganisationId'>[],
  candidates: readonly PartnerCandidate[],
  directory: ReadonlyMap<string, DirectoryEntry>,
  now: Date,
): { ok: true; partners: CheckedPartner[] } | { ok: false; problems: InputProblem[] } {
  const p = new Problems();
  if (candidates.length === 0) {
    p.add('partners', { nl: 'Kies ten minste één partner.', en: 'Choose at least one partner.' });
  }
  const seen = new Set(existing.map((e) => e.partnerOrganisationId));
  const out: CheckedPartner[] = [];
  candidates.forEach((candidate, i) => {
    const field = `partners[${i}]`;
    const entry = directory.get(candidate.organisationId);
    const reasoning = checkFreeText(p, `${field}.reasoning`, candidate.reasoning, { required: true });
    if (!entry) {
      p.add(`${field}.organisationId`, {
        nl: 'Deze organisatie staat niet in de ketenlijst.',
        en: 'This organisation is not in the chain directory.',
      });
      return;
    }
    if (entry.id === chain.reportingOrganisationId) {
      p.add(`${field}.organisationId`, {
        nl: 'De melder informeert zichzelf niet: kies de andere organisaties waarvan gegevens betrokken kunnen zijn.',
        en: 'The reporter does not inform itself: choose the other organisations whose data may be involved.',
      });
    } else if (entry.kind === 'HINQ') {
      p.add(`${field}.organisationId`, {
        nl: 'HINQ coördineert elk ketenincident en is al ingelicht; HINQ wordt niet als partner geïnformeerd.',
        en: 'HINQ coordinates every chain incident and has been told already; it is not informed as a partner.',
      });
    } else if (entry.leftChainAt !== null && entry.leftChainAt.getTime() <= now.getTime()) {
      p.add(`${field}.organisationId`, {
        nl: 'Deze organisatie is uit de keten gestapt en valt niet meer onder de samenwerkingsovereenkomst; neem buiten het portaal contact op met haar FG.',
        en: 'This organisation has left the chain and is no longer party to the agreement; contact its DPO outside the portal.',
      });
    } else if (seen.has(entry.id)) {
      p.add(`${field}.organisationId`, {
        nl: 'Deze partner is al gekozen voor dit ketenincident; twee keer informeren kan niet.',
        en: 'This partner has already been chosen for this chain incident; it cannot be informed twice.',
      });
    } else if (reasoning !== null) {
      out.push({ organisationId: entry.id, reasoning });
    }
    seen.add(entry.id);
  });
  return p.empty ? { ok: true, partners: out } : { ok: false, problems: p.list };
}
