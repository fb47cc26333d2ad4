import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LocalisedTextType } from '../incidents/localised-text.type';
import { CommunicationChannelEnum, LetterLanguageEnum, LetterVariantEnum } from './register.enums';

// GraphQL shapes of the register's documents. Not entities: register.presenter.ts maps the domain's values to these.

@ObjectType('ApAnswer', { description: 'Eén vraag van het meldformulier van de AP met het antwoord uit het datalek.' })
export class ApAnswerType {
  @Field() key!: string;
  @Field(() => LocalisedTextType) question!: LocalisedTextType;
  @Field(() => LocalisedTextType, {
    nullable: true,
    description: 'Leeg: nog niet bekend; aan te vullen in een vervolgmelding (AVG art. 33 lid 4).',
  })
  answer!: LocalisedTextType | null;
}

@ObjectType('ApAnswerSection', {
  description: 'Een onderdeel van het meldformulier, in de volgorde van het formulier.',
})
export class ApAnswerSectionType {
  @Field() key!: string;
  @Field(() => LocalisedTextType) title!: LocalisedTextType;
  @Field(() => [ApAnswerType]) answers!: ApAnswerType[];
}

@ObjectType('ApSubmission', { description: 'De vastgelegde melding aan de AP (stap 5).' })
export class ApSubmissionType {
  @Field() submittedAt!: Date;
  @Field(() => String, { nullable: true }) apReference!: string | null;
  @Field(() => String, { nullable: true }) delayReasons!: string | null;
  @Field() late!: boolean;
  @Field() recordedAt!: Date;
}

@ObjectType('ApFollowUp', { description: 'Een vervolgmelding (AVG art. 33 lid 4).' })
export class ApFollowUpType {
  @Field() submittedAt!: Date;
  @Field() summary!: string;
  @Field(() => String, { nullable: true }) apReference!: string | null;
  @Field() recordedAt!: Date;
  @Field(() => ID) recordedBy!: string;
}

@ObjectType('ApWithdrawal', { description: 'De melding ingetrokken: het bleek geen datalek.' })
export class ApWithdrawalType {
  @Field() withdrawnAt!: Date;
  @Field() reason!: string;
  @Field() recordedAt!: Date;
  @Field(() => ID) recordedBy!: string;
}

@ObjectType('DataSubjectCommunication', {
  description: 'Wanneer, hoe en aan hoeveel personen de organisatie de brief verstuurde (geen namen).',
})
export class DataSubjectCommunicationType {
  @Field() sentAt!: Date;
  @Field(() => CommunicationChannelEnum) channel!: string;
  @Field(() => Int, { nullable: true }) recipients!: number | null;
  @Field(() => Int, { nullable: true }) letterVersion!: number | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field() recordedAt!: Date;
}

@ObjectType('ApNotificationAnswers', {
  description:
    'De antwoorden voor het meldformulier van de AP, met de vastgelegde melding, vervolgmeldingen en intrekking.',
})
export class ApNotificationAnswersType {
  @Field(() => ID) incidentId!: string;
  @Field() reference!: string;
  @Field(() => [ApAnswerSectionType]) sections!: ApAnswerSectionType[];
  @Field(() => [String], { description: 'De sleutels van de antwoorden die nog ontbreken.' }) missing!: string[];
  @Field({ description: 'Alle antwoorden als platte tekst, in de volgorde van het formulier (Nederlands).' })
  textNl!: string;
  @Field({ description: 'All answers as plain text, in the form’s order (English).' }) textEn!: string;
  @Field({ description: 'Besloten de AP te informeren (stap 5).' }) decidedToNotify!: boolean;
  @Field(() => ApSubmissionType, { nullable: true }) submission!: ApSubmissionType | null;
  @Field(() => [ApFollowUpType]) followUps!: ApFollowUpType[];
  @Field(() => ApWithdrawalType, { nullable: true }) withdrawal!: ApWithdrawalType | null;
  @Field(() => [DataSubjectCommunicationType]) communications!: DataSubjectCommunicationType[];
}

@ObjectType('LetterPart')
export class LetterPartType {
  @Field() key!: string;
  @Field() text!: string;
}

@ObjectType('LetterDraft', { description: 'Het concept van de brief, opgesteld uit het datalek.' })
export class LetterDraftType {
  @Field(() => LetterLanguageEnum) language!: string;
  @Field(() => LetterVariantEnum) variant!: string;
  @Field() subject!: string;
  @Field(() => [LetterPartType]) parts!: LetterPartType[];
  @Field() body!: string;
}

@ObjectType('LetterVersion', { description: 'Een opgeslagen versie; elke opslag is een nieuwe versie.' })
export class LetterVersionType {
  @Field(() => Int) version!: number;
  @Field(() => LetterLanguageEnum) language!: string;
  @Field(() => LetterVariantEnum) variant!: string;
  @Field() subject!: string;
  @Field() body!: string;
  @Field() savedAt!: Date;
  @Field(() => String, { nullable: true }) savedByName!: string | null;
}

@ObjectType('DataSubjectLetter', { description: 'De brief aan betrokkenen (AVG art. 34): concept en versies.' })
export class DataSubjectLetterType {
  @Field(() => ID) incidentId!: string;
  @Field() reference!: string;
  @Field(() => LetterDraftType) draft!: LetterDraftType;
  @Field(() => [LetterVersionType], { description: 'Nieuwste eerst.' }) versions!: LetterVersionType[];
}

@ObjectType('RegisterEntry', { description: 'Eén regel van het datalekregister (AVG art. 33 lid 5).' })
export class RegisterEntryType {
  @Field(() => ID) id!: string;
  @Field() reference!: string;
  @Field() stage!: string;
  @Field() outcome!: string;
  @Field() reportedAt!: Date;
  @Field() discoveredAt!: Date;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field() kinds!: string;
  @Field() cause!: string;
  @Field() whatHappened!: string;
  @Field() dataCategories!: string;
  @Field() groups!: string;
  @Field() persons!: string;
  @Field() records!: string;
  @Field() assessment!: string;
  @Field() consequences!: string;
  @Field() measures!: string;
  @Field() apDecision!: string;
  @Field(() => Date, { nullable: true }) apDecisionAt!: Date | null;
  @Field() apDeparture!: string;
  @Field() apNotified!: boolean;
  @Field(() => Date, { nullable: true }) apNotifiedAt!: Date | null;
  @Field() apReference!: string;
  @Field() late!: boolean;
  @Field() delayReasons!: string;
  @Field() followUps!: string;
  @Field() withdrawal!: string;
  @Field() subjectsDecision!: string;
  @Field(() => Date, { nullable: true }) subjectsDecisionAt!: Date | null;
  @Field() subjectsDeparture!: string;
  @Field(() => Date, { nullable: true }) subjectsInformedAt!: Date | null;
  @Field() communications!: string;
  @Field() dpoAdvice!: string;
  @Field() improvementActions!: string;
  @Field() recurrencePrevention!: string;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
}

@ObjectType('RegisterPage')
export class RegisterPageType {
  @Field(() => [RegisterEntryType]) entries!: RegisterEntryType[];
  @Field(() => String, { nullable: true }) nextCursor!: string | null;
}
