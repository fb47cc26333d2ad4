import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LINE_REJECTIONS, type LineRejection, type ProposalStatus } from '@babyconnect/domain';
import { ChainOrganisationType } from '../chain/chain.type';
import { LocalisedTextType } from '../incidents/localised-text.type';

export const LineRejectionEnum = Object.fromEntries(LINE_REJECTIONS.map((r) => [r, r])) as Record<
  LineRejection,
  LineRejection
>;
registerEnumType(LineRejectionEnum, {
  name: 'ViewerLogLineRejection',
  description: 'Waarom een regel van het kijklog niet is meegeteld.',
});

const PROPOSAL_STATUSES: ProposalStatus[] = ['PROPOSED', 'REPORTER', 'COORDINATOR', 'ALREADY_CHOSEN'];
export const ProposalStatusEnum = Object.fromEntries(PROPOSAL_STATUSES.map((s) => [s, s])) as Record<
  ProposalStatus,
  ProposalStatus
>;
registerEnumType(ProposalStatusEnum, {
  name: 'ViewerLogProposalStatus',
  description:
    'PROPOSED: voorgesteld als te informeren partner; REPORTER: de melder zelf; COORDINATOR: HINQ; ALREADY_CHOSEN: al gekozen.',
});

@ObjectType('ViewerLogRejectedLine')
export class RejectedLineType {
  @Field(() => Int, { description: 'Regelnummer in het bestand (de kopregel is regel 1).' }) line!: number;
  @Field(() => LineRejectionEnum) reason!: LineRejection;
  @Field(() => LocalisedTextType) detail!: LocalisedTextType;
}

@ObjectType('ViewerLogRejectionCount')
export class RejectionCountType {
  @Field(() => LineRejectionEnum) reason!: LineRejection;
  @Field(() => Int) count!: number;
}

@ObjectType('ViewerLogOrganisationImpact', {
  description: 'Per organisatie: hoeveel verschillende dossiers het verdachte account opende, en hoe vaak.',
})
export class OrganisationImpactType {
  @Field(() => ChainOrganisationType) organisation!: ChainOrganisationType;
  @Field(() => Int) distinctRecords!: number;
  @Field(() => Int) accesses!: number;
  @Field() firstAccessAt!: Date;
  @Field() lastAccessAt!: Date;
  @Field(() => ProposalStatusEnum) status!: ProposalStatus;
}

@ObjectType('ViewerLogAnalysis', {
  description:
    'De impactanalyse van een kijklog-export voor een ketenincident: alleen tellingen, nooit pseudoniemen. De upload zelf is na de analyse weggegooid.',
})
export class ViewerLogAnalysisType {
  @Field(() => ID) id!: string;
  @Field(() => ID) chainIncidentId!: string;
  @Field(() => [String]) suspectAccounts!: string[];
  @Field() windowFrom!: Date;
  @Field() windowTo!: Date;
  @Field(() => Int, { description: 'Gelezen dataregels (zonder kopregel).' }) lines!: number;
  @Field(() => Int) accepted!: number;
  @Field(() => Int, { description: 'Regels van een verdacht account binnen het venster.' }) relevant!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => [RejectionCountType]) rejectedByReason!: RejectionCountType[];
  @Field(() => [RejectedLineType], { description: 'De eerste 1000 afgekeurde regels; de tellingen zijn volledig.' })
  rejectedLines!: RejectedLineType[];
  @Field(() => [OrganisationImpactType]) organisations!: OrganisationImpactType[];
  @Field() analysedAt!: Date;
  @Field() analysedByName!: string;
  @Field(() => Date, { nullable: true }) confirmedAt!: Date | null;
  @Field(() => String, { nullable: true }) confirmedByName!: string | null;
  @Field(() => [ID], { nullable: true }) confirmedOrganisationIds!: string[] | null;
  @Field({ description: 'Waar: hetzelfde bestand was al geanalyseerd; er is niets opnieuw geteld.' })
  repeated!: boolean;
}
