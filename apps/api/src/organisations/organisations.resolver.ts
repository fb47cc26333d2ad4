import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { Audit, CurrentActor, type AuditTrail } from '../permissions/current-actor.decorator';
import { Operation } from '../permissions/operation.decorator';
import {
  CreateOrganisationInput,
  UpdateOrganisationContactInput,
  UpdateOrganisationInput,
} from './organisation.inputs';
import { OrganisationType } from './organisation.type';
import { OrganisationsService } from './organisations.service';

@Resolver(() => OrganisationType)
export class OrganisationsResolver {
  constructor(private readonly service: OrganisationsService) {}

  @Query(() => [OrganisationType], { description: 'De organisaties van de keten met hun FG of privacycontact.' })
  @Operation('read', 'OrganisationDirectory')
  async organisations(
    @Args('choosableAsPartner', {
      type: () => Boolean,
      defaultValue: false,
      description:
        'true: alleen organisaties die als te informeren partner gekozen kunnen worden — nog in de keten (niet uitgestapt) en niet HINQ (die coördineert). De melder en al gekozen partners laat de client zelf weg.',
    })
    choosableAsPartner: boolean,
  ): Promise<OrganisationType[]> {
    const list = choosableAsPartner ? await this.service.partnerCandidates() : await this.service.directory();
    return list.map(OrganisationType.from);
  }

  @Query(() => OrganisationType)
  @Operation('read', 'OrganisationDirectory')
  async organisation(
    @Args('id', { type: () => ID }) id: string,
    @Audit() audit: AuditTrail,
  ): Promise<OrganisationType> {
    audit.touched(id);
    return OrganisationType.from(await this.service.directoryEntry(id));
  }

  @Mutation(() => OrganisationType, { description: 'Beheerder: een organisatie aan de keten toevoegen.' })
  @Operation('create', 'Organisation')
  async createOrganisation(
    @Args('input') input: CreateOrganisationInput,
    @Audit() audit: AuditTrail,
  ): Promise<OrganisationType> {
    const created = await this.service.create(input);
    audit.touched(created.id);
    audit.concerns(created.id);
    return OrganisationType.from(created);
  }

  @Mutation(() => OrganisationType, { description: 'Beheerder: gegevens van een organisatie wijzigen.' })
  @Operation('update', 'Organisation')
  async updateOrganisation(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateOrganisationInput,
    @Audit() audit: AuditTrail,
  ): Promise<OrganisationType> {
    audit.touched(id);
    const updated = await this.service.update(id, input);
    audit.concerns(updated.id);
    return OrganisationType.from(updated);
  }

  @Mutation(() => OrganisationType, {
    description:
      'Beheerder: de organisatie is uit de keten gestapt per `at` (standaard nu); vanaf dan niet meer als partner te kiezen.',
  })
  @Operation('update', 'Organisation')
  async markOrganisationLeftChain(
    @Args('id', { type: () => ID }) id: string,
    @Args('at', { type: () => Date, nullable: true }) at: Date | null,
    @Audit() audit: AuditTrail,
  ): Promise<OrganisationType> {
    audit.touched(id);
    const updated = await this.service.markLeftChain(id, at);
    audit.concerns(updated.id);
    return OrganisationType.from(updated);
  }

  @Mutation(() => OrganisationType, {
    description: 'Beheerder: het uit de keten stappen ongedaan maken; de organisatie is weer als partner te kiezen.',
  })
  @Operation('update', 'Organisation')
  async undoOrganisationLeftChain(
    @Args('id', { type: () => ID }) id: string,
    @Audit() audit: AuditTrail,
  ): Promise<OrganisationType> {
    audit.touched(id);
    const updated = await this.service.undoLeftChain(id);
    audit.concerns(updated.id);
    return OrganisationType.from(updated);
  }

  @Mutation(() => OrganisationType, {
    description: 'Privacyfunctionaris of FG: de contactgegevens van de eigen organisatie wijzigen.',
  })
  @Operation('update', 'OrganisationContact')
  async updateOrganisationContact(
    @Args('input') input: UpdateOrganisationContactInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<OrganisationType> {
    audit.touched(input.organisationId);
    return OrganisationType.from(await this.service.updateOwnContact(actor, input));
  }
}
