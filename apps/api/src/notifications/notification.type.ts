import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NOTIFICATION_EVENTS } from '@babyconnect/notifications';
import { LocalisedTextType } from '../incidents/localised-text.type';
import { DELIVERY_STATUSES } from './outbox.repository';
import { RECIPIENT_ROLES } from './recipients.repository';

function enumOf<T extends string>(values: readonly T[], name: string, description: string): Record<string, T> {
  const enumObject = Object.fromEntries(values.map((v) => [v.toUpperCase().replace(/-/g, '_'), v])) as Record<
    string,
    T
  >;
  registerEnumType(enumObject, { name, description });
  return enumObject;
}

export const NotificationEventEnum = enumOf(
  NOTIFICATION_EVENTS,
  'NotificationEvent',
  'Waarover een e-mail ging: melding, mogelijk andere organisaties betrokken, besluit, herinnering termijn, termijn verstreken.',
);
export const DeliveryStatusEnum = enumOf(
  DELIVERY_STATUSES,
  'DeliveryStatus',
  'Wachtrij, bezig, opnieuw proberen, verzonden, onbestelbaar (dead letter).',
);
export const RecipientRoleEnum = enumOf(
  RECIPIENT_ROLES,
  'RecipientRole',
  'Aan wie: FG, privacyfunctionaris, contactpersoon van de organisatie, HINQ-coördinator, FG of contactpersoon van HINQ.',
);

@ObjectType('DeliveryFailure', { description: 'Waarom een e-mail (nog) niet is afgeleverd.' })
export class DeliveryFailureType {
  @Field({ description: 'Vaste code, bijv. rejected, connection, no-recipient.' }) reason!: string;
  @Field(() => LocalisedTextType) text!: LocalisedTextType;
}

@ObjectType('IncidentNotification', { description: 'Eén e-mail aan één ontvanger over een datalek.' })
export class IncidentNotificationType {
  @Field(() => ID) id!: string;
  @Field(() => NotificationEventEnum) event!: string;
  @Field(() => RecipientRoleEnum) recipientRole!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Gemaskeerd (f***@de-wieg.example.org); leeg: niemand bereikbaar.',
  })
  recipientAddress!: string | null;
  @Field(() => DeliveryStatusEnum) status!: string;
  @Field(() => Int) attempts!: number;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) sentAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'De volgende poging, bij opnieuw proberen.' })
  nextAttemptAt!: Date | null;
  @Field(() => DeliveryFailureType, { nullable: true }) lastFailure!: DeliveryFailureType | null;
}

@ObjectType('DeadLetter', { description: 'Een e-mail die niet kon worden afgeleverd (platformbeheer).' })
export class DeadLetterType extends IncidentNotificationType {
  @Field(() => ID) organisationId!: string;
  @Field() organisationName!: string;
  @Field({ description: 'Het kenmerk van het datalek, bijv. DL-2026-0042.' }) reference!: string;
}

@ObjectType('UnreachableOrganisation', {
  description: 'Een organisatie waarvan de FG niet per e-mail bereikbaar is (platformbeheer zet een contactpersoon).',
})
export class UnreachableOrganisationType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}
