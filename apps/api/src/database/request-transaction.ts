import { AsyncLocalStorage } from 'node:async_hooks';
import type { PoolClient } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a piece of work needs set in the transaction before it runs. */
export type TransactionScope =
  { kind: 'tenant'; organisationId: string } | { kind: 'platform-admin' } | { kind: 'shared' };

/**
 * The one database transaction of one GraphQL request: the tenant setting, the work of every field and the
 * access-log row commit together, or not at all. Opened lazily at the first piece of work (a request refused
 * before any work takes no connection) and finished by the access-log plugin once the response is known.
 *
 * One connection serves the whole request, so pieces of work run one after another (fields of a query may start
 * concurrently); a piece of work that itself starts another (a service calling a service) runs inline.
 */
export class RequestTransaction {
  private runner: QueryRunner | null = null;
  /** The runner's own connection, for the statements this class folds into one round trip. */
  private client: PoolClient | null = null;
  private tenant: string | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private poisoned = false;
  private finished = false;
  private readonly afterCommitHooks: (() => void)[] = [];
  private readonly inside = new AsyncLocalStorage<true>();

  constructor(private readonly dataSource: DataSource) {}

  /** Whether any work opened the transaction. */
  get started(): boolean {
    return this.runner !== null;
  }

  run<T>(scope: TransactionScope, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.finished) return Promise.reject(new Error('the request transaction has already finished'));
    if (this.inside.getStore()) return this.runNow(scope, work);
    const next = this.tail.then(() => this.inside.run(true, () => this.runNow(scope, work)));
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Runs after a successful commit (e.g. invalidating a cache of what the work changed). */
  afterCommit(hook: () => void): void {
    this.afterCommitHooks.push(hook);
  }

  /**
   * Ends the request: with `commit`, appends `log` in this transaction and commits both; otherwise rolls back
   * whatever ran and appends `log` on its own. Rejects when the row could not be written: nothing of the work is
   * then committed either, and the caller must withhold the answer.
   *
   * `commitStatement`, when given, replaces `log` on the commit path: one self-contained SQL statement (its values
   * inlined as literals) sent together with COMMIT in one round trip. Every request ends this way, so the round
   * trip saved here is saved on every request; if the statement fails, PostgreSQL skips the COMMIT of the same
   * message and the transaction is rolled back below, as before.
   */
  async finish(
    commit: boolean,
    log: (manager: EntityManager | null) => Promise<void>,
    commitStatement?: () => string,
  ): Promise<void> {
    await this.tail;
    this.finished = true;
    const runner = this.runner;
    if (!runner) return log(null);
    if (commit && !this.poisoned) {
      try {
        if (commitStatement && this.client) {
          await this.client.query(`${commitStatement()}; COMMIT`);
          this.markTransactionEnded(runner);
        } else {
          await log(runner.manager);
          await runner.commitTransaction();
        }
      } catch (error) {
        await this.rollbackQuietly(runner);
        throw error;
      } finally {
        await runner.release();
      }
      for (const hook of this.afterCommitHooks) hook();
      return;
    }
    await this.rollbackQuietly(runner);
    await runner.release();
    await log(null);
  }

  private async runNow<T>(scope: TransactionScope, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      const runner = await this.open(scope);
      if (scope.kind === 'tenant') {
        if (this.tenant === null) {
          await runner.query(`SELECT set_config('app.tenant_id', $1, true)`, [scope.organisationId]);
          this.tenant = scope.organisationId;
        } else if (this.tenant !== scope.organisationId) {
          throw new Error('one request acts for one organisation; a second tenant was asked for');
        }
      }
      if (scope.kind !== 'platform-admin') return await work(runner.manager);
      await runner.query(`SELECT set_config('app.platform_admin', 'on', true)`);
      try {
        return await work(runner.manager);
      } finally {
        await runner.query(`SELECT set_config('app.platform_admin', '', true)`);
      }
    } catch (error) {
      // After any error the transaction may be aborted (PostgreSQL refuses further statements) or hold half a
      // change: it is rolled back, never committed.
      this.poisoned = true;
      throw error;
    }
  }

  /**
   * Takes a connection and starts the transaction; for a tenant's work the tenant setting goes in the same round
   * trip (START TRANSACTION and set_config as one simple-protocol message: the organisation id is a UUID from the
   * memberships, checked here before it is inlined).
   */
  private async open(scope: TransactionScope): Promise<QueryRunner> {
    if (this.runner) return this.runner;
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      if (scope.kind === 'tenant' && UUID.test(scope.organisationId)) {
        await client.query(`START TRANSACTION; SELECT set_config('app.tenant_id', '${scope.organisationId}', true)`);
        this.tenant = scope.organisationId;
      } else {
        await client.query('START TRANSACTION');
      }
      this.markTransactionStarted(runner);
      this.client = client;
    } catch (error) {
      this.tenant = null;
      await runner.release().catch(() => undefined);
      throw error;
    }
    this.runner = runner;
    return runner;
  }

  /**
   * TypeORM's view of the connection kept in step with the statements sent past it: a transaction is open at depth
   * 1, so a `manager.transaction()` inside the work nests as a SAVEPOINT (never a COMMIT of the request's
   * transaction), and rollbackTransaction() sends ROLLBACK.
   */
  private markTransactionStarted(runner: QueryRunner): void {
    (runner as unknown as { isTransactionActive: boolean; transactionDepth: number }).isTransactionActive = true;
    (runner as unknown as { transactionDepth: number }).transactionDepth = 1;
  }

  private markTransactionEnded(runner: QueryRunner): void {
    (runner as unknown as { isTransactionActive: boolean }).isTransactionActive = false;
    (runner as unknown as { transactionDepth: number }).transactionDepth = 0;
  }

  private async rollbackQuietly(runner: QueryRunner): Promise<void> {
    try {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
    } catch {
      // The connection is broken; releasing it discards the transaction anyway.
    }
  }
}

/** The request transaction of the current GraphQL request, found through the request's async context. */
export const currentRequestTransaction = new AsyncLocalStorage<RequestTransaction>();
