import { Field, ID, InputType } from '@nestjs/graphql';
import type { ContactRole, OrganisationKind } from '@babyconnect/domain';
import { ContactRoleEnum, OrganisationKindEnum } from './organisation.type';

@InputType()
export class CreateOrganisationInput {
  @Field() alias!: string;
  @Field() name!: string;
  @Field(() => OrganisationKindEnum) kind!: OrganisationKind;
  @Field(() => ContactRoleEnum, { nullable: true }) contactRole?: ContactRole | null;
  @Field(() => String, { nullable: true }) contactName?: string | null;
  @Field(() => String, { nullable: true }) contactEmail?: string | null;
}

@InputType()
export class UpdateOrganisationInput {
  @Field(() => String, { nullable: true }) alias?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => OrganisationKindEnum, { nullable: true }) kind?: OrganisationKind | null;
  @Field(() => ContactRoleEnum, { nullable: true }) contactRole?: ContactRole | null;
  @Field(() => String, { nullable: true }) contactName?: string | null;
  @Field(() => String, { nullable: true }) contactEmail?: string | null;
}

@InputType()
export class UpdateOrganisationContactInput {
  @Field(() => ID, { description: 'De eigen organisatie (de organisatie waarvoor u nu werkt).' })
  organisationId!: string;
  @Field(() => ContactRoleEnum) contactRole!: ContactRole;
  @Field(() => String, { nullable: true }) contactName?: string | null;
  @Field() contactEmail!: string;
}
