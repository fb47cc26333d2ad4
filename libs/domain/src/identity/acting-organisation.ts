import type { OrganisationKind } from './organisation-kind';
import { isRoleValidFor, type OrganisationRole } from './organisation-role';

export interface Membership {
  organisationId: string;
  kind: OrganisationKind;
  roles: readonly OrganisationRole[];
}

export type ActingOrganisationResult =
  | { outcome: 'acting'; membership: Membership }
  /** No organisation chosen and none implied: allowed for operations that do not act for an organisation (e.g. `me`). */
  | { outcome: 'none' }
  /** Several memberships and no choice made. */
  | { outcome: 'choose'; memberships: readonly Membership[] }
  /** The requested organisation is not one of the person's. */
  | { outcome: 'not-a-member'; requested: string };

/**
 * Drops roles that are not valid in their organisation (a `hinq-coordinator` group outside HINQ grants nothing)
 * and memberships left without any role. Returns what was dropped so it can be logged.
 */
export function validMemberships(memberships: readonly Membership[]): {
  valid: Membership[];
  dropped: { organisationId: string; role: OrganisationRole }[];
} {
  const dropped: { organisationId: string; role: OrganisationRole }[] = [];
  const valid: Membership[] = [];
  for (const m of memberships) {
    const roles = m.roles.filter((role) => {
      const ok = isRoleValidFor(m.kind, role);
      if (!ok) dropped.push({ organisationId: m.organisationId, role });
      return ok;
    });
    if (roles.length > 0) valid.push({ ...m, roles });
  }
  return { valid, dropped };
}

/**
 * The organisation a request acts for: the one named in the request, which must be one of the person's;
 * implied when the person belongs to exactly one; otherwise the person must choose.
 */
export function resolveActingOrganisation(
  memberships: readonly Membership[],
  requestedOrganisationId: string | undefined,
): ActingOrganisationResult {
  if (requestedOrganisationId !== undefined) {
    const membership = memberships.find((m) => m.organisationId === requestedOrganisationId);
    return membership
      ? { outcome: 'acting', membership }
      : { outcome: 'not-a-member', requested: requestedOrganisationId };
  }
  const [only, ...others] = memberships;
  if (only && others.length === 0) return { outcome: 'acting', membership: only };
  if (!only) return { outcome: 'none' };
  return { outcome: 'choose', memberships };
}
