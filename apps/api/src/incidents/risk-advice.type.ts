import { Field, Float, ObjectType } from '@nestjs/graphql';
import type { RiskAdvice } from '@babyconnect/domain';
import {
  Art34ExemptionEnum,
  DataSubjectOutcomeEnum,
  RecommendationEnum,
  RiskFactorEnum,
  RiskLevelEnum,
} from './incident.enums';
import { LocalisedTextType } from './localised-text.type';

@ObjectType('RiskReason', { description: 'Eén reden van het advies, met de factor van het protocol erachter.' })
export class RiskReasonType {
  @Field(() => RiskFactorEnum) factor!: string;
  @Field({ description: 'raises, lowers of neutral' }) effect!: string;
  @Field({ description: 'Berust op een aanname voor een ontbrekend antwoord (bij twijfel melden).' })
  assumed!: boolean;
  @Field(() => LocalisedTextType) text!: LocalisedTextType;
}

@ObjectType('RiskMissingAnswer')
export class MissingAnswerType {
  @Field() question!: string;
  @Field(() => LocalisedTextType) text!: LocalisedTextType;
}

@ObjectType('RiskAdvice', {
  description:
    'Het verklaarde risicoadvies (ENISA 2013-score, EDPB 9/2022-niveau). De mens besluit; afwijken vraagt een reden.',
})
export class RiskAdviceType {
  @Field() modelVersion!: string;
  @Field(() => RiskLevelEnum) level!: string;
  @Field(() => Float, { description: 'ENISA: SE = DPC × EI + CB.' }) score!: number;
  @Field({ description: 'ENISA: low, medium, high, very-high.' }) severity!: string;
  @Field(() => RecommendationEnum) recommendation!: string;
  @Field() notifyAp!: boolean;
  @Field(() => DataSubjectOutcomeEnum) dataSubjects!: string;
  @Field(() => Art34ExemptionEnum, { nullable: true }) exemption!: string | null;
  @Field(() => LocalisedTextType) summary!: LocalisedTextType;
  @Field(() => [RiskReasonType]) reasons!: RiskReasonType[];
  @Field(() => [MissingAnswerType]) missingAnswers!: MissingAnswerType[];
  @Field({ description: 'De genormaliseerde invoer van het model (JSON), om het advies later te kunnen uitleggen.' })
  inputs!: string;

  static from(advice: RiskAdvice): RiskAdviceType {
    return Object.assign(new RiskAdviceType(), {
      modelVersion: advice.modelVersion,
      level: advice.level,
      score: advice.severity.score,
      severity: advice.severity.level,
      recommendation: advice.recommendation,
      notifyAp: advice.notifyAp,
      dataSubjects: advice.dataSubjects,
      exemption: advice.exemption,
      summary: advice.summary,
      reasons: advice.reasons.map((r) => ({ factor: r.factor, effect: r.effect, assumed: r.assumed, text: r.text })),
      missingAnswers: advice.missingAnswers.map((m) => ({ question: m.question, text: m.text })),
      inputs: JSON.stringify(advice.inputs),
    });
  }
}
