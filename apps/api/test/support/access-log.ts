import { verifyAccessLogChains } from '../../src/access-log/verify-chain';
import type { AccessLogAnchor } from '../../src/access-log/anchor';
import { createDataSource } from '../../src/database/data-source';
import type { TestDatabase } from './test-database';

export interface LogRow {
  chain_id: string;
  seq: string;
  user_id: string | null;
  roles: string | null;
  organisation_id: string | null;
  target_organisation_id: string | null;
  operation: string;
  fields: string[];
  object_ids: string[];
  result: string;
  reason: string | null;
  request_id: string | null;
}

/** Chains every committed row now (the API does so right after each request, in the background). */
export async function seal(db: TestDatabase): Promise<void> {
  await db.sql('SELECT access_log_seal(true)');
}

/** Every access-log row, read as the superuser, in chain and sequence order (after chaining what is waiting). */
export async function logRows(db: TestDatabase, where = 'true', params: unknown[] = []): Promise<LogRow[]> {
  await seal(db);
  return db.sql<LogRow>(
    `SELECT chain_id::text, seq::text, user_id::text, roles, organisation_id::text, target_organisation_id::text,
            operation, fields, object_ids, result, reason, request_id
       FROM access_log WHERE ${where} ORDER BY access_log.chain_id, access_log.seq`,
    params,
  );
}

/** The verification command's verdict, as the schema owner. */
export async function verifyLog(db: TestDatabase, options: { batchSize?: number; anchors?: AccessLogAnchor[] } = {}) {
  await seal(db);
  const owner = createDataSource({ url: db.migrationUrl, poolMax: 1 });
  await owner.initialize();
  try {
    return await verifyAccessLogChains(owner, options);
  } finally {
    await owner.destroy();
  }
}

/** Someone with the owner's or superuser's rights switches the append-only triggers off and edits history. */
export async function tamper(db: TestDatabase, statement: string, params: unknown[] = []): Promise<void> {
  await db.sql('ALTER TABLE access_log DISABLE TRIGGER access_log_no_update');
  await db.sql('ALTER TABLE access_log_heads DISABLE TRIGGER access_log_heads_forward_only');
  await db.sql(statement, params);
}
