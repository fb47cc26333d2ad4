import { PLATFORM_CHAIN } from '../src/access-log/hash-chain';
import { logRows, verifyLog } from './support/access-log';
import { ORG, gql } from './support/gql';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

jest.setTimeout(60_000);

describe('the access log (NEN 7513): one row per request, one chain per organisation', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  it('writes one row per request: who, role, organisation, which fields with which outcome, which objects', async () => {
    const token = await tokenFor('wieg-privacy');
    const user = (await gql<{ me: { user: { id: string } } }>(t.http, { token, query: '{ me { user { id } } }' })).data!
      .me.user.id;
    await gql(t.http, {
      token,
      query: `{ a: organisation(id: "${ORG.nest}") { name } b: organisation(id: "00000000-0000-4000-8000-000000000000") { name } }`,
    });
    await gql(t.http, { token, query: 'query Probe { accessLog { nextCursor } }' });
    const rows = await logRows(t.db, 'chain_id = $1', [ORG.wieg]);
    expect(rows.map(({ request_id, ...rest }) => ({ ...rest, request_id: request_id ? 'set' : null }))).toEqual([
      {
        chain_id: ORG.wieg,
        seq: '1',
        user_id: user,
        roles: 'privacy-officer',
        organisation_id: ORG.wieg,
        target_organisation_id: null,
        operation: 'me',
        fields: ['me:allowed'],
        object_ids: [],
        result: 'allowed',
        reason: null,
        request_id: 'set',
      },
      {
        chain_id: ORG.wieg,
        seq: '2',
        user_id: user,
        roles: 'privacy-officer',
        organisation_id: ORG.wieg,
        target_organisation_id: null,
        operation: 'organisation',
        fields: ['organisation:allowed', 'organisation:failed:NOT_FOUND'],
        object_ids: [ORG.nest, '00000000-0000-4000-8000-000000000000'],
        result: 'failed',
        reason: 'NOT_FOUND',
        request_id: 'set',
      },
      {
        chain_id: ORG.wieg,
        seq: '3',
        user_id: user,
        roles: 'privacy-officer',
        organisation_id: ORG.wieg,
        target_organisation_id: null,
        operation: 'Probe',
        fields: ['accessLog:refused:FORBIDDEN'],
        object_ids: [],
        result: 'refused',
        reason: 'FORBIDDEN',
        request_id: 'set',
      },
    ]);
    expect(await verifyLog(t.db)).toMatchObject({ intact: true, rows: 3 });
  });

  it('writes one row for 50 aliased fields, listing them once with a count', async () => {
    const token = await tokenFor('wieg-medewerker');
    const aliases = Array.from({ length: 49 }, (_, i) => `o${i}: organisations { id }`).join(' ');
    const res = await gql(t.http, { token, query: `{ accessLog { nextCursor } ${aliases} }` });
    expect(res.code).toBe('FORBIDDEN');
    const rows = await logRows(t.db, 'chain_id = $1', [ORG.wieg]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      fields: ['accessLog:refused:FORBIDDEN', 'organisations:allowed x49'],
      result: 'refused',
      operation: 'accessLog,organisations',
    });
  });

  it('numbers each organisation’s chain on its own; requests without an organisation go to the platform chain', async () => {
    const [wieg, nest] = await Promise.all([tokenFor('wieg-fg'), tokenFor('nest-fg')]);
    for (let i = 0; i < 3; i++) await gql(t.http, { token: wieg, query: '{ me { platformAdmin } }' });
    await gql(t.http, { token: nest, query: '{ me { platformAdmin } }' });
    await gql(t.http, { token: 'garbage', query: '{ me { platformAdmin } }' });
    const rows = await logRows(t.db);
    const seqs = (chain: string) => rows.filter((r) => r.chain_id === chain).map((r) => r.seq);
    expect(seqs(ORG.wieg)).toEqual(['1', '2', '3']);
    expect(seqs(ORG.nest)).toEqual(['1']);
    expect(rows.filter((r) => r.chain_id === PLATFORM_CHAIN)).toEqual([
      expect.objectContaining({ seq: '1', user_id: null, result: 'refused', reason: 'UNAUTHENTICATED' }),
    ]);
    // De Wieg's FG reads De Wieg's chain only: its sequence reveals nothing of the others' traffic.
    const page = await gql<{ accessLog: { entries: { seq: string }[] } }>(t.http, {
      token: wieg,
      query: '{ accessLog { entries { seq } } }',
    });
    expect(page.data!.accessLog.entries.map((e) => e.seq)).toEqual(['3', '2', '1']);
  });

  it('puts an attempt to act for another organisation into that organisation’s chain, naming who tried', async () => {
    const token = await tokenFor('nest-privacy');
    const me = await gql<{ me: { user: { id: string } } }>(t.http, { token, query: '{ me { user { id } } }' });
    const refused = await gql(t.http, { token, organisationId: ORG.wieg, query: '{ organisations { name } }' });
    expect(refused.code).toBe('FORBIDDEN');
    const [row] = await logRows(t.db, 'chain_id = $1', [ORG.wieg]);
    expect(row).toMatchObject({
      user_id: me.data!.me.user.id,
      organisation_id: null,
      target_organisation_id: ORG.wieg,
      result: 'refused',
      reason: 'FORBIDDEN',
      fields: ['organisations:refused:FORBIDDEN'],
    });
    // De Wieg's FG sees the attempt in the log of De Wieg.
    const seen = await gql<{ accessLog: { entries: { targetOrganisationId: string; userId: string }[] } }>(t.http, {
      token: await tokenFor('wieg-fg'),
      query: '{ accessLog { entries { targetOrganisationId userId result } } }',
    });
    expect(seen.data!.accessLog.entries).toContainEqual({
      targetOrganisationId: ORG.wieg,
      userId: me.data!.me.user.id,
      result: 'refused',
    });
    // An id of no organisation does not open a chain: the platform chain holds it.
    await gql(t.http, {
      token,
      organisationId: '00000000-0000-4000-8000-0000000000ff',
      query: '{ me { platformAdmin } }',
    });
    expect(await logRows(t.db, 'chain_id = $1 AND user_id IS NOT NULL', [PLATFORM_CHAIN])).toHaveLength(1);
  });

  it('needs a token for every operation, also { __typename }, and logs the refusal', async () => {
    const res = await gql(t.http, { query: '{ __typename }' });
    expect(res.code).toBe('UNAUTHENTICATED');
    expect(res.data).toBeNull();
    expect(await logRows(t.db)).toEqual([
      expect.objectContaining({ chain_id: PLATFORM_CHAIN, fields: ['__typename:refused:UNAUTHENTICATED'] }),
    ]);
    const allowed = await gql(t.http, { token: await tokenFor('wieg-fg'), query: '{ __typename }' });
    expect(allowed.data).toEqual({ __typename: 'Query' });
  });

  it('records an id with a NUL byte readably instead of failing the write', async () => {
    const res = await gql(t.http, {
      token: await tokenFor('wieg-fg'),
      query: '{ organisation(id: "x\\u0000y") { name } }',
    });
    expect(['NOT_FOUND', 'BAD_USER_INPUT']).toContain(res.code);
    const rows = await logRows(t.db, 'chain_id = $1', [ORG.wieg]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.object_ids.every((id) => !id.includes('\u0000'))).toBe(true);
  });

  it('caps what a request can make it store: a 1,000,000-character operation name, a 1 MB id', async () => {
    const token = await tokenFor('wieg-fg');
    const name = `Q${'x'.repeat(999_999)}`;
    await gql(t.http, { token, query: `query ${name} { me { platformAdmin } }` });
    await gql(t.http, {
      token,
      query: 'query($id: ID!) { organisation(id: $id) { name } }',
      variables: { id: 'y'.repeat(1_000_000) },
    });
    const rows = await logRows(t.db);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const row of rows) {
      expect(JSON.stringify(row).length).toBeLessThan(10_000);
      expect([...row.operation].length).toBeLessThanOrEqual(100);
    }
    const size = await t.db.sql<{ bytes: string }>(`SELECT pg_total_relation_size('access_log')::text AS bytes`);
    expect(Number(size[0]!.bytes)).toBeLessThan(1_000_000);
  });

  it('lets the FG and the auditor read their own organisation’s log, newest first, in pages', async () => {
    const fg = await tokenFor('wieg-fg');
    for (let i = 0; i < 3; i++) await gql(t.http, { token: fg, query: '{ me { platformAdmin } }' });
    const first = await gql<{ accessLog: { entries: { seq: string; userName: string }[]; nextCursor: string } }>(
      t.http,
      {
        token: await tokenFor('wieg-auditor'),
        query: '{ accessLog(first: 2) { entries { seq userName } nextCursor } }',
      },
    );
    expect(first.errors).toEqual([]);
    expect(first.data!.accessLog.entries.map((e) => e.seq)).toEqual(['3', '2']);
    const next = await gql<{ accessLog: { entries: { seq: string }[]; nextCursor: string | null } }>(t.http, {
      token: fg,
      query: `{ accessLog(first: 2, after: "${first.data!.accessLog.nextCursor}") { entries { seq } nextCursor } }`,
    });
    expect(next.data!.accessLog).toEqual({ entries: [{ seq: '1' }], nextCursor: null });
  });

  it('keeps every chain intact when two API instances write concurrently to one database', async () => {
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
    expect(await verifyLog(t.db)).toMatchObject({ intact: true, rows: 40 });
    expect(await verifyLog(t.db, { batchSize: 3 })).toMatchObject({ intact: true, rows: 40 });
    for (const chain of [ORG.wieg, ORG.nest, ORG.zuiderhaven, ORG.hinq]) {
      const seqs = (await logRows(t.db, 'chain_id = $1', [chain])).map((r) => Number(r.seq));
      expect(seqs).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    }
  });
});

