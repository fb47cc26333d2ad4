import { YES_NO_UNKNOWN } from './checklist';
import { AVAILABILITY_LOSS, EASE_OF_IDENTIFICATION, INTEGRITY_LOSS } from './risk-factors';
import type { RiskAnswers } from './risk-assessment';
import { isOneOf, Problems } from './problems';

/**
 * The step-5/6 questions the step-3 checklist does not ask (`RiskAnswers` in `risk-assessment.ts`), as the
 * incident keeps them: every answer starts unknown, which the advice reads as its worst case ("when in doubt,
 * notify"), so answering can only lower the advice.
 */

export const EASE_OF_IDENTIFICATION_ANSWERS = [
  ...(Object.keys(EASE_OF_IDENTIFICATION) as (keyof typeof EASE_OF_IDENTIFICATION)[]),
  'unknown',
] as const;
export const INTEGRITY_LOSS_ANSWERS = [
  ...(Object.keys(INTEGRITY_LOSS) as (keyof typeof INTEGRITY_LOSS)[]),
  'unknown',
] as const;
export const AVAILABILITY_LOSS_ANSWERS = [
  ...(Object.keys(AVAILABILITY_LOSS) as (keyof typeof AVAILABILITY_LOSS)[]),
  'unknown',
] as const;

export const RISK_ANSWER_KEYS = [
  'easeOfIdentification',
  'integrityLoss',
  'availabilityLoss',
  'laterMeasuresRemovedHighRisk',
  'individualContactDisproportionate',
] as const satisfies readonly (keyof RiskAnswers)[];

const ALLOWED: Readonly<Record<keyof RiskAnswers, readonly string[]>> = {
  easeOfIdentification: EASE_OF_IDENTIFICATION_ANSWERS,
  integrityLoss: INTEGRITY_LOSS_ANSWERS,
  availabilityLoss: AVAILABILITY_LOSS_ANSWERS,
  laterMeasuresRemovedHighRisk: YES_NO_UNKNOWN,
  individualContactDisproportionate: YES_NO_UNKNOWN,
};

export function emptyRiskAnswers(): RiskAnswers {
  return {
    easeOfIdentification: 'unknown',
    integrityLoss: 'unknown',
    availabilityLoss: 'unknown',
    laterMeasuresRemovedHighRisk: 'unknown',
    individualContactDisproportionate: 'unknown',
  };
}

/**
 * Merges a partial update into `current`: a key left out (or undefined) keeps its answer; an unknown key or value
 * is a problem under `riskAnswers.<key>`.
 */
export function mergeRiskAnswers(p: Problems, current: RiskAnswers, update: Partial<RiskAnswers>): RiskAnswers {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(update ?? {})) {
    if (value === undefined) continue;
    if (!(RISK_ANSWER_KEYS as readonly string[]).includes(key)) {
      p.add(`riskAnswers.${key}`, {
        nl: `Het risicoadvies kent geen vraag "${key}".`,
        en: `The risk advice has no question "${key}".`,
      });
      continue;
    }
    if (!isOneOf(ALLOWED[key as keyof RiskAnswers], value)) {
      p.add(`riskAnswers.${key}`, {
        nl: 'Kies een van de gegeven antwoorden.',
        en: 'Choose one of the given answers.',
      });
      continue;
    }
    next[key] = value;
  }
  return next as unknown as RiskAnswers;
}
