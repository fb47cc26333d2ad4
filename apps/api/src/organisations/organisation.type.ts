import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CONTACT_ROLES, ORGANISATION_KINDS, type ContactRole, type OrganisationKind } from '@babyconnect/domain';
import type { OrganisationEntity } from './organisation.entity';

export const OrganisationKindEnum = Object.fromEntries(ORGANISATION_KINDS.map((k) => [k, k])) as Record<
  OrganisationKind,
  OrganisationKind
>;
registerEnumType(OrganisationKindEnum, {
  name: 'OrganisationKind',
  description: 'Verloskundigenpraktijk, ziekenhuis, kraamzorgorganisatie of HINQ.',
});
export const ContactRoleEnum = Object.fromEntries(CONTACT_ROLES.map((k) => [k, k])) as Record<ContactRole, ContactRole>;
registerEnumType(ContactRoleEnum, {
  name: 'ContactRole',
  description:
    'DPO: functionaris gegevensbescherming (FG). PRIVACY_CONTACT: privacycontactpersoon van een organisatie zonder FG.',
});

/** An entry of the chain's organisation directory: who to contact, no breach data. */
@ObjectType('Organisation')
export class OrganisationType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Sleutel van de organisatie bij de identiteitsprovider (/orgs/<alias>/<rol>).' })
  alias!: string;
  @Field() name!: string;
  @Field(() => OrganisationKindEnum) kind!: OrganisationKind;
  @Field(() => ContactRoleEnum, { nullable: true }) contactRole!: ContactRole | null;
  @Field(() => String, { nullable: true }) contactName!: string | null;
  @Field(() => String, { nullable: true }) contactEmail!: string | null;
  @Field(() => Date, {
    nullable: true,
    description:
      'Uit de keten gestapt per dit moment: vanaf dan niet meer als partner van een ketenincident te kiezen.',
  })
  leftChainAt!: Date | null;

  static from(entity: OrganisationEntity): OrganisationType {
    return Object.assign(new OrganisationType(), {
      id: entity.id,
      alias: entity.alias,
      name: entity.name,
      kind: entity.kind,
      contactRole: entity.contactRole,
      contactName: entity.contactName,
      contactEmail: entity.contactEmail,
      leftChainAt: entity.leftChainAt,
    });
  }
}
