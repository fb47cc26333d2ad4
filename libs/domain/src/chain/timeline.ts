import { refuse } from '../breach/decision';
import { checkFreeText, Problems } from '../breach/problems';
import type { ChainActor } from './chain-incident';
import type { ChainOutcome } from './partner-notification';
import { mayPostOnTimeline, type ChainParticipation } from './participation';

/**
 * The shared timeline of a chain incident: what the reporter marks as shared (an update posted here is shared by
 * posting it; internal notes stay in its own incident and never come here), HINQ's updates, and the informed
 * partners' questions and answers. HINQ and every informed partner read all of it.
 */
export const TIMELINE_AUTHOR_KINDS = ['reporter', 'coordinator', 'partner'] as const;
export type TimelineAuthorKind = (typeof TIMELINE_AUTHOR_KINDS)[number];

export interface TimelineEntry {
  id: string;
  chainIncidentId: string;
  authorKind: TimelineAuthorKind;
  authorOrganisationId: string;
  authorPersonId: string;
  at: Date;
  text: string;
}

export const TIMELINE_TEXT_MAX = 2000;

export function checkTimelineEntry(
  actor: ChainActor,
  participation: readonly ChainParticipation[],
  text: string | null | undefined,
): ChainOutcome<{ authorKind: TimelineAuthorKind; text: string }> {
  if (!mayPostOnTimeline(actor, participation)) {
    return refuse('forbidden', [
      {
        field: 'actor',
        message: {
          nl: 'Op de gedeelde tijdlijn schrijven de privacyfunctionaris en FG van de melder en van geïnformeerde partners, en HINQ.',
          en: 'The privacy officers and DPOs of the reporter and of informed partners, and HINQ, write on the shared timeline.',
        },
      },
    ]);
  }
  const p = new Problems();
  const checked = checkFreeText(p, 'text', text, { required: true, max: TIMELINE_TEXT_MAX });
  if (!p.empty) return refuse('invalid', p.list);
  // The reporter's own voice wins when HINQ reports a breach at HINQ: it is then the reporter speaking.
  const authorKind: TimelineAuthorKind = participation.includes('reporter')
    ? 'reporter'
    : participation.includes('coordinator')
      ? 'coordinator'
      : 'partner';
  return { ok: true, value: { authorKind, text: checked! } };
}
