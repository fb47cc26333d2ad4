import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TenantTransaction } from '../database/tenancy';
import type { ChainRow } from './hash-chain';

export interface AccessLogEntry {
  userId: string | null;
  roles: string | null;
  organisationId: string | null;
  operation: string;
  objectIds: string[];
  result: 'allowed' | 'refused' | 'failed';
  reason: string | null;
  requestId: string | null;
}

export interface AccessLogRow {
  seq: string;
  occurredAt: Date;
  userId: string | null;
  userName: string | null;
  roles: string | null;
  operation: string;
  objectIds: string[];
  result: string;
  reason: string | null;
  requestId: string | null;
}

const CANONICAL_COLUMNS = `seq::text AS seq,
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAt",
  user_id::text AS "userId", roles, organisation_id::text AS "organisationId", operation,
  object_ids AS "objectIds", result, reason, request_id AS "requestId", prev_hash AS "prevHash", hash`;

@Injectable()
export class AccessLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends through the database function: the app role cannot insert, update or delete rows directly. */
  async append(entry: AccessLogEntry): Promise<void> {
    await this.dataSource.query('SELECT access_log_append($1, $2, $3, $4, $5, $6, $7, $8)', [
      entry.userId,
      entry.roles,
      entry.organisationId,
      entry.operation,
      entry.objectIds,
      entry.result,
      entry.reason,
      entry.requestId,
    ]);
  }

  /** The acting organisation's rows, newest first; the tenant comes from the transaction (and RLS). */
  async page(tx: TenantTransaction, first: number, beforeSeq: string | null): Promise<AccessLogRow[]> {
    return tx.manager.query(
      `SELECT a.seq::text AS seq, a.occurred_at AS "occurredAt", a.user_id AS "userId", u.display_name AS "userName",
              a.roles, a.operation, a.object_ids AS "objectIds", a.result, a.reason, a.request_id AS "requestId"
         FROM access_log a LEFT JOIN users u ON u.id = a.user_id
        WHERE a.organisation_id = $1 AND ($2::bigint IS NULL OR a.seq < $2::bigint)
        ORDER BY a.seq DESC
        LIMIT $3`,
      [tx.organisationId, beforeSeq, first],
    );
  }
}

/** Reads the whole chain in order, in batches, as the owner role (the verification command). */
export async function* readChain(dataSource: DataSource, batchSize = 5000): AsyncGenerator<ChainRow> {
  let after = 0n;
  for (;;) {
    const rows: ChainRow[] = await dataSource.query(
      `SELECT ${CANONICAL_COLUMNS} FROM access_log WHERE seq > $1 ORDER BY access_log.seq LIMIT $2`,
      [after.toString(), batchSize],
    );
    for (const row of rows) yield row;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = BigInt(last.seq);
  }
}
