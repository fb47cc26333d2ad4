import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  BREACH_KINDS,
  INCIDENT_STAGES,
  type CommunicationChannel,
  type LetterLanguage,
  type LetterVariant,
} from '@babyconnect/domain';
import type { Actor } from '../auth/actor';
import { Audit, CurrentActor, type AuditTrail } from '../permissions/current-actor.decorator';
import { Operation } from '../permissions/operation.decorator';
import { AppClock } from '../time/app-clock';
import { LetterLanguageEnum, LetterVariantEnum } from './register.enums';
import {
  RecordApFollowUpInput,
  RecordDataSubjectCommunicationInput,
  RegisterFilterInput,
  SaveDataSubjectLetterInput,
  WithdrawApNotificationInput,
} from './register.inputs';
import { presentAnswers, presentLetter } from './register.presenter';
import type { RegisterFilter } from './register.repository';
import { RegisterService } from './register.service';
import { ApNotificationAnswersType, DataSubjectLetterType, RegisterPageType } from './register.type';

/** The AP form's answers, the records beside the AP notification and the letter, and the register (GraphQL). */
@Resolver()
export class RegisterResolver {
  constructor(
    private readonly service: RegisterService,
    private readonly clock: AppClock,
  ) {}

  @Query(() => ApNotificationAnswersType, {
    description:
      'Privacyfunctionaris, FG, auditor: de antwoorden voor het meldformulier van de AP (AVG art. 33 lid 3), per onderdeel, met wat ontbreekt.',
  })
  @Operation('read', 'Incident')
  async apNotificationAnswers(
    @Args('incidentId', { type: () => ID }) incidentId: string,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<ApNotificationAnswersType> {
    audit.touched(incidentId);
    return presentAnswers(await this.service.apAnswers(actor, incidentId));
  }

  @Mutation(() => ApNotificationAnswersType, {
    description: 'Privacyfunctionaris: een vervolgmelding aan de AP vastleggen (AVG art. 33 lid 4).',
  })
  @Operation('update', 'Incident')
  async recordApFollowUp(
    @Args('incidentId', { type: () => ID }) incidentId: string,
    @Args('input') input: RecordApFollowUpInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<ApNotificationAnswersType> {
    audit.touched(incidentId);
    const { confirmPrivacyWarnings, ...rest } = input;
    return presentAnswers(await this.service.recordFollowUp(actor, incidentId, rest, confirmPrivacyWarnings));
  }

  @Mutation(() => ApNotificationAnswersType, {
    description: 'Privacyfunctionaris: de melding bij de AP intrekken (het bleek geen datalek), met de reden.',
  })
  @Operation('update', 'Incident')
  async withdrawApNotification(
    @Args('incidentId', { type: () => ID }) incidentId: string,
    @Args('input') input: WithdrawApNotificationInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<ApNotificationAnswersType> {
    audit.touched(incidentId);
    const { confirmPrivacyWarnings, ...rest } = input;
    return presentAnswers(await this.service.withdraw(actor, incidentId, rest, confirmPrivacyWarnings));
  }

  @Query(() => DataSubjectLetterType, {
    description:
      'Privacyfunctionaris, FG, auditor: het concept van de brief aan betrokkenen en alle opgeslagen versies.',
  })
  @Operation('read', 'Incident')
  async dataSubjectLetter(
    @Args('incidentId', { type: () => ID }) incidentId: string,
    @Args('language', { type: () => LetterLanguageEnum, defaultValue: 'nl' }) language: LetterLanguage,
    @Args('variant', { type: () => LetterVariantEnum, defaultValue: 'letter' }) variant: LetterVariant,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<DataSubjectLetterType> {
    audit.touched(incidentId);
    return presentLetter(await this.service.letter(actor, incidentId, language, variant));
  }

  @Mutation(() => DataSubjectLetterType, {
    description: 'Privacyfunctionaris: de brief opslaan; elke opslag is een nieuwe versie, oude blijven bewaard.',
  })
  @Operation('update', 'Incident')
  async saveDataSubjectLetter(
    @Args('incidentId', { type: () => ID }) incidentId: string,
    @Args('input') input: SaveDataSubjectLetterInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<DataSubjectLetterType> {
    audit.touched(incidentId);
    const { confirmPrivacyWarnings, ...rest } = input;
    return presentLetter(
      await this.service.saveLetter(
        actor,
        incidentId,
        { ...rest, language: rest.language as LetterLanguage, variant: rest.variant as LetterVariant },
        confirmPrivacyWarnings,
      ),
    );
  }

  @Mutation(() => ApNotificationAnswersType, {
    description: 'Privacyfunctionaris: vastleggen wanneer, hoe en aan hoeveel personen de brief is verstuurd.',
  })
  @Operation('update', 'Incident')
  async recordDataSubjectCommunication(
    @Args('incidentId', { type: () => ID }) incidentId: string,
    @Args('input') input: RecordDataSubjectCommunicationInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<ApNotificationAnswersType> {
    audit.touched(incidentId);
    const { confirmPrivacyWarnings, ...rest } = input;
    return presentAnswers(
      await this.service.recordCommunication(
        actor,
        incidentId,
        { ...rest, channel: rest.channel as CommunicationChannel },
        confirmPrivacyWarnings,
      ),
    );
  }

  @Query(() => RegisterPageType, {
    description:
      'Privacyfunctionaris, FG, auditor: het datalekregister (AVG art. 33 lid 5), nieuwste ontdekking eerst; bijna-incidenten in een eigen lijst, oefeningen nooit.',
  })
  @Operation('read', 'Register')
  breachRegister(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null | undefined,
    @Args('filter', { type: () => RegisterFilterInput, nullable: true }) filter: RegisterFilterInput | null | undefined,
    @Args('language', {
      type: () => LetterLanguageEnum,
      defaultValue: 'nl',
      description: 'Taal van de teksten in de regels (fase, soort, gegevens).',
    })
    language: LetterLanguage,
  ): Promise<RegisterPageType> {
    return this.service.page(actor, toRegisterFilter(filter ?? null, this.clock.now()), first, after ?? null, language);
  }
}

/** The GraphQL filter (also the export's query string, after parsing) as the repository's. */
export function toRegisterFilter(filter: RegisterFilterInput | null, now: Date): RegisterFilter {
  const oneOf = <T extends string>(values: readonly T[], v: string | null | undefined): T | null =>
    v != null && (values as readonly string[]).includes(v) ? (v as T) : null;
  return {
    list: filter?.nearMisses ? 'near-misses' : 'breaches',
    from: filter?.from ?? null,
    to: filter?.to ?? null,
    stage: oneOf(INCIDENT_STAGES, filter?.stage),
    kind: oneOf(BREACH_KINDS, filter?.kind),
    notified: filter?.notified ?? null,
    late: filter?.late ?? null,
    now,
  };
}
