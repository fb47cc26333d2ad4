import type { FreeTextField, LocalisedText } from '@babyconnect/domain';

/**
 * How a person knows each free-text field of the breach workflow, Dutch and English, as the privacy guard names
 * it in its warning ("Het veld "Wat is er gebeurd" lijkt een e-mailadres te bevatten …"). Never the API's field
 * name (a privacy officer does not know `recurrencePrevention`), and the warning never repeats the value.
 * The keys are the `field` a warning carries, so the portal can put it beside the right input.
 */
export const FREE_TEXT_LABELS = {
  whatHappened: { nl: 'Wat is er gebeurd', en: 'What happened' },
  howDiscovered: { nl: 'Hoe is het ontdekt', en: 'How it was discovered' },
  reason: { nl: 'Reden van de wijziging', en: 'Reason for the change' },
  'assessment.reasoning': { nl: 'Onderbouwing van de beoordeling', en: 'Reasoning of the assessment' },
  'checklist.cause.description': { nl: 'Oorzaak (toelichting)', en: 'Cause (explanation)' },
  'checklist.howDiscovered': { nl: 'Hoe is het ontdekt', en: 'How it was discovered' },
  'measure.description': { nl: 'Maatregel', en: 'Measure' },
  'measure.owner': { nl: 'Eigenaar van de maatregel', en: 'Owner of the measure' },
  'apDecision.reasoning': { nl: 'Onderbouwing van het besluit over de AP', en: 'Reasoning of the AP decision' },
  departureReason: { nl: 'Reden om af te wijken van het advies', en: 'Reason to depart from the advice' },
  apReference: { nl: 'Kenmerk van de AP', en: "The AP's reference" },
  delayReasons: { nl: 'Redenen voor de vertraging', en: 'Reasons for the delay' },
  'dataSubjectDecision.reasoning': {
    nl: 'Onderbouwing van het besluit over de betrokkenen',
    en: 'Reasoning of the data-subject decision',
  },
  dpoAdvice: { nl: 'Advies van de FG', en: "The DPO's advice" },
  consequences: { nl: 'Gevolgen van het datalek', en: 'Consequences of the breach' },
  recurrencePrevention: { nl: 'Hoe herhaling wordt voorkomen', en: 'How recurrence is prevented' },
  reopenReason: { nl: 'Reden om te heropenen', en: 'Reason to re-open' },
  'improvementAction.description': { nl: 'Verbeteractie', en: 'Improvement action' },
  'improvementAction.owner': { nl: 'Eigenaar van de verbeteractie', en: 'Owner of the improvement action' },
  dismissalReason: { nl: 'Reden om het signaal af te doen', en: 'Reason to dismiss the alert' },
} as const satisfies Record<string, LocalisedText>;

export type FreeTextLabel = keyof typeof FREE_TEXT_LABELS;

/**
 * One free-text field for the privacy guard: `field` is what the API's error names (the input's own field, so a
 * form can place the warning), `label` the human name the message uses.
 */
export function freeText(field: string, label: FreeTextLabel, text: string | null | undefined): FreeTextField {
  const name = FREE_TEXT_LABELS[label];
  return { field, label: { nl: `Het veld "${name.nl}"`, en: `The field "${name.en}"` }, text };
}
