import type { DataSource } from 'typeorm';
import { chainIds, readChain, readHeads } from './access-log.repository';
import type { AccessLogAnchor } from './anchor';
import { ChainVerifier, GENESIS_HASH, describeBreak, type ChainBreak } from './hash-chain';

export interface ChainReport {
  chainId: string;
  rows: number;
  intact: boolean;
  /** The first problem, in words, with the sequence number it concerns. */
  problem?: string;
  seq?: string;
}

export type ChainVerdict = {
  intact: boolean;
  rows: number;
  chains: ChainReport[];
  /** Rows written but not yet chained (the API chains them within a second); not part of any verdict yet. */
  pending: number;
};

/**
 * Walks every chain (needs the owner role, the only one that reads every organisation's rows) and checks each
 * against its recorded head, and against the anchors given (signed heads handed out earlier, kept outside the
 * database). Without an anchor, a chain whose newest rows were deleted together with its head, or that was
 * rewritten and re-hashed as a whole, still verifies: only an anchor from before the change shows it.
 */
export async function verifyAccessLogChains(
  owner: DataSource,
  options: { batchSize?: number; anchors?: readonly AccessLogAnchor[] } = {},
): Promise<ChainVerdict> {
  const heads = new Map((await readHeads(owner)).map((h) => [h.chainId, h]));
  const anchors = options.anchors ?? [];
  const chains: ChainReport[] = [];
  for (const chainId of await chainIds(owner)) {
    const verifier = new ChainVerifier();
    const hashes = new Map<string, string>();
    const wanted = new Set(anchors.filter((a) => a.chainId === chainId).map((a) => a.seq));
    let broken: ChainBreak | null = null;
    for await (const row of readChain(owner, chainId, options.batchSize)) {
      broken = verifier.check(row);
      if (broken) break;
      if (wanted.has(row.seq)) hashes.set(row.seq, row.hash);
    }
    broken ??= againstHead(verifier, heads.get(chainId));
    broken ??= againstAnchors(
      verifier,
      hashes,
      anchors.filter((a) => a.chainId === chainId),
    );
    chains.push({
      chainId,
      rows: verifier.rows,
      intact: !broken,
      ...(broken ? { problem: describeBreak(broken), seq: broken.seq } : {}),
    });
  }
  for (const anchor of anchors) {
    if (!chains.some((c) => c.chainId === anchor.chainId)) {
      chains.push({
        chainId: anchor.chainId,
        rows: 0,
        intact: anchor.seq === '0',
        ...(anchor.seq === '0'
          ? {}
          : {
              problem: describeBreak({ kind: 'truncated', seq: '1', expectedSeq: anchor.seq }),
              seq: '1',
            }),
      });
    }
  }
  const [{ pending }] = (await owner.query('SELECT count(*)::int AS pending FROM access_log_pending')) as [
    { pending: number },
  ];
  return {
    intact: chains.every((c) => c.intact),
    rows: chains.reduce((sum, c) => sum + c.rows, 0),
    chains,
    pending,
  };
}

function againstHead(verifier: ChainVerifier, head: { seq: string; hash: string } | undefined): ChainBreak | null {
  const last = verifier.head;
  if (!head) return last.seq === '0' ? null : { kind: 'relinked', seq: last.seq };
  if (BigInt(head.seq) > BigInt(last.seq))
    return { kind: 'truncated', seq: (BigInt(last.seq) + 1n).toString(), expectedSeq: head.seq };
  if (head.seq !== last.seq || head.hash !== last.hash) return { kind: 'altered', seq: last.seq };
  return null;
}

function againstAnchors(
  verifier: ChainVerifier,
  hashes: Map<string, string>,
  anchors: readonly AccessLogAnchor[],
): ChainBreak | null {
  const last = BigInt(verifier.head.seq);
  for (const anchor of [...anchors].sort((a, b) => Number(BigInt(a.seq) - BigInt(b.seq)))) {
    const seq = BigInt(anchor.seq);
    if (seq === 0n) {
      if (anchor.hash !== GENESIS_HASH) return { kind: 'rewritten', seq: '0' };
      continue;
    }
    if (seq > last) return { kind: 'truncated', seq: (last + 1n).toString(), expectedSeq: anchor.seq };
    if (hashes.get(anchor.seq) !== anchor.hash) return { kind: 'rewritten', seq: anchor.seq };
  }
  return null;
}
