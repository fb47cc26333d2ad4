import type { DataSource } from 'typeorm';
import { readChain } from './access-log.repository';
import { ChainVerifier, describeBreak } from './hash-chain';

export type ChainVerdict =
  { intact: true; rows: number } | { intact: false; rows: number; seq: string; problem: string };

/** Walks the whole chain (needs the owner role, the only one that reads every organisation's rows). */
export async function verifyAccessLogChain(owner: DataSource, batchSize = 5000): Promise<ChainVerdict> {
  const verifier = new ChainVerifier();
  for await (const row of readChain(owner, batchSize)) {
    const broken = verifier.check(row);
    if (broken) return { intact: false, rows: verifier.rows, seq: broken.seq, problem: describeBreak(broken) };
  }
  return { intact: true, rows: verifier.rows };
}
