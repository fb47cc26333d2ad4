import { DataSource } from 'typeorm';
import { AccessLogRepository, type AccessLogEntry } from '../src/access-log/access-log.repository';
import { logRows } from './support/access-log';
import { ORG } from './support/gql';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(60_000);

// Every committed request writes its access-log row with an inlined statement sent together with COMMIT
// (AccessLogRepository.appendStatement, RequestTransaction.finish): the row must be exactly what the bound
// parameters write, whatever the text holds — quotes, backslashes, SQL, emoji, right-to-left marks, lists.
describe('access-log row written with the COMMIT', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const nasty = `O'Brien \\ "q" '' ; DROP TABLE access_log; -- é 😀 \u202Eטקסט $1 E'\\x00'`;
  const entry = (operation: string): AccessLogEntry => ({
    chainId: ORG.wieg,
    userId: null,
    roles: `privacy-officer,${nasty}`,
    organisationId: ORG.wieg,
    targetOrganisationId: null,
    operation,
    fields: [nasty, 'incident', '{"a":1}', 'x,y', ''],
    objectIds: [],
    result: 'refused',
    reason: nasty,
    requestId: nasty,
  });

  it('stores the same row as bound parameters do', async () => {
    const repository = new AccessLogRepository();
    const dataSource = t.app.get(DataSource);
    await dataSource.query(`START TRANSACTION; ${repository.appendStatement(entry('InlinedAppend'))}; COMMIT`);
    await repository.appendAlone(dataSource, entry('BoundAppend'));

    const rows = await logRows(t.db, `operation IN ('InlinedAppend', 'BoundAppend')`);
    expect(rows).toHaveLength(2);
    const [bound, inlined] = ['BoundAppend', 'InlinedAppend'].map((operation) => {
      const { seq: _seq, operation: _operation, ...rest } = rows.find((r) => r.operation === operation)!;
      return rest;
    });
    expect(inlined).toEqual(bound);
    expect(inlined!.reason).toBe(nasty);
    expect(inlined!.fields).toEqual([nasty, 'incident', '{"a":1}', 'x,y', '']);
    expect(inlined!.object_ids).toEqual([]);
  });

  it('commits nothing of the transaction when the inlined append fails', async () => {
    const repository = new AccessLogRepository();
    const dataSource = t.app.get(DataSource);
    const good = entry('WorkBeforeFailingAppend');
    const bad = { ...entry('FailingAppend'), chainId: 'not-a-uuid' };
    const runner = dataSource.createQueryRunner();
    try {
      await runner.query(`START TRANSACTION; ${repository.appendStatement(good)}`);
      await expect(runner.query(`${repository.appendStatement(bad)}; COMMIT`)).rejects.toThrow(/uuid/);
      // The COMMIT of the same message did not run: the transaction is aborted, not ended.
      await expect(runner.query('SELECT 1')).rejects.toThrow(/aborted/);
      await runner.query('ROLLBACK');
    } finally {
      await runner.release();
    }
    expect(await logRows(t.db, `operation IN ('WorkBeforeFailingAppend', 'FailingAppend')`)).toEqual([]);
  });
});
