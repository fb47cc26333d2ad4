// Checks for a database given by DATABASE_URL (and DATABASE_MIGRATION_URL) before migrations run, so a mistake
// is reported with the name of the setting the user actually wrote and what to do about it, not as a failure
// deep in the migration or seed command.
import pg from 'pg';
import { StackError } from './errors.ts';

const EXAMPLE = 'postgres://<user>:<password>@<host>:<port>/<database>';
const USE_EMBEDDED = 'or unset DATABASE_URL and DATABASE_MIGRATION_URL to use the embedded PostgreSQL';

/** A PostgreSQL URL, or a StackError naming `variable`. */
export function parseDatabaseUrl(variable: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StackError(`${variable} is not a URL; expected ${EXAMPLE} (${USE_EMBEDDED}).`);
  }
  if (!['postgres:', 'postgresql:'].includes(url.protocol) || !url.hostname) {
    throw new StackError(
      `${variable} must be a PostgreSQL URL like ${EXAMPLE}, got ${url.protocol}//${url.host}… (${USE_EMBEDDED}).`,
    );
  }
  return url;
}

export interface GivenDatabase {
  appUrl: string;
  migrationUrl: string;
}

/**
 * Validates the given URLs, connects with each, and decides which one runs migrations and the demo seed. Without
 * DATABASE_MIGRATION_URL, DATABASE_URL is used for them only if its user owns the schema (else migrations fail on
 * permissions and the seed on row-level security, naming neither setting).
 */
export async function checkGivenDatabase(
  env: Record<string, string | undefined>,
  say: (line: string) => void,
): Promise<GivenDatabase> {
  const appUrl = env['DATABASE_URL']!.trim();
  const migrationUrl = env['DATABASE_MIGRATION_URL']?.trim() || undefined;
  parseDatabaseUrl('DATABASE_URL', appUrl);
  if (migrationUrl) parseDatabaseUrl('DATABASE_MIGRATION_URL', migrationUrl);

  const app = await inspect('DATABASE_URL', appUrl);
  if (migrationUrl) {
    await inspect('DATABASE_MIGRATION_URL', migrationUrl);
    return { appUrl, migrationUrl };
  }
  if (!app.ownsSchema) {
    throw new StackError(
      `DATABASE_MIGRATION_URL is not set, and the user of DATABASE_URL (${app.user}) does not own the database's ` +
        'public schema, so the migrations and the demo data cannot run as it. Set DATABASE_MIGRATION_URL to the ' +
        `schema owner's URL (e.g. ${EXAMPLE.replace('<user>', 'babyconnect_owner')}), ${USE_EMBEDDED}.`,
    );
  }
  say(
    `DATABASE_MIGRATION_URL is not set: migrations and demo data run as the user of DATABASE_URL (${app.user}, the schema owner). ` +
      "Set DATABASE_MIGRATION_URL to the owner's URL and DATABASE_URL to the app role (babyconnect_app) as in production.",
  );
  return { appUrl, migrationUrl: appUrl };
}

async function inspect(variable: string, url: string): Promise<{ user: string; ownsSchema: boolean }> {
  const parsed = new URL(url);
  const where = `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined); // a connection lost after connect surfaces in the query below
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new StackError(
      `Cannot connect to the database of ${variable} (${where}): ${describe(error)}. Check ${variable} ` +
        `(host, port, user, password, database name), ${USE_EMBEDDED}.`,
    );
  }
  try {
    const { rows } = await client.query<{ user: string; owns: boolean }>(
      `SELECT current_user AS user,
              r.rolsuper OR pg_has_role(current_user, n.nspowner, 'USAGE') AS owns
         FROM pg_roles r, pg_namespace n
        WHERE r.rolname = current_user AND n.nspname = 'public'`,
    );
    return { user: rows[0]?.user ?? parsed.username, ownsSchema: rows[0]?.owns === true };
  } finally {
    await client.end().catch(() => undefined);
  }
}

function describe(error: unknown): string {
  const own = error as { code?: string; message?: string; errors?: { message: string }[] };
  // An AggregateError (IPv4 and IPv6 both refused) has an empty message of its own.
  return own.message || own.errors?.map((e) => e.message).join('; ') || own.code || String(error);
}
