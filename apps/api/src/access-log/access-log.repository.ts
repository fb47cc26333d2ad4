import { Injectable } from '@nestjs/common';
import { escapeLiteral } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { TenantTransaction } from '../database/tenancy';
import { PLATFORM_CHAIN, type ChainRow } from './hash-chain';

/** One access-log row as the API hands it to the database: already sanitised and capped (access-log-entry.ts). */
export interface AccessLogEntry {
  /** The chain: the acting organisation, else the targeted organisation, else null (the platform chain). */
  chainId: string | null;
  userId: string | null;
  roles: string | null;
  organisationId: string | null;
  targetOrganisationId: string | null;
  operation: string;
  fields: string[];
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
  organisationId: string | null;
  targetOrganisationId: string | null;
  operation: string;
  fields: string[];
  objectIds: string[];
  result: string;
  reason: string | null;
  requestId: string | null;
}

export interface ChainHead {
  seq: string;
  hash: string;
  occurredAt: string;
}

const APPEND = 'SELECT access_log_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)';

function appendParams(entry: AccessLogEntry): unknown[] {
  return [
    entry.chainId,
    entry.userId,
    entry.roles,
    entry.organisationId,
    entry.targetOrganisationId,
    entry.operation,
    entry.fields,
    entry.objectIds,
    entry.result,
    entry.reason,
    entry.requestId,
  ];
}

const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

const CANONICAL_COLUMNS = `chain_id::text AS "chainId", seq::text AS seq,
  to_char(occurred_at AT TIME ZONE 'UTC', ${ISO_UTC}) AS "occurredAt",
  user_id::text AS "userId", roles, organisation_id::text AS "organisationId",
  target_organisation_id::text AS "targetOrganisationId", operation, fields, object_ids AS "objectIds", result,
  reason, request_id AS "requestId", prev_hash AS "prevHash", hash`;

@Injectable()
export class AccessLogRepository {
  /** Appends inside the caller's transaction (the request's own: the row commits or rolls back with the work). */
  async appendIn(manager: EntityManager, entry: AccessLogEntry): Promise<void> {
    await manager.query(APPEND, appendParams(entry));
  }

  /**
   * The append as one self-contained statement, its values inlined as SQL literals quoted by node-postgres's own
   * `escapeLiteral`: sent together with the request's COMMIT in one round trip (RequestTransaction.finish). The
   * function's typed parameters give each literal its type, as they do for bound parameters; a list travels as a
   * JSON array literal and becomes text[] in SQL, so no array syntax is quoted by hand.
   */
  appendStatement(entry: AccessLogEntry): string {
    const text = (value: string | null) => (value === null ? 'NULL' : escapeLiteral(value));
    const list = (values: string[]) =>
      `ARRAY(SELECT jsonb_array_elements_text(${escapeLiteral(JSON.stringify(values))}::jsonb))`;
    const values = [
      text(entry.chainId),
      text(entry.userId),
      text(entry.roles),
      text(entry.organisationId),
      text(entry.targetOrganisationId),
      text(entry.operation),
      list(entry.fields),
      list(entry.objectIds),
      text(entry.result),
      text(entry.reason),
      text(entry.requestId),
    ];
    return `SELECT access_log_append(${values.join(', ')})`;
  }

  /** Appends in a transaction of its own: refusals before any work, and failures after a rollback. */
  async appendAlone(dataSource: DataSource, entry: AccessLogEntry): Promise<void> {
    await dataSource.query(APPEND, appendParams(entry));
  }

  /** The acting organisation's chain, newest first; the tenant comes from the transaction (and RLS). */
  async page(tx: TenantTransaction, first: number, beforeSeq: string | null): Promise<AccessLogRow[]> {
    return tx.manager.query(
      `SELECT a.seq::text AS seq, a.occurred_at AS "occurredAt", a.user_id AS "userId", u.display_name AS "userName",
              a.roles, a.organisation_id AS "organisationId", a.target_organisation_id AS "targetOrganisationId",
              a.operation, a.fields, a.object_ids AS "objectIds", a.result, a.reason, a.request_id AS "requestId"
         FROM access_log a LEFT JOIN users u ON u.id = a.user_id
        WHERE a.chain_id = $1 AND ($2::bigint IS NULL OR a.seq < $2::bigint)
        ORDER BY a.seq DESC
        LIMIT $3`,
      [tx.organisationId, beforeSeq, first],
    );
  }

  /** The head of the acting organisation's chain (RLS: only its own). */
  async head(tx: TenantTransaction): Promise<ChainHead | null> {
    const rows: ChainHead[] = await tx.manager.query(
      `SELECT seq::text AS seq, hash, to_char(occurred_at AT TIME ZONE 'UTC', ${ISO_UTC}) AS "occurredAt"
         FROM access_log_heads WHERE chain_id = $1`,
      [tx.organisationId],
    );
    return rows[0] ?? null;
  }
}

/** Every chain's recorded head, as the owner sees them (the verification command). */
export async function readHeads(owner: DataSource): Promise<(ChainHead & { chainId: string })[]> {
  return owner.query(
    `SELECT chain_id::text AS "chainId", seq::text AS seq, hash,
            to_char(occurred_at AT TIME ZONE 'UTC', ${ISO_UTC}) AS "occurredAt"
       FROM access_log_heads ORDER BY (chain_id = $1) DESC, chain_id`,
    [PLATFORM_CHAIN],
  );
}

/** Reads one chain in order, in batches, as the owner role (the verification command). */
export async function* readChain(owner: DataSource, chainId: string, batchSize = 5000): AsyncGenerator<ChainRow> {
  let after = 0n;
  for (;;) {
    const rows: ChainRow[] = await owner.query(
      `SELECT ${CANONICAL_COLUMNS} FROM access_log WHERE chain_id = $1 AND seq > $2 ORDER BY access_log.seq LIMIT $3`,
      [chainId, after.toString(), batchSize],
    );
    for (const row of rows) yield row;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = BigInt(last.seq);
  }
}

/** The ids of every chain that holds rows or a head (a chain whose head row was deleted still shows). */
export async function chainIds(owner: DataSource): Promise<string[]> {
  const rows: { chainId: string }[] = await owner.query(
    `SELECT chain_id::text AS "chainId" FROM access_log_heads
     UNION SELECT DISTINCT chain_id::text FROM access_log ORDER BY 1`,
  );
  return rows.map((r) => r.chainId);
}
