// The embedded PostgreSQL's superuser password: generated once per data folder and kept next to it in a file
// only its owner can read, so no two clones (and no other local user) share a known password.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export interface SuperuserCredentials {
  user: string;
  password: string;
}

export const SUPERUSER = 'postgres';
/** The password every data folder got before passwords were generated; only used to replace it once. */
export const LEGACY_SUPERUSER_PASSWORD = 'postgres-local-only';

export class CredentialsError extends Error {}

/** `<parent of dataDir>/<name of dataDir>-credentials.json`, e.g. .data/postgres-credentials.json. */
export function credentialsFile(dataDir: string): string {
  const absolute = resolve(dataDir);
  return join(dirname(absolute), `${basename(absolute)}-credentials.json`);
}

export function readCredentials(dataDir: string): SuperuserCredentials | undefined {
  const file = credentialsFile(dataDir);
  if (!existsSync(file)) return undefined;
  let parsed: Partial<SuperuserCredentials>;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<SuperuserCredentials>;
  } catch (error) {
    throw new CredentialsError(
      `The database password file ${file} is damaged (${(error as Error).message}). ` +
        'Restore it, or run `npm run reset` to start with a fresh local database (deletes the local data).',
    );
  }
  if (typeof parsed.password !== 'string' || parsed.password.length < 16) {
    throw new CredentialsError(
      `The database password file ${file} has no usable password. Restore it, or run \`npm run reset\` (deletes the local data).`,
    );
  }
  return { user: parsed.user ?? SUPERUSER, password: parsed.password };
}

export function newCredentials(): SuperuserCredentials {
  return { user: SUPERUSER, password: randomBytes(24).toString('base64url') };
}

export function writeCredentials(dataDir: string, credentials: SuperuserCredentials): void {
  const file = credentialsFile(dataDir);
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // mode applies only when the file is created
}

export function removeCredentials(dataDir: string): void {
  rmSync(credentialsFile(dataDir), { force: true });
}
