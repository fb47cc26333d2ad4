import { Field, InputType, Int } from '@nestjs/graphql';
import { BreachKindEnum, IncidentStageEnum } from '../incidents/incident.enums';
import { CommunicationChannelEnum, LetterLanguageEnum, LetterVariantEnum } from './register.enums';

const CONFIRM =
  'Bevestig dat vrije tekst die op cliëntgegevens lijkt (privacywaarschuwing) geen gegevens van een cliënt bevat.';

@InputType()
export class RecordApFollowUpInput {
  @Field({ description: 'Wanneer de vervolgmelding via het formulier van de AP is ingediend.' }) submittedAt!: Date;
  @Field({ description: 'Wat de vervolgmelding aanvulde of corrigeerde.' }) summary!: string;
  @Field(() => String, { nullable: true }) apReference?: string | null;
  @Field(() => Boolean, { nullable: true, description: CONFIRM }) confirmPrivacyWarnings?: boolean | null;
}

@InputType()
export class WithdrawApNotificationInput {
  @Field({ description: 'Wanneer de melding bij de AP is ingetrokken.' }) withdrawnAt!: Date;
  @Field({ description: 'Waarom: het bleek geen datalek.' }) reason!: string;
  @Field(() => Boolean, { nullable: true, description: CONFIRM }) confirmPrivacyWarnings?: boolean | null;
}

@InputType()
export class SaveDataSubjectLetterInput {
  @Field(() => LetterLanguageEnum) language!: string;
  @Field(() => LetterVariantEnum) variant!: string;
  @Field() subject!: string;
  @Field() body!: string;
  @Field(() => Boolean, { nullable: true, description: CONFIRM }) confirmPrivacyWarnings?: boolean | null;
}

@InputType()
export class RecordDataSubjectCommunicationInput {
  @Field() sentAt!: Date;
  @Field(() => CommunicationChannelEnum) channel!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'Aan hoeveel personen (geen namen); leeg bij een openbare mededeling.',
  })
  recipients?: number | null;
  @Field(() => Int, { nullable: true }) letterVersion?: number | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Boolean, { nullable: true, description: CONFIRM }) confirmPrivacyWarnings?: boolean | null;
}

@InputType({ description: 'Filters van het datalekregister; oefeningen staan er nooit in.' })
export class RegisterFilterInput {
  @Field(() => Date, { nullable: true, description: 'Ontdekt op of na.' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Ontdekt vóór.' }) to?: Date | null;
  @Field(() => IncidentStageEnum, { nullable: true }) stage?: string | null;
  @Field(() => BreachKindEnum, { nullable: true }) kind?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Gemeld bij de AP of niet.' }) notified?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Te laat gemeld, of de 72 uur verstreken zonder melding.' })
  late?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'De lijst met bijna-incidenten in plaats van de datalekken.' })
  nearMisses?: boolean | null;
}
