import { readChain } from '../src/access-log/access-log.repository';
import { rowHash, type ChainRow } from '../src/access-log/hash-chain';
import { verifyAccessLogChain } from '../src/access-log/verify-chain';
import { createDataSource } from '../src/database/data-source';
import { ORG, gql } from './support/gql';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface Row {
  seq: string;
  user_id: string | null;
  roles: string | null;
  organisation_id: string | null;
  operation: string;
  object_ids: string[];
  result: string;
  reason: string | null;
  request_id: string | null;
}

describe('the access log (NEN 7513)', () => {
  let t: TestApp;
  const rows = () =>
    t.db.sql<Row>(
      'SELECT seq::text, user_id, roles, organisation_id, operation, object_ids, result, reason, request_id FROM access_log ORDER BY access_log.seq',
    );
  const verify = async (batchSize?: number) => {
    const owner = createDataSource({ url: t.db.migrationUrl, poolMax: 1 });
    await owner.initialize();
    try {
      return await verifyAccessLogChain(owner, batchSize);
    } finally {
      await owner.destroy();
    }
  };

  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  it('writes one row per operation with who, role, organisation, what, which objects and the result', async () => {
    const token = await tokenFor('wieg-privacy');
    const user = (await gql<{ me: { user: { id: string } } }>(t.http, { token, query: '{ me { user { id } } }' })).data!
      .me.user.id;
    await gql(t.http, {
      token,
      query: `{ a: organisation(id: "${ORG.nest}") { name } b: organisation(id: "00000000-0000-4000-8000-000000000000") { name } }`,
    });
    await gql(t.http, { token, query: '{ accessLog { nextCursor } }' });
    await gql(t.http, { token: 'garbage', query: '{ me { user { id } } }' });
    const log = await rows();
    expect(
      log.map(({ seq: _seq, request_id, ...rest }) => ({ ...rest, request_id: request_id ? 'set' : null })),
    ).toEqual([
      {
        user_id: user,
        roles: 'privacy-officer',
        organisation_id: ORG.wieg,
        operation: 'me',
        object_ids: [],
        result: 'allowed',
        reason: null,
        request_id: 'set',
      },
      {
        user_id: user,
        roles: 'privacy-officer',
        organisation_id: ORG.wieg,
        operation: 'organisation',
        object_ids: [ORG.nest],
        result: 'allowed',
        reason: null,
        request_id: 'set',
      },
      {
        user_id: user,
        roles: 'privacy-officer',
        organisation_id: ORG.wieg,
        operation: 'organisation',
        object_ids: ['00000000-0000-4000-8000-000000000000'],
        result: 'failed',
        reason: 'NOT_FOUND',
        request_id: 'set',
      },
      {
        user_id: user,
        roles: 'privacy-officer',
        organisation_id: ORG.wieg,
        operation: 'accessLog',
        object_ids: [],
        result: 'refused',
        reason: 'FORBIDDEN',
        request_id: 'set',
      },
      {
        user_id: null,
        roles: null,
        organisation_id: null,
        operation: 'me',
        object_ids: [],
        result: 'refused',
        reason: 'UNAUTHENTICATED',
        request_id: 'set',
      },
    ]);
    expect(await verify()).toEqual({ intact: true, rows: 5 });
  });

  it('logs requests refused before execution (limits, invalid queries) as refusals', async () => {
    await gql(t.http, { token: await tokenFor('wieg-fg'), query: 'query Probe { me { nope } }' });
    const [row] = await rows();
    expect(row).toMatchObject({ operation: '(Probe)', result: 'refused', reason: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('lets the FG and the auditor read their own organisation’s log, newest first, in pages', async () => {
    const fg = await tokenFor('wieg-fg');
    for (let i = 0; i < 3; i++) await gql(t.http, { token: fg, query: '{ me { platformAdmin } }' });
    const first = await gql<{
      accessLog: { entries: { seq: string; operation: string; userName: string }[]; nextCursor: string };
    }>(t.http, {
      token: await tokenFor('wieg-auditor'),
      query: '{ accessLog(first: 2) { entries { seq operation userName } nextCursor } }',
    });
    expect(first.errors).toEqual([]);
    expect(first.data!.accessLog.entries.map((e) => e.seq)).toEqual(['3', '2']);
    const next = await gql<{ accessLog: { entries: { seq: string }[]; nextCursor: string | null } }>(t.http, {
      token: fg,
      query: `{ accessLog(first: 2, after: "${first.data!.accessLog.nextCursor}") { entries { seq } nextCursor } }`,
    });
    expect(next.data!.accessLog).toEqual({ entries: [{ seq: '1' }], nextCursor: null });
    const bad = await gql(t.http, { token: fg, query: '{ accessLog(first: 0) { nextCursor } }' });
    expect(bad.errors[0]?.extensions.fields).toEqual([
      { field: 'first', message: 'Vraag 1 tot 500 regels per pagina op.' },
    ]);
  });

  it('keeps one intact chain when two API instances write concurrently to one database', async () => {
    const second = await startTestApp({}, t.db);
    try {
      const tokens = await Promise.all(['wieg-fg', 'nest-fg', 'zuiderhaven-privacy', 'hinq-coordinator'].map(tokenFor));
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          gql(i % 2 ? second.http : t.http, { token: tokens[i % tokens.length], query: '{ me { platformAdmin } }' }),
        ),
      );
    } finally {
      await second.close();
    }
    // Numeric order across batch boundaries (rows 10+ sort before 2 as text: a bug once).
    expect(await verify()).toEqual({ intact: true, rows: 40 });
    expect(await verify(7)).toEqual({ intact: true, rows: 40 });
    const seqs = (await rows()).map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('withholds the answer when the access log cannot be written', async () => {
    await t.db.sql(
      'REVOKE EXECUTE ON FUNCTION access_log_append(uuid, text, uuid, text, text[], text, text, text) FROM babyconnect_app',
    );
    const res = await gql(t.http, {
      token: await tokenFor('wieg-fg'),
      query: `{ organisation(id: "${ORG.nest}") { name contactEmail } }`,
    });
    expect(res.data).toBeNull();
    expect(res.code).toBe('INTERNAL_SERVER_ERROR');
    expect(res.errors[0]?.message).toBe('Het toegangslogboek kon niet worden bijgewerkt; probeer het later opnieuw.');
    expect(JSON.stringify(res)).not.toContain('het-nest');
    expect(await rows()).toEqual([]);
  });

  /** Some activity of De Wieg's FG: `count` access-log rows. */
  const activity = async (count: number) => {
    const token = await tokenFor('wieg-fg');
    for (let i = 0; i < count; i++) await gql(t.http, { token, query: '{ me { platformAdmin } }' });
  };
  /** Someone with superuser rights bypasses the append-only trigger and edits history. */
  const tamper = async (statement: string, params: unknown[] = []) => {
    await t.db.sql('ALTER TABLE access_log DISABLE TRIGGER access_log_no_update');
    await t.db.sql(statement, params);
  };

  it('names the first altered row when a row is changed in the database', async () => {
    await activity(4);
    expect(await verify()).toEqual({ intact: true, rows: 4 });
    await tamper(`UPDATE access_log SET result = 'allowed', operation = 'me' WHERE seq = 3`);
    await tamper(`UPDATE access_log SET roles = 'auditor' WHERE seq = 2`);
    expect(await verify()).toMatchObject({
      intact: false,
      seq: '2',
      problem: 'row 2 was altered: its contents no longer match its hash',
    });
  });

  it('names a removed row', async () => {
    await activity(4);
    await tamper('DELETE FROM access_log WHERE seq = 2');
    expect(await verify()).toMatchObject({
      intact: false,
      seq: '2',
      problem: 'row 2 is missing: the chain jumps past it',
    });
  });

  it('catches a forger who also recomputes the edited row’s hash, at the next row’s link', async () => {
    await activity(3);
    const owner = createDataSource({ url: t.db.migrationUrl, poolMax: 1 });
    await owner.initialize();
    const rowsBefore: ChainRow[] = [];
    for await (const row of readChain(owner)) rowsBefore.push(row);
    await owner.destroy();
    const forged = { ...rowsBefore[1]!, roles: 'auditor' };
    await tamper(`UPDATE access_log SET roles = $1, hash = $2 WHERE seq = 2`, ['auditor', rowHash(forged)]);
    expect(await verify()).toMatchObject({
      intact: false,
      seq: '3',
      problem: 'row 3 does not link to the row before it: that row, or this one, was altered or removed',
    });
  });
});
