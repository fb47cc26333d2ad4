import { Query, Resolver } from '@nestjs/graphql';
import type { Actor, ActorMembership } from '../auth/actor';
import { CurrentActor } from '../permissions/current-actor.decorator';
import { Operation } from '../permissions/operation.decorator';
import { MeType, type MembershipOrganisationType } from './me.type';

function organisationOf(m: ActorMembership): MembershipOrganisationType {
  return { id: m.organisationId, alias: m.alias, name: m.name, kind: m.kind };
}

@Resolver(() => MeType)
export class MeResolver {
  @Query(() => MeType, { description: 'Wie ben ik, voor welke organisatie werk ik, met welke rechten.' })
  @Operation('read', 'Me')
  me(@CurrentActor() actor: Actor): MeType {
    return Object.assign(new MeType(), {
      user: { id: actor.user.id, displayName: actor.user.displayName, email: actor.user.email },
      platformAdmin: actor.platformAdmin,
      actingOrganisation: actor.acting ? organisationOf(actor.acting) : null,
      actingRoles: [...(actor.acting?.roles ?? [])],
      memberships: actor.memberships.map((m) => ({ organisation: organisationOf(m), roles: [...m.roles] })),
      mustChooseOrganisation: actor.mustChooseOrganisation,
      abilityRules: JSON.stringify(actor.ability.rules),
    });
  }
}
