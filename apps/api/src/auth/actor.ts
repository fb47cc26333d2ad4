import type { AppAbility } from '@babyconnect/contracts';
import type { OrganisationKind, OrganisationRole } from '@babyconnect/domain';

export interface ActorMembership {
  organisationId: string;
  alias: string;
  name: string;
  kind: OrganisationKind;
  roles: readonly OrganisationRole[];
}

/** A verified person and their valid memberships, before any organisation is chosen for the request. */
export interface Identity {
  user: Actor['user'];
  memberships: readonly ActorMembership[];
  platformAdmin: boolean;
}

/**
 * Who is acting, for which organisation, with which rights. Resolved once per request from the verified token
 * and the acting-organisation header, then passed explicitly to services.
 */
export interface Actor {
  user: { id: string; displayName: string; email: string | null; issuer: string; subject: string };
  memberships: readonly ActorMembership[];
  /** The organisation this request acts for; null when none is chosen (a person in several) or the person has none. */
  acting: ActorMembership | null;
  /** True when the person belongs to several organisations and has not chosen one. */
  mustChooseOrganisation: boolean;
  platformAdmin: boolean;
  ability: AppAbility;
}

/** The acting organisation of an actor that must have one (checked by the permission guard beforehand). */
export function actingOrganisationId(actor: Actor): string {
  if (!actor.acting) throw new Error('operation requires an acting organisation but none was resolved');
  return actor.acting.organisationId;
}
