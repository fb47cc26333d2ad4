import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { NotificationEvent } from '@babyconnect/notifications';
import type { OrganisationKind } from '@babyconnect/domain';
import { OrganisationKindEnum } from '../organisations/organisation.type';
import { NotificationEventEnum } from './notification.type';

export const MailLocaleEnum = { NL: 'nl', EN: 'en' } as const;
registerEnumType(MailLocaleEnum, { name: 'MailLocale', description: 'De taal van e-mails: Nederlands of Engels.' });

@ObjectType('NotificationSubscription', {
  description: 'Welke e-mails één persoon krijgt door één rol in één organisatie.',
})
export class NotificationSubscriptionType {
  @Field(() => ID) organisationId!: string;
  @Field() organisationName!: string;
  @Field(() => OrganisationKindEnum) organisationKind!: OrganisationKind;
  @Field({ description: 'De rol (dpo, privacy-officer, hinq-coordinator …) die deze e-mails oplevert.' })
  role!: string;
  @Field(() => [NotificationEventEnum], { description: 'De gebeurtenissen waarover deze rol e-mail krijgt.' })
  events!: NotificationEvent[];
  @Field({
    description: 'Alleen bij termijn verstreken voor HINQ: geldt alleen als andere organisaties betrokken kunnen zijn.',
  })
  chainOnly!: boolean;
}

@ObjectType('MyNotificationSettings', {
  description: 'Welke e-mails ik krijg, op welk adres, in welke taal, en of ik het dagoverzicht (FG) ontvang.',
})
export class MyNotificationSettingsType {
  @Field(() => String, {
    nullable: true,
    description: 'Het adres waarop ik e-mail krijg (van mijn laatste aanmelding); leeg: geen e-mail mogelijk.',
  })
  address!: string | null;
  @Field(() => MailLocaleEnum) locale!: 'nl' | 'en';
  @Field({ description: 'Dagoverzicht van open datalekken (alleen voor wie FG is ergens).' }) dailyDigest!: boolean;
  @Field({ description: 'Kan ik het dagoverzicht krijgen: ben ik ergens FG?' }) dailyDigestAvailable!: boolean;
  @Field(() => Int, { description: 'Het uur (Europe/Amsterdam) waarop het dagoverzicht verstuurd wordt.' })
  digestHour!: number;
  @Field(() => [NotificationSubscriptionType]) subscriptions!: NotificationSubscriptionType[];
}

@InputType('MyNotificationSettingsInput', { description: 'Wat je leeg laat, blijft zoals het was.' })
export class MyNotificationSettingsInput {
  @Field(() => MailLocaleEnum, { nullable: true }) locale?: 'nl' | 'en' | null;
  @Field(() => Boolean, { nullable: true }) dailyDigest?: boolean | null;
}
