import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { currentRequestTransaction, type TransactionScope } from './request-transaction';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A transaction bound to one organisation. Repositories that touch tenant data take one of these as their first
 * argument and never accept a tenant condition from their caller; the database enforces the same tenant through
 * row-level security (set_config(…, true) lasts exactly as long as this transaction).
 */
export interface TenantTransaction {
  readonly kind: 'tenant';
  readonly organisationId: string;
  readonly manager: EntityManager;
}

/** A transaction of the platform admin: may create and edit organisations, bound to no tenant. */
export interface PlatformAdminTransaction {
  readonly kind: 'platform-admin';
  readonly manager: EntityManager;
}

/** A transaction on shared, non-tenant tables only (the directory, users). Tenant rows stay invisible. */
export interface SharedTransaction {
  readonly kind: 'shared';
  readonly manager: EntityManager;
}

export class MissingTenantError extends Error {
  constructor() {
    super('A tenant-scoped operation was started without a valid organisation id');
  }
}

/**
 * The only way services reach the database. Inside a GraphQL request, every call joins the request's one
 * transaction (request-transaction.ts), so the work and its access-log row commit together; outside a request
 * (command-line tools, background work) each call is a transaction of its own.
 */
@Injectable()
export class Tenancy {
  constructor(private readonly dataSource: DataSource) {}

  async asTenant<T>(organisationId: string, work: (tx: TenantTransaction) => Promise<T>): Promise<T> {
    // TypeORM drops `undefined` from a WHERE silently; refuse before anything is queried.
    if (typeof organisationId !== 'string' || !UUID.test(organisationId)) throw new MissingTenantError();
    return this.run({ kind: 'tenant', organisationId }, (manager) => work({ kind: 'tenant', organisationId, manager }));
  }

  async asPlatformAdmin<T>(work: (tx: PlatformAdminTransaction) => Promise<T>): Promise<T> {
    return this.run({ kind: 'platform-admin' }, (manager) => work({ kind: 'platform-admin', manager }));
  }

  async shared<T>(work: (tx: SharedTransaction) => Promise<T>): Promise<T> {
    return this.run({ kind: 'shared' }, (manager) => work({ kind: 'shared', manager }));
  }

  /** Runs `hook` once the current work is committed (at the end of the request, or right away outside one). */
  afterCommit(hook: () => void): void {
    const request = currentRequestTransaction.getStore();
    if (request) request.afterCommit(hook);
    else hook();
  }

  private run<T>(scope: TransactionScope, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const request = currentRequestTransaction.getStore();
    if (request) return request.run(scope, work);
    return this.dataSource.transaction(async (manager) => {
      if (scope.kind === 'tenant')
        await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [scope.organisationId]);
      if (scope.kind === 'platform-admin') await manager.query(`SELECT set_config('app.platform_admin', 'on', true)`);
      return work(manager);
    });
  }
}
