import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OrganisationRole } from '@babyconnect/domain';

/** How long this instance trusts that a person's stored roles are current before it writes them again. */
const REMEMBER_MS = 10 * 60_000;
const MAX_REMEMBERED = 10_000;

/**
 * Remembers which roles a person held in which organisation at their last sign-in. Roles live in the identity
 * provider's groups and otherwise reach the API only inside tokens; notifications must find "the FG of De Wieg"
 * when nobody is signed in (notifications/recipients.repository.ts). Written only when the roles changed or this
 * instance has not written them for ten minutes, as UsersRepository does with names. A role taken away in the
 * identity provider is forgotten at the person's next sign-in; until then they may still receive mail for it
 * (README: notifications, recipients).
 */
@Injectable()
export class RoleDirectoryRepository {
  private readonly remembered = new Map<string, { key: string; until: number }>();

  constructor(private readonly dataSource: DataSource) {}

  async remember(
    userId: string,
    memberships: readonly { organisationId: string; roles: readonly OrganisationRole[] }[],
  ): Promise<void> {
    const entries = memberships.map((m) => [m.organisationId, [...m.roles].sort().join(',')] as const).sort();
    const key = JSON.stringify(entries);
    const known = this.remembered.get(userId);
    if (known && known.key === key && known.until > Date.now()) return;
    // One statement: forget organisations the person left, record the current roles.
    await this.dataSource.query(
      `WITH gone AS (
         DELETE FROM user_organisation_roles WHERE user_id = $1 AND organisation_id <> ALL ($2::uuid[])
       )
       INSERT INTO user_organisation_roles (user_id, organisation_id, roles)
       SELECT $1, t.organisation_id, string_to_array(t.roles, ',')
         FROM unnest($2::uuid[], $3::text[]) AS t (organisation_id, roles)
       ON CONFLICT (user_id, organisation_id) DO UPDATE SET roles = EXCLUDED.roles, seen_at = now()`,
      [userId, entries.map(([id]) => id), entries.map(([, roles]) => roles)],
    );
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    this.remembered.set(userId, { key, until: Date.now() + REMEMBER_MS });
  }
}
