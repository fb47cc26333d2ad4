import 'reflect-metadata';
import { verifyAccessLogChain } from '../access-log/verify-chain';
import { ownerDataSource } from './cli-support';

/**
 * Verifies the access log's hash chain as the schema owner. Exit code 0: intact; 2: names the first altered or
 * missing row.
 */
async function main(): Promise<void> {
  const dataSource = await ownerDataSource();
  try {
    const verdict = await verifyAccessLogChain(dataSource);
    if (verdict.intact) {
      console.log(`Access log intact: ${verdict.rows} rows verified.`);
    } else {
      console.error(`Access log NOT intact: ${verdict.problem} (checked ${verdict.rows} rows).`);
      process.exitCode = 2;
    }
  } finally {
    await dataSource.destroy();
  }
}

void main();
