import { DataSource } from 'typeorm';
import { logRows } from './support/access-log';
import { ORG, gql } from './support/gql';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// A member must not be able to bring the API down for everyone, and a busy platform answers "try again shortly",
// never "internal error". (Speed is measured in tools/bench, not here.)
jest.setTimeout(120_000);

describe('reliability under load from one member', () => {
  let t: TestApp;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    t = await startTestApp();
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await t?.close();
  });

  it('survives 60 parallel requests of refused and allowed fields (the crash once found), logging each', async () => {
    const token = await tokenFor('wieg-medewerker');
    const aliases = Array.from({ length: 49 }, (_, i) => `o${i}: organisations { id }`).join(' ');
    const before = (await logRows(t.db, 'chain_id = $1', [ORG.wieg])).length;
    const answers = await Promise.all(
      Array.from({ length: 60 }, () => gql(t.http, { token, query: `{ accessLog { nextCursor } ${aliases} }` })),
    );
    for (const answer of answers) {
      expect([200, 503]).toContain(answer.status);
      expect(['FORBIDDEN', 'SERVICE_UNAVAILABLE']).toContain(answer.code);
    }
    expect(unhandled).toEqual([]);
    // Still alive and answering.
    expect((await gql(t.http, { token, query: '{ me { actingRoles } }' })).errors).toEqual([]);
    const logged = (await logRows(t.db, 'chain_id = $1', [ORG.wieg])).length - before;
    const withheld = answers.filter((a) => a.status === 503).length;
    // Every answered request has its row; a withheld answer is the only one that may lack it.
    expect(logged).toBeGreaterThanOrEqual(60 - withheld + 1);
  });

  it('answers all of 400 parallel requests of one organisation, none with an internal error', async () => {
    const token = await tokenFor('wieg-fg');
    const answers = await Promise.all(
      Array.from({ length: 400 }, () => gql(t.http, { token, query: '{ accessLog(first: 5) { nextCursor } }' })),
    );
    const byStatus = new Map<number, number>();
    for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    expect([...byStatus.keys()].every((s) => s === 200 || s === 503)).toBe(true);
    expect(answers.filter((a) => a.code === 'INTERNAL_SERVER_ERROR')).toEqual([]);
    expect(answers.filter((a) => a.status === 200 && a.errors.length === 0).length).toBeGreaterThan(0);
    expect(unhandled).toEqual([]);
  });
});

describe('when the connection pool is exhausted', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ DATABASE_POOL_MAX: '1', DATABASE_CONNECT_TIMEOUT_MS: '200' })));
  afterAll(() => t?.close());

  it('answers SERVICE_UNAVAILABLE with 503 and Retry-After, then recovers', async () => {
    const token = await tokenFor('wieg-fg');
    const dataSource = t.app.get(DataSource);
    const holder = dataSource.createQueryRunner();
    await holder.connect(); // the only connection
    try {
      for (const language of [undefined, 'en']) {
        const res = await gql(t.http, { token, language, query: '{ accessLog(first: 5) { nextCursor } }' });
        expect(res.status).toBe(503);
        expect(res.code).toBe('SERVICE_UNAVAILABLE');
        expect(res.data).toBeNull();
        expect(res.errors[0]!.message).toMatch(language ? /try again/i : /opnieuw/i);
      }
    } finally {
      await holder.release();
    }
    const after = await gql(t.http, { token, query: '{ accessLog(first: 5) { nextCursor } }' });
    expect(after.status).toBe(200);
    expect(after.errors).toEqual([]);
  });
});
