import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DETECTION_RULES, type DetectionRule } from '@babyconnect/domain';
import { ChainOrganisationType } from '../chain/chain.type';
import { IncidentStageEnum } from '../incidents/incident.enums';

export const DetectionRuleEnum = Object.fromEntries(DETECTION_RULES.map((r) => [r, r])) as Record<
  DetectionRule,
  DetectionRule
>;
registerEnumType(DetectionRuleEnum, {
  name: 'ViewerLogDetectionRule',
  description:
    'MANY_ORGANISATIONS: één account opent dossiers van ongewoon veel organisaties of cliënten; UNUSUAL_HOURS: veel inzages op een ongebruikelijk uur; TWO_ORGANISATIONS: één account vanuit twee organisaties tegelijk.',
});

@ObjectType('ViewerLogAlert', {
  description:
    'Een signaal van de detectie op het kijklog: de regel, het venster en de tellingen (nooit pseudoniemen). Meldt zichzelf als vermoedelijk datalek bij de betrokken organisatie.',
})
export class ViewerLogAlertType {
  @Field(() => ID) id!: string;
  @Field(() => ChainOrganisationType, { description: 'De organisatie die het signaal betreft.' })
  organisation!: ChainOrganisationType;
  @Field(() => DetectionRuleEnum) rule!: DetectionRule;
  @Field({ description: 'Het account van de viewer (een medewerker, geen cliënt).' }) account!: string;
  @Field() windowStart!: Date;
  @Field() windowEnd!: Date;
  @Field(() => Int) accesses!: number;
  @Field(() => Int) distinctRecords!: number;
  @Field(() => Int) distinctOrganisations!: number;
  @Field() raisedAt!: Date;
  @Field(() => ID, {
    nullable: true,
    description:
      'Het gemelde vermoedelijke datalek; null voor wie dat datalek niet mag lezen (HINQ bij een andere organisatie).',
  })
  incidentId!: string | null;
  @Field(() => String, { nullable: true }) incidentReference!: string | null;
  @Field(() => IncidentStageEnum, {
    nullable: true,
    description:
      'Waar dat datalek in de workflow staat (afgesloten: ook beoordeeld als geen datalek); null voor wie het niet mag lezen.',
  })
  incidentStage!: string | null;
  @Field(() => Date, { nullable: true }) dismissedAt!: Date | null;
  @Field(() => String, { nullable: true }) dismissedByName!: string | null;
  @Field(() => String, { nullable: true, description: 'Waarom het signaal is afgedaan (bewaard).' })
  dismissalReason!: string | null;
}
