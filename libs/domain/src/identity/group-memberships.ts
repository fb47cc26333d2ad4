import { isOrganisationAlias } from './organisation-alias';
import { isOrganisationRole, type OrganisationRole } from './organisation-role';

/**
 * Organisation membership travels in the token as Keycloak group paths (Group Membership mapper, full path):
 * `/orgs/<alias>/<role>` and `/platform/admin`. Anything else is ignored, never guessed at.
 */
export interface GroupMemberships {
  /** Roles per organisation alias, in a stable order. */
  byAlias: ReadonlyMap<string, readonly OrganisationRole[]>;
  platformAdmin: boolean;
  /** Paths that looked like memberships but were not understood (for logs, not for rights). */
  ignored: readonly string[];
}

export function parseGroupMemberships(groups: unknown): GroupMemberships {
  const byAlias = new Map<string, OrganisationRole[]>();
  const ignored: string[] = [];
  let platformAdmin = false;
  const paths = Array.isArray(groups) ? groups : [];
  for (const path of paths) {
    if (typeof path !== 'string') continue;
    if (path === '/platform/admin') {
      platformAdmin = true;
      continue;
    }
    const parts = path.split('/');
    // ['', 'orgs', alias, role]
    const [empty, orgs, alias, role, ...rest] = parts;
    if (
      empty !== '' ||
      orgs !== 'orgs' ||
      !isOrganisationAlias(alias) ||
      rest.length > 0 ||
      !isOrganisationRole(role)
    ) {
      if (path.startsWith('/orgs/') || path.startsWith('/platform/')) ignored.push(path);
      continue;
    }
    const roles = byAlias.get(alias) ?? [];
    if (!roles.includes(role)) roles.push(role);
    byAlias.set(alias, roles);
  }
  for (const roles of byAlias.values()) roles.sort();
  return { byAlias, platformAdmin, ignored };
}
