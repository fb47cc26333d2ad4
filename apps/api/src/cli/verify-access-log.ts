import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AnchorSigner, parseAnchor, type AccessLogAnchor } from '../access-log/anchor';
import { verifyAccessLogChains } from '../access-log/verify-chain';
import { fail, ownerDataSource } from './cli-support';

const USAGE = `Usage: access-log:verify [--anchor FILE]... [--public-key FILE]
Verifies every access-log chain as the schema owner (DATABASE_MIGRATION_URL).
--anchor FILE      an anchor the FG downloaded earlier (JSON); the chain must still contain that head
--public-key FILE  the public key (PEM) that signed the anchors; else derived from ACCESS_LOG_ANCHOR_KEY`;

/**
 * Verifies the access log's hash chains as the schema owner. Exit code 0: intact; 2: names, per chain, the first
 * altered or missing row (with anchors: also rows missing or rewritten after an anchor); 1: usage or setup error.
 */
async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        anchor: { type: 'string', multiple: true },
        'public-key': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const anchors = loadAnchors(values.anchor ?? [], values['public-key']);
  const dataSource = await ownerDataSource();
  try {
    const verdict = await verifyAccessLogChains(dataSource, { anchors });
    for (const chain of verdict.chains) {
      const name = chain.chainId === '00000000-0000-0000-0000-000000000000' ? 'platform' : chain.chainId;
      if (chain.intact) console.log(`chain ${name}: intact, ${chain.rows} rows`);
      else console.error(`chain ${name}: NOT intact: ${chain.problem} (checked ${chain.rows} rows)`);
    }
    if (verdict.pending > 0)
      console.log(
        `${verdict.pending} rows are written but not chained yet (a running API chains them within a second).`,
      );
    const anchored = anchors.length ? ` against ${anchors.length} anchor(s)` : '';
    if (verdict.intact) {
      console.log(`Access log intact${anchored}: ${verdict.rows} rows in ${verdict.chains.length} chains verified.`);
    } else {
      console.error(`Access log NOT intact${anchored}.`);
      process.exitCode = 2;
    }
  } finally {
    await dataSource.destroy();
  }
}

function loadAnchors(files: string[], publicKeyFile: string | undefined): AccessLogAnchor[] {
  if (files.length === 0) return [];
  let signer: AnchorSigner;
  try {
    if (publicKeyFile) signer = AnchorSigner.fromPublicPem(readFileSync(publicKeyFile, 'utf8'));
    else if (process.env['ACCESS_LOG_ANCHOR_KEY'])
      signer = AnchorSigner.fromPrivatePem(process.env['ACCESS_LOG_ANCHOR_KEY']);
    else fail('To check anchors, give --public-key FILE or set ACCESS_LOG_ANCHOR_KEY (the key that signed them).');
  } catch (error) {
    fail(`The anchor key cannot be read: ${(error as Error).message}`);
  }
  return files.map((file) => {
    let anchor: AccessLogAnchor;
    try {
      anchor = parseAnchor(readFileSync(file, 'utf8'));
    } catch (error) {
      fail(`${file}: ${(error as Error).message}`);
    }
    if (!signer.verify(anchor))
      fail(`${file}: the signature does not match: this anchor was changed or signed by another key.`);
    return anchor;
  });
}

void main();
