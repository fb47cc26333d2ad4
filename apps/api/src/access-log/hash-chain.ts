import { createHash } from 'node:crypto';

/**
 * The access log's hash chains (one per organisation, plus the platform chain), recomputed outside the database so
 * that a changed row, or a changed append function, is noticed. The encoding must match access_log_append() in
 * migration 1764979200000 byte for byte: every value is length-prefixed, so no value can imitate a boundary
 * (the first encoding joined values with a separator a value could contain).
 */
export interface ChainRow {
  chainId: string;
  seq: string;
  /** occurred_at as the database renders it: YYYY-MM-DDTHH:MM:SS.ffffffZ (UTC). */
  occurredAt: string;
  userId: string | null;
  roles: string | null;
  organisationId: string | null;
  targetOrganisationId: string | null;
  operation: string;
  fields: string[];
  objectIds: string[];
  result: string;
  reason: string | null;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
export const PLATFORM_CHAIN = '00000000-0000-0000-0000-000000000000';
const DOMAIN_TAG = 'babyconnect-access-log-v2';

/** 'N' for null, else 'S' + UTF-8 byte length + ':' + the text. */
export function encodeValue(value: string | null): string {
  return value === null ? 'N' : `S${Buffer.byteLength(value, 'utf8')}:${value}`;
}

/** 'A' + element count + ':' + each element encoded. */
export function encodeArray(values: readonly string[]): string {
  return `A${values.length}:${values.map(encodeValue).join('')}`;
}

export function rowHash(row: Omit<ChainRow, 'hash'>): string {
  const canonical =
    DOMAIN_TAG +
    encodeValue(row.chainId) +
    encodeValue(row.seq) +
    encodeValue(row.occurredAt) +
    encodeValue(row.userId) +
    encodeValue(row.roles) +
    encodeValue(row.organisationId) +
    encodeValue(row.targetOrganisationId) +
    encodeValue(row.operation) +
    encodeArray(row.fields) +
    encodeArray(row.objectIds) +
    encodeValue(row.result) +
    encodeValue(row.reason) +
    encodeValue(row.requestId) +
    encodeValue(row.prevHash);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export type ChainBreak =
  | { kind: 'altered'; seq: string }
  | { kind: 'missing'; seq: string }
  | { kind: 'relinked'; seq: string }
  | { kind: 'truncated'; seq: string; expectedSeq: string }
  | { kind: 'rewritten'; seq: string };

/** Verifies one chain's rows in order, carrying state between batches. Reports the first break only. */
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

  /** The last verified row: sequence and hash (seq 0 and the genesis hash for an empty chain). */
  get head(): { seq: string; hash: string } {
    return { seq: (this.expectedSeq - 1n).toString(), hash: this.previousHash };
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
    case 'truncated':
      return `rows ${b.seq} to ${b.expectedSeq} are missing: the chain ends before its recorded head or anchor`;
    case 'rewritten':
      return `row ${b.seq} no longer has the hash its anchor recorded: the chain was rewritten up to that row`;
  }
}
