import { Field, ID, ObjectType } from '@nestjs/graphql';
import { OrganisationKindEnum } from '../organisations/organisation.type';
import type { OrganisationKind } from '@babyconnect/domain';

@ObjectType('User')
export class UserType {
  @Field(() => ID) id!: string;
  @Field() displayName!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
}

@ObjectType('MembershipOrganisation')
export class MembershipOrganisationType {
  @Field(() => ID) id!: string;
  @Field() alias!: string;
  @Field() name!: string;
  @Field(() => OrganisationKindEnum) kind!: OrganisationKind;
}

@ObjectType('Membership')
export class MembershipType {
  @Field(() => MembershipOrganisationType) organisation!: MembershipOrganisationType;
  @Field(() => [String], { description: 'employee, privacy-officer, dpo, auditor, hinq-coordinator' }) roles!: string[];
}

@ObjectType('Me')
export class MeType {
  @Field(() => UserType) user!: UserType;
  @Field() platformAdmin!: boolean;
  @Field(() => MembershipOrganisationType, {
    nullable: true,
    description: 'De organisatie waarvoor dit verzoek werkt.',
  })
  actingOrganisation!: MembershipOrganisationType | null;
  @Field(() => [String], { description: 'Rollen in de organisatie waarvoor dit verzoek werkt.' })
  actingRoles!: string[];
  @Field(() => [MembershipType]) memberships!: MembershipType[];
  @Field({ description: 'Moet nog kiezen voor welke organisatie hij/zij werkt (lid van meerdere).' })
  mustChooseOrganisation!: boolean;
  @Field({
    description: 'CASL-regels (JSON) voor de organisatie waarvoor dit verzoek werkt; de portal toont er acties mee.',
  })
  abilityRules!: string;
}
