// The access-log anchor key of the local stack: one Ed25519 key per data folder, so anchors an FG downloads
// locally still verify after a restart (in production the key comes from ACCESS_LOG_ANCHOR_KEY, a secret).
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function localAnchorKey(dataDir: string): string {
  const file = join(dataDir, 'access-log-anchor-key.pem');
  if (existsSync(file)) return readFileSync(file, 'utf8');
  mkdirSync(dataDir, { recursive: true });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  writeFileSync(file, pem, { mode: 0o600 });
  return pem;
}
