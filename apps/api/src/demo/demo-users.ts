import { readFileSync } from 'node:fs';
import type { EntityManager } from 'typeorm';
import { cleanExternalName, parseGroupMemberships, type OrganisationRole } from '@babyconnect/domain';

/** A demo person as the API knows them after their first login, with their roles per organisation alias. */
export interface DemoUser {
  id: string;
  username: string;
  rolesByAlias: ReadonlyMap<string, readonly OrganisationRole[]>;
}

interface DemoFileUser {
  id: string;
  username: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  groups?: string[];
}

/**
 * The `users` rows of the demo people who act in the demo incidents. The API creates a person's row at their first
 * login (auth/users.repository.ts: issuer + subject from the verified token, name and e-mail from its claims); the
 * incidents need their reporters and actors before anyone has logged in, so the seed writes the same row the first
 * login would: the same issuer (OIDC_ISSUER_URL), the demo file's id as subject (the local identity provider, and
 * Keycloak after importing the realm, put it in `sub`), the same name and e-mail. The first login then finds the
 * row and updates it (`ON CONFLICT (issuer, subject)`), so an employee sees the demo reports as their own. An
 * existing row is left as it is.
 */
export async function ensureDemoUsers(
  manager: EntityManager,
  issuer: string,
  demoFile: string,
  usernames: readonly string[],
): Promise<Map<string, DemoUser>> {
  const { users } = JSON.parse(readFileSync(demoFile, 'utf8')) as { users: DemoFileUser[] };
  const result = new Map<string, DemoUser>();
  for (const username of [...new Set(usernames)]) {
    const user = users.find((u) => u.username === username);
    if (!user) throw new Error(`demo user ${username} is not in ${demoFile}`);
    // As the login does: the name claim (given + family name), cleaned, or the subject when there is none.
    const fullName = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username;
    const displayName = cleanExternalName(fullName) || user.id;
    await manager.query(
      `INSERT INTO users (issuer, subject, display_name, email) VALUES ($1, $2, $3, $4)
       ON CONFLICT (issuer, subject) DO NOTHING`,
      [issuer, user.id, displayName, user.email ?? null],
    );
    const rows: { id: string }[] = await manager.query(`SELECT id FROM users WHERE issuer = $1 AND subject = $2`, [
      issuer,
      user.id,
    ]);
    result.set(username, {
      id: rows[0]!.id,
      username,
      rolesByAlias: parseGroupMemberships(user.groups ?? []).byAlias,
    });
  }
  return result;
}
