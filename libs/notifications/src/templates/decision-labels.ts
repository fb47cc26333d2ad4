// The protocol's decisions as a summary line, in the recipient's language. A mail about a decision carries one of
// these fixed lines and nothing a person typed (reasoning is free text and may hold client details).
import type { Locale } from './locale';

export const DECISION_CODES = [
  'assessment:breach',
  'assessment:not-a-breach',
  'assessment:near-miss',
  'ap:notify',
  'ap:not-notify',
  'ap:notified',
  'data-subjects:inform',
  'data-subjects:not-inform',
  'data-subjects:public-communication',
  'closed:registered',
  'closed:not-a-breach',
  'closed:near-miss',
  'reopened',
] as const;
export type DecisionCode = (typeof DECISION_CODES)[number];

const LABELS: Readonly<Record<DecisionCode, Readonly<Record<Locale, string>>>> = {
  'assessment:breach': { nl: 'Beoordeling: het is een datalek.', en: 'Assessment: this is a data breach.' },
  'assessment:not-a-breach': { nl: 'Beoordeling: geen datalek.', en: 'Assessment: not a data breach.' },
  'assessment:near-miss': { nl: 'Beoordeling: bijna-incident.', en: 'Assessment: near miss.' },
  'ap:notify': {
    nl: 'Besluit: het datalek wordt gemeld bij de Autoriteit Persoonsgegevens.',
    en: 'Decision: the breach will be notified to the Dutch Data Protection Authority (AP).',
  },
  'ap:not-notify': {
    nl: 'Besluit: het datalek wordt niet gemeld bij de Autoriteit Persoonsgegevens.',
    en: 'Decision: the breach will not be notified to the Dutch Data Protection Authority (AP).',
  },
  'ap:notified': {
    nl: 'De melding aan de Autoriteit Persoonsgegevens is gedaan en vastgelegd.',
    en: 'The notification to the Dutch Data Protection Authority (AP) was made and recorded.',
  },
  'data-subjects:inform': {
    nl: 'Besluit: de betrokkenen worden geïnformeerd.',
    en: 'Decision: the data subjects will be informed.',
  },
  'data-subjects:not-inform': {
    nl: 'Besluit: de betrokkenen worden niet geïnformeerd.',
    en: 'Decision: the data subjects will not be informed.',
  },
  'data-subjects:public-communication': {
    nl: 'Besluit: een openbare mededeling in plaats van individueel informeren.',
    en: 'Decision: a public communication instead of informing individually.',
  },
  'closed:registered': {
    nl: 'Afgesloten en opgenomen in het datalekregister.',
    en: 'Closed and entered in the breach register.',
  },
  'closed:not-a-breach': { nl: 'Afgesloten: geen datalek.', en: 'Closed: not a data breach.' },
  'closed:near-miss': { nl: 'Afgesloten als bijna-incident.', en: 'Closed as a near miss.' },
  reopened: { nl: 'Het datalek is heropend.', en: 'The breach was reopened.' },
};

export function isDecisionCode(value: unknown): value is DecisionCode {
  return typeof value === 'string' && (DECISION_CODES as readonly string[]).includes(value);
}

export function decisionLabel(code: DecisionCode, locale: Locale): string {
  return LABELS[code][locale];
}
