import { Injectable, Logger } from '@nestjs/common';
import { defineAbilityFor, type AppAbility } from '@babyconnect/contracts';
import {
  parseGroupMemberships,
  resolveActingOrganisation,
  validMemberships,
  type Membership,
  type OrganisationRole,
} from '@babyconnect/domain';
import { errors } from '../errors/api-error';
import { MembershipsRepository, type MemberOrganisation } from './memberships.repository';
import { RoleDirectoryRepository } from './role-directory.repository';
import { UsersRepository } from './users.repository';
import type { Actor, ActorMembership, Identity } from './actor';
import type { VerifiedToken } from './token-verifier';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class ActorService {
  private readonly logger = new Logger(ActorService.name);

  constructor(
    private readonly organisations: MembershipsRepository,
    private readonly users: UsersRepository,
    private readonly roleDirectory: RoleDirectoryRepository,
  ) {}

  /** Who the verified token belongs to, and the organisations (with valid roles) they belong to. */
  async identify(token: VerifiedToken): Promise<Identity> {
    const groups = parseGroupMemberships(token.groups);
    const [user, organisations] = await Promise.all([
      this.users.seen(token),
      this.organisations.byAliases([...groups.byAlias.keys()]),
    ]);

    const candidates: Membership[] = organisations.map((org) => ({
      organisationId: org.id,
      kind: org.kind,
      roles: groups.byAlias.get(org.alias) ?? [],
    }));
    const { valid, dropped } = validMemberships(candidates);
    if (dropped.length > 0)
      this.logger.warn(`Ignored roles not valid in their organisation: ${JSON.stringify(dropped)}`);
    const byId = new Map(organisations.map((org) => [org.id, org]));
    const memberships: ActorMembership[] = valid
      .map((m) => {
        const org = byId.get(m.organisationId)!;
        return { organisationId: org.id, alias: org.alias, name: org.name, kind: org.kind, roles: m.roles };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    // Notifications find an organisation's FG and privacy officers here when nobody is signed in.
    await this.roleDirectory.remember(user.id, memberships);

    return {
      user: { ...user, issuer: token.issuer, subject: token.subject },
      memberships,
      platformAdmin: groups.platformAdmin,
    };
  }

  /**
   * HINQ's systems with a client-credentials token of the push client: no person and no group memberships. The
   * actor acts for HINQ (its pushed events live in HINQ's tenant) with no role at all, and its abilities come from
   * the token's scopes only (`viewer-log:push` → `create ViewerLogFeed`, nothing else: not even `read Me`). The
   * service account is recorded like a person so the access log can name it.
   */
  async machine(token: VerifiedToken, hinq: MemberOrganisation): Promise<Actor> {
    const user = await this.users.seen({
      issuer: token.issuer,
      subject: token.subject,
      displayName: token.azp ? `service-account-${token.azp}` : token.displayName,
      email: null,
    });
    const acting: ActorMembership = {
      organisationId: hinq.id,
      alias: hinq.alias,
      name: hinq.name,
      kind: hinq.kind,
      roles: [],
    };
    return {
      user: { ...user, issuer: token.issuer, subject: token.subject },
      memberships: [acting],
      acting,
      mustChooseOrganisation: false,
      platformAdmin: false,
      ability: defineAbilityFor({ roles: [], platformAdmin: false, systemScopes: token.scope }),
    };
  }

  /** The request's actor: the identity acting for the requested organisation (header), or the implied one. */
  actFor(identity: Identity, requestedOrganisationId: string | undefined): Actor {
    const { memberships, platformAdmin } = identity;
    const requested = requestedOrganisationId?.trim() || undefined;
    if (requested !== undefined && !UUID.test(requested)) throw errors.notAMember();
    const outcome = resolveActingOrganisation(
      memberships.map((m) => ({ organisationId: m.organisationId, kind: m.kind, roles: m.roles })),
      requested,
    );
    if (outcome.outcome === 'not-a-member') throw errors.notAMember();
    const acting =
      outcome.outcome === 'acting'
        ? (memberships.find((m) => m.organisationId === outcome.membership.organisationId) ?? null)
        : null;

    return {
      user: identity.user,
      memberships,
      acting,
      mustChooseOrganisation: outcome.outcome === 'choose',
      platformAdmin,
      ability: this.abilityFor(acting?.roles ?? [], platformAdmin),
    };
  }

  /** Abilities depend only on the roles and the admin flag: built once per combination, not per request. */
  private readonly abilities = new Map<string, AppAbility>();

  private abilityFor(roles: readonly OrganisationRole[], platformAdmin: boolean): AppAbility {
    const key = `${platformAdmin}|${[...roles].sort().join(',')}`;
    let ability = this.abilities.get(key);
    if (!ability) {
      ability = defineAbilityFor({ roles, platformAdmin });
      this.abilities.set(key, ability);
    }
    return ability;
  }
}