describe('the access-log row is atomic with the change it records', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  const UPDATE_CONTACT = `mutation($input: UpdateOrganisationContactInput!) {
    updateOrganisationContact(input: $input) { contactEmail } }`;
  const contact = (email: string) => ({
    input: { organisationId: ORG.wieg, contactRole: 'DPO', contactName: 'Fenna Groen', contactEmail: email },
  });
  const emailOfWieg = async () =>
    (await t.db.sql<{ e: string }>('SELECT contact_email AS e FROM organisations WHERE id = $1', [ORG.wieg]))[0]!.e;

  it('commits the change and its row together', async () => {
    const res = await gql(t.http, {
      token: await tokenFor('wieg-fg'),
      query: UPDATE_CONTACT,
      variables: contact('fg@dewieg.example.org'),
    });
    expect(res.errors).toEqual([]);
    expect(await emailOfWieg()).toBe('fg@dewieg.example.org');
    expect(await logRows(t.db, 'chain_id = $1', [ORG.wieg])).toEqual([
      expect.objectContaining({ fields: ['updateOrganisationContact:allowed'], result: 'allowed' }),
    ]);
  });

  it('changes nothing, and says so, when the row cannot be written', async () => {
    const before = await emailOfWieg();
    await t.db.sql(
      'REVOKE EXECUTE ON FUNCTION access_log_append(uuid, uuid, text, uuid, uuid, text, text[], text[], text, text, text) FROM babyconnect_app',
    );
    const res = await gql(t.http, {
      token: await tokenFor('wieg-fg'),
      query: UPDATE_CONTACT,
      variables: contact('nieuw@dewieg.example.org'),
    });
    expect(res.status).toBe(503);
    expect(res.data).toBeNull();
    expect(res.code).toBe('SERVICE_UNAVAILABLE');
    expect(res.errors[0]?.message).toBe(
      'Het toegangslogboek kon niet worden bijgewerkt; er is niets gewijzigd. Probeer het zo opnieuw.',
    );
    // The client is told to retry, and retrying is right: the change did not happen.
    expect(await emailOfWieg()).toBe(before);
    expect(await logRows(t.db)).toEqual([]);
  });

  it('withholds a read answer when its row cannot be written', async () => {
    await t.db.sql(
      'REVOKE EXECUTE ON FUNCTION access_log_append(uuid, uuid, text, uuid, uuid, text, text[], text[], text, text, text) FROM babyconnect_app',
    );
    const res = await gql(t.http, {
      token: await tokenFor('wieg-fg'),
      query: `{ organisation(id: "${ORG.nest}") { name contactEmail } }`,
    });
    expect(res.data).toBeNull();
    expect(res.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(res)).not.toContain('het-nest');
  });

  it('refuses two changes in one request (one request, one transaction, one row)', async () => {
    const res = await gql(t.http, {
      token: await tokenFor('wieg-fg'),
      query: `mutation($input: UpdateOrganisationContactInput!) {
        a: updateOrganisationContact(input: $input) { contactEmail }
        b: updateOrganisationContact(input: $input) { contactEmail } }`,
      variables: contact('twee@dewieg.example.org'),
    });
    expect(res.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors[0]?.message).toBe('Stuur één wijziging per verzoek.');
    expect(await emailOfWieg()).not.toBe('twee@dewieg.example.org');
  });
});
