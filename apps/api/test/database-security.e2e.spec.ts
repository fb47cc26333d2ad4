import pg from 'pg';
import { ORG, gql } from './support/gql';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

/** The second line of defence: what the API's database role can do when application code forgets the tenant. */
describe('database: row-level security and the app role', () => {
  let t: TestApp;
  let app: pg.Client;

  beforeAll(async () => {
    t = await startTestApp();
    // Activity in two organisations, so access-log rows of both exist.
    await gql(t.http, { token: await tokenFor('wieg-fg'), query: '{ me { platformAdmin } }' });
    await gql(t.http, { token: await tokenFor('nest-fg'), query: '{ me { platformAdmin } }' });
    app = new pg.Client({ connectionString: t.db.appUrl });
    await app.connect();
  });
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  const denied = (promise: Promise<unknown>) =>
    expect(promise).rejects.toThrow(/permission denied|row-level security|append-only|must be owner/);

  it('connects as a role that owns no table and cannot bypass row-level security', async () => {
    const who = await app.query(
      `SELECT current_user AS user, rolbypassrls, rolsuper FROM pg_roles WHERE rolname = current_user`,
    );
    expect(who.rows[0]).toEqual({ user: 'babyconnect_app', rolbypassrls: false, rolsuper: false });
    const owned = await app.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`,
    );
    expect(owned.rows).toEqual([]);
    const forced = await t.db.sql<{ relname: string }>(
      `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relrowsecurity AND relforcerowsecurity ORDER BY relname`,
    );
    expect(forced.map((r) => r.relname)).toEqual([
      'access_log',
      'access_log_heads',
      'access_log_pending',
      'access_log_v1',
      'ap_notification_records',
      'chain_incidents',
      'chain_partners',
      'chain_timeline',
      'data_subject_communications',
      'data_subject_letters',
      'incident_counters',
      'incident_events',
      'incidents',
      'notification_outbox',
      'notification_timers',
      'organisations',
      'viewer_log_alerts',
      'viewer_log_analyses',
      'viewer_log_batches',
      'viewer_log_detection_keys',
      'viewer_log_events',
    ]);
  });

  it('returns zero tenant rows without tenant context, also with an empty setting, and only own rows with it', async () => {
    const total = await t.db.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM access_log WHERE organisation_id IS NOT NULL',
    );
    expect(total[0]?.n).toBeGreaterThan(1);
    expect((await app.query('SELECT * FROM access_log')).rows).toEqual([]);
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.tenant_id', '', true)`);
    expect((await app.query('SELECT * FROM access_log')).rows).toEqual([]);
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [ORG.wieg]);
    const own = await app.query('SELECT DISTINCT organisation_id FROM access_log');
    expect(own.rows).toEqual([{ organisation_id: ORG.wieg }]);
    await app.query('COMMIT');
    // The setting lasted only for that transaction: a pooled connection does not keep it.
    expect((await app.query('SELECT * FROM access_log')).rows).toEqual([]);
  });

  it('cannot write the access log except through the append function, and nobody can change or delete a row', async () => {
    await denied(
      app.query(
        `INSERT INTO access_log (seq, occurred_at, operation, result, prev_hash, hash) VALUES (999, now(), 'x', 'allowed', '', '')`,
      ),
    );
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [ORG.wieg]);
    await denied(app.query(`UPDATE access_log SET result = 'allowed'`));
    await app.query('ROLLBACK');
    await app.query('BEGIN');
    await denied(app.query('DELETE FROM access_log'));
    await app.query('ROLLBACK');
    await denied(app.query('TRUNCATE access_log'));
    // Not even the schema owner may rewrite history.
    const owner = new pg.Client({ connectionString: t.db.migrationUrl });
    await owner.connect();
    try {
      await denied(owner.query(`UPDATE access_log SET result = 'allowed'`));
      await denied(owner.query('DELETE FROM access_log'));
    } finally {
      await owner.end();
    }
  });

  it('cannot create organisations or edit another organisation without the platform-admin or tenant setting', async () => {
    await denied(
      app.query(`INSERT INTO organisations (alias, name, kind) VALUES ('sluiproute', 'Sluiproute', 'HOSPITAL')`),
    );
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [ORG.wieg]);
    const other = await app.query(`UPDATE organisations SET name = 'Overgenomen' WHERE id = $1`, [ORG.nest]);
    expect(other.rowCount).toBe(0);
    const own = await app.query(`UPDATE organisations SET contact_name = 'Femke de Vries' WHERE id = $1`, [ORG.wieg]);
    expect(own.rowCount).toBe(1);
    await app.query('ROLLBACK');
    const untouched = await t.db.sql<{ name: string }>('SELECT name FROM organisations WHERE id = $1', [ORG.nest]);
    expect(untouched[0]?.name).toBe('Verloskundigenpraktijk Het Nest');
  });

  it('refuses lying text and a list of addresses even past the API (the shared rules, as constraints)', async () => {
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [ORG.wieg]);
    for (const [column, value] of [
      ['contact_name', 'Femke \u202Eeiv\u202C'],
      ['contact_name', 'Fem\u200Bke'],
      ['contact_email', 'fg,ops@de-wieg.example.org'],
      ['contact_email', 'FG@de-wieg.example.org'],
    ] as const) {
      await app.query('SAVEPOINT attempt');
      await expect(
        app.query(`UPDATE organisations SET ${column} = $1 WHERE id = $2`, [value, ORG.wieg]),
      ).rejects.toThrow(/violates check constraint "organisations_(contact_name_plain_text|contact_email_strict)"/);
      await app.query('ROLLBACK TO SAVEPOINT attempt');
    }
    const fine = await app.query(`UPDATE organisations SET contact_name = 'Fenna Groen-Žižek' WHERE id = $1`, [
      ORG.wieg,
    ]);
    expect(fine.rowCount).toBe(1);
    await app.query('ROLLBACK');
  });

  it('cannot create tables or alter the schema', async () => {
    await denied(app.query('CREATE TABLE sneaky (id int)'));
    await denied(app.query('ALTER TABLE organisations DISABLE ROW LEVEL SECURITY'));
  });
});
