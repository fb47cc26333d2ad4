import { createHash } from 'node:crypto';

/**
 * The access log's hash chain, recomputed outside the database so that a changed row, or a changed append
 * function, is noticed. The canonical text must match access_log_append() in the initial migration exactly.
 */
export interface ChainRow {
  seq: string;
  /** occurred_at as the database renders it: YYYY-MM-DDTHH:MM:SS.ffffffZ (UTC). */
  occurredAt: string;
  userId: string | null;
  roles: string | null;
  organisationId: string | null;
  operation: string;
  objectIds: string[];
  result: string;
  reason: string | null;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
const NULL = '\\N';
const SEPARATOR = String.fromCharCode(31);

export function rowHash(row: Omit<ChainRow, 'hash'>): string {
  const canonical = [
    row.seq,
    row.occurredAt,
    row.userId ?? NULL,
    row.roles ?? NULL,
    row.organisationId ?? NULL,
    row.operation,
    row.objectIds.join(','),
    row.result,
    row.reason ?? NULL,
    row.requestId ?? NULL,
    row.prevHash,
  ].join(SEPARATOR);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export type ChainBreak =
  { kind: 'altered'; seq: string } | { kind: 'missing'; seq: string } | { kind: 'relinked'; seq: string };

/** Verifies rows in order, carrying state between batches. Reports the first break only. */
export class ChainVerifier {
  private expectedSeq = 1n;
  private previousHash = GENESIS_HASH;
  rows = 0;

  check(row: ChainRow): ChainBreak | null {
    this.rows++;
    const seq = BigInt(row.seq);
    if (seq !== this.expectedSeq) return { kind: 'missing', seq: this.expectedSeq.toString() };
    if (row.prevHash !== this.previousHash) return { kind: 'relinked', seq: row.seq };
    if (rowHash(row) !== row.hash) return { kind: 'altered', seq: row.seq };
    this.expectedSeq = seq + 1n;
    this.previousHash = row.hash;
    return null;
  }
}

export function describeBreak(b: ChainBreak): string {
  switch (b.kind) {
    case 'altered':
      return `row ${b.seq} was altered: its contents no longer match its hash`;
    case 'missing':
      return `row ${b.seq} is missing: the chain jumps past it`;
    case 'relinked':
      return `row ${b.seq} does not link to the row before it: that row, or this one, was altered or removed`;
  }
}
