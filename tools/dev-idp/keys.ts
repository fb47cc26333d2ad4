// Signing keys of the dev identity provider. Persisted to a file (when given) so access tokens issued before a
// restart still verify against the JWKS afterwards: the API caches the JWKS and developers keep their tabs open.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { JWK } from 'jose';

/** How many keys stay published after a rotation: the newest signs, older ones only verify. */
const KEEP_KEYS = 3;

export async function generateSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { ...jwk, kid, alg: 'RS256', use: 'sig' };
}

function isPrivateRsaKey(key: JWK): boolean {
  return key.kty === 'RSA' && typeof key.d === 'string' && typeof key.kid === 'string';
}

/** Reads the key file, or creates a first key (and the file) when there is none yet. */
export async function loadOrCreateKeys(keysFile?: string): Promise<JWK[]> {
  if (keysFile && existsSync(keysFile)) {
    let parsed: { keys?: JWK[] };
    try {
      parsed = JSON.parse(readFileSync(keysFile, 'utf8')) as { keys?: JWK[] };
    } catch (error) {
      // Not replaced silently: a new key invalidates every token and session issued with the old one.
      throw new Error(
        `The dev identity provider's key file ${keysFile} is damaged (${(error as Error).message}). ` +
          'Delete it to get a new signing key (signed-in sessions end; sign in again), or run `npm run reset`.',
      );
    }
    const keys = (Array.isArray(parsed.keys) ? parsed.keys : []).filter(isPrivateRsaKey);
    if (keys.length > 0) return keys;
  }
  const keys = [await generateSigningKey()];
  saveKeys(keysFile, keys);
  return keys;
}

/** New key first (oidc-provider signs with the first matching key); the previous ones stay for verification. */
export async function rotate(keys: JWK[], keysFile?: string): Promise<JWK[]> {
  const next = [await generateSigningKey(), ...keys].slice(0, KEEP_KEYS);
  saveKeys(keysFile, next);
  return next;
}

function saveKeys(keysFile: string | undefined, keys: JWK[]): void {
  if (!keysFile) return;
  mkdirSync(dirname(keysFile), { recursive: true });
  // Private keys: readable by the owner only.
  writeFileSync(keysFile, `${JSON.stringify({ keys }, null, 2)}\n`, { mode: 0o600 });
}
