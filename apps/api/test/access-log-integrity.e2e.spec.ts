import { parseAnchor, type AccessLogAnchor } from '../src/access-log/anchor';
import { readChain } from '../src/access-log/access-log.repository';
import { rowHash, type ChainRow } from '../src/access-log/hash-chain';
import { createDataSource } from '../src/database/data-source';
import { seal, tamper, verifyLog } from './support/access-log';
import { ORG, gql } from './support/gql';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

jest.setTimeout(60_000);

// What the chains prove, tried as the database owner would try to rewrite history (README: "What the access log
// proves"): a changed or removed row is found by the chain itself; a shortened or wholly rewritten chain only by
// an anchor kept outside the database.
describe('access-log integrity', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  /** Some activity of De Wieg's FG: `count` rows in De Wieg's chain. */
  const activity = async (count: number) => {
    const token = await tokenFor('wieg-fg');
    for (let i = 0; i < count; i++) await gql(t.http, { token, query: '{ me { platformAdmin } }' });
  };
  const chainOf = (verdict: Awaited<ReturnType<typeof verifyLog>>, chainId: string) =>
    verdict.chains.find((c) => c.chainId === chainId);
  const anchorNow = async (): Promise<AccessLogAnchor> => {
    const res = await gql<{ accessLogAnchor: { document: string; seq: string } }>(t.http, {
      token: await tokenFor('wieg-fg'),
      query: '{ accessLogAnchor { document seq } }',
    });
    expect(res.errors).toEqual([]);
    return parseAnchor(res.data!.accessLogAnchor.document);
  };

  it('names the first altered row', async () => {
    await activity(4);
    expect(await verifyLog(t.db)).toMatchObject({ intact: true, rows: 4 });
    await tamper(t.db, `UPDATE access_log SET result = 'refused' WHERE chain_id = $1 AND seq = 3`, [ORG.wieg]);
    await tamper(t.db, `UPDATE access_log SET roles = 'auditor' WHERE chain_id = $1 AND seq = 2`, [ORG.wieg]);
    expect(chainOf(await verifyLog(t.db), ORG.wieg)).toMatchObject({
      intact: false,
      seq: '2',
      problem: 'row 2 was altered: its contents no longer match its hash',
    });
  });

  it('names a removed row, and removed newest rows (against the recorded head)', async () => {
    await activity(4);
    await tamper(t.db, 'DELETE FROM access_log WHERE chain_id = $1 AND seq = 2', [ORG.wieg]);
    expect(chainOf(await verifyLog(t.db), ORG.wieg)).toMatchObject({
      intact: false,
      problem: 'row 2 is missing: the chain jumps past it',
    });
  });

  it('finds the newest rows deleted, through the recorded head', async () => {
    await activity(4);
    await tamper(t.db, 'DELETE FROM access_log WHERE chain_id = $1 AND seq >= 3', [ORG.wieg]);
    expect(chainOf(await verifyLog(t.db), ORG.wieg)).toMatchObject({
      intact: false,
      problem: 'rows 3 to 4 are missing: the chain ends before its recorded head or anchor',
    });
  });

  it('catches a forger who re-hashes one row, at the next row’s link', async () => {
    await activity(3);
    const owner = createDataSource({ url: t.db.migrationUrl, poolMax: 1 });
    await owner.initialize();
    const before: ChainRow[] = [];
    for await (const row of readChain(owner, ORG.wieg)) before.push(row);
    await owner.destroy();
    await tamper(t.db, `UPDATE access_log SET roles = $1, hash = $2 WHERE chain_id = $3 AND seq = 2`, [
      'auditor',
      rowHash({ ...before[1]!, roles: 'auditor' }),
      ORG.wieg,
    ]);
    expect(chainOf(await verifyLog(t.db), ORG.wieg)).toMatchObject({ intact: false, seq: '3' });
  });

  it('needs an anchor to see a shortened chain whose head was moved back too', async () => {
    await activity(3);
    const anchor = await anchorNow(); // head: the 3 rows above
    expect(anchor.seq).toBe('3');
    await activity(2);
    // The owner deletes the newest rows AND rewinds the head: the database alone looks consistent.
    const owner = createDataSource({ url: t.db.migrationUrl, poolMax: 1 });
    await owner.initialize();
    const rows: ChainRow[] = [];
    for await (const row of readChain(owner, ORG.wieg)) rows.push(row);
    await owner.destroy();
    const keep = rows[1]!; // rows 1..2 stay
    await tamper(t.db, 'DELETE FROM access_log WHERE chain_id = $1 AND seq > 2', [ORG.wieg]);
    await tamper(t.db, 'UPDATE access_log_heads SET seq = 2, hash = $1 WHERE chain_id = $2', [keep.hash, ORG.wieg]);
    expect(chainOf(await verifyLog(t.db), ORG.wieg)).toMatchObject({ intact: true });
    expect(chainOf(await verifyLog(t.db, { anchors: [anchor] }), ORG.wieg)).toMatchObject({
      intact: false,
      problem: 'rows 3 to 3 are missing: the chain ends before its recorded head or anchor',
    });
  });

  it('needs an anchor to see a chain rewritten and re-hashed from the start', async () => {
    await activity(2);
    const anchor = await anchorNow();
    // The anchor request's own row must be chained before the chain is read and rewritten: otherwise a seal during
    // the rewrite (tamper seals first) appends it after the old head, and the "undetectable" rewrite shows a break.
    await seal(t.db);
    const owner = createDataSource({ url: t.db.migrationUrl, poolMax: 1 });
    await owner.initialize();
    const rows: ChainRow[] = [];
    for await (const row of readChain(owner, ORG.wieg)) rows.push(row);
    await owner.destroy();
    // Rewrite row 1 and re-hash everything after it, head included.
    let prev = rows[0]!.prevHash;
    for (const row of rows) {
      const changed = { ...row, prevHash: prev, roles: row.seq === '1' ? 'auditor' : row.roles };
      const hash = rowHash(changed);
      await tamper(
        t.db,
        'UPDATE access_log SET roles = $1, prev_hash = $2, hash = $3 WHERE chain_id = $4 AND seq = $5',
        [changed.roles, prev, hash, ORG.wieg, row.seq],
      );
      prev = hash;
    }
    await tamper(t.db, 'UPDATE access_log_heads SET hash = $1 WHERE chain_id = $2', [prev, ORG.wieg]);
    expect(chainOf(await verifyLog(t.db), ORG.wieg)).toMatchObject({ intact: true });
    expect(chainOf(await verifyLog(t.db, { anchors: [anchor] }), ORG.wieg)).toMatchObject({
      intact: false,
      seq: '2',
      problem: 'row 2 no longer has the hash its anchor recorded: the chain was rewritten up to that row',
    });
  });

  it('gives the anchor only to the FG and the auditor of the organisation, for its own chain', async () => {
    await activity(1);
    const anchor = await anchorNow();
    expect(anchor.chainId).toBe(ORG.wieg);
    expect(anchor.organisationName).toBe('Verloskundigenpraktijk De Wieg');
    const employee = await gql(t.http, {
      token: await tokenFor('wieg-medewerker'),
      query: '{ accessLogAnchor { seq } }',
    });
    expect(employee.code).toBe('FORBIDDEN');
    const outsider = await gql(t.http, {
      token: await tokenFor('nest-fg'),
      organisationId: ORG.wieg,
      query: '{ accessLogAnchor { seq } }',
    });
    expect(outsider.code).toBe('FORBIDDEN');
  });
});
