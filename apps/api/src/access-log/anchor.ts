import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { createHash } from 'node:crypto';

/**
 * A signed statement of one chain's head — sequence, hash and time — kept OUTSIDE the database (the FG downloads
 * it; later a daily mail carries it). The database owner can disable the append-only triggers and rewrite or
 * shorten a chain so that it verifies again on its own; it cannot make an anchor that was handed out earlier
 * match the rewritten chain, nor forge a new anchor without the API's signing key (which is not in the database).
 *
 * Signed with Ed25519 over the canonical JSON of every field except `signature`, in the order below.
 */
export interface AccessLogAnchor {
  type: 'babyconnect-access-log-anchor';
  version: 1;
  /** The chain: the organisation's id. */
  chainId: string;
  organisationName: string;
  /** The head's sequence number (decimal string; "0" for an empty chain). */
  seq: string;
  /** The head row's hash (hex), or the genesis hash for an empty chain. */
  hash: string;
  /** When the head row was written (ISO 8601, UTC). */
  headAt: string;
  /** When this anchor was made (ISO 8601, UTC). */
  exportedAt: string;
  /** Fingerprint of the public key that signs (first 16 hex digits of the SHA-256 of its DER form). */
  keyId: string;
  /** Ed25519 signature, base64url. */
  signature: string;
}

export type UnsignedAnchor = Omit<AccessLogAnchor, 'signature' | 'keyId' | 'type' | 'version'>;

export class AnchorKeyError extends Error {}

export class AnchorSigner {
  private constructor(
    private readonly privateKey: KeyObject | null,
    readonly publicKey: KeyObject,
  ) {}

  /** From a PKCS#8 PEM Ed25519 private key (ACCESS_LOG_ANCHOR_KEY), or its base64 form. */
  static fromPrivatePem(text: string): AnchorSigner {
    const pem = text.includes('BEGIN') ? text : Buffer.from(text, 'base64').toString('utf8');
    let key: KeyObject;
    try {
      key = createPrivateKey(pem);
    } catch {
      throw new AnchorKeyError('ACCESS_LOG_ANCHOR_KEY is not a PEM private key');
    }
    if (key.asymmetricKeyType !== 'ed25519') throw new AnchorKeyError('ACCESS_LOG_ANCHOR_KEY must be an Ed25519 key');
    return new AnchorSigner(key, createPublicKey(key));
  }

  /** Verification only, from the public key (SPKI PEM). */
  static fromPublicPem(pem: string): AnchorSigner {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new AnchorKeyError('the anchor key must be an Ed25519 key');
    return new AnchorSigner(null, key);
  }

  /** A key for this process only (development and tests): anchors verify only against this same key. */
  static ephemeral(): AnchorSigner {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    return new AnchorSigner(privateKey, publicKey);
  }

  static generatePrivatePem(): string {
    return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  }

  get keyId(): string {
    const der = this.publicKey.export({ type: 'spki', format: 'der' });
    return createHash('sha256').update(der).digest('hex').slice(0, 16);
  }

  publicPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  sign(head: UnsignedAnchor): AccessLogAnchor {
    if (!this.privateKey) throw new AnchorKeyError('this key can only verify anchors');
    const unsigned = {
      type: 'babyconnect-access-log-anchor' as const,
      version: 1 as const,
      chainId: head.chainId,
      organisationName: head.organisationName,
      seq: head.seq,
      hash: head.hash,
      headAt: head.headAt,
      exportedAt: head.exportedAt,
      keyId: this.keyId,
    };
    const signature = sign(null, Buffer.from(canonical(unsigned), 'utf8'), this.privateKey).toString('base64url');
    return { ...unsigned, signature };
  }

  /** True when the anchor was signed by this key and not changed since. */
  verify(anchor: AccessLogAnchor): boolean {
    const { signature, ...rest } = anchor;
    if (typeof signature !== 'string') return false;
    try {
      return verify(null, Buffer.from(canonical(rest), 'utf8'), this.publicKey, Buffer.from(signature, 'base64url'));
    } catch {
      return false;
    }
  }
}

const ORDER = ['type', 'version', 'chainId', 'organisationName', 'seq', 'hash', 'headAt', 'exportedAt', 'keyId'];

function canonical(value: Record<string, unknown>): string {
  return JSON.stringify(ORDER.map((key) => [key, value[key] ?? null]));
}

/** Reads an anchor file's JSON, or says what is wrong with it. */
export function parseAnchor(json: string): AccessLogAnchor {
  const value = JSON.parse(json) as Partial<AccessLogAnchor>;
  if (value.type !== 'babyconnect-access-log-anchor' || value.version !== 1)
    throw new Error('not a Babyconnect access-log anchor (type/version)');
  for (const key of ['chainId', 'seq', 'hash', 'headAt', 'exportedAt', 'keyId', 'signature'] as const) {
    if (typeof value[key] !== 'string') throw new Error(`the anchor lacks ${key}`);
  }
  if (!/^[0-9]+$/.test(value.seq!)) throw new Error('the anchor has an invalid seq');
  return value as AccessLogAnchor;
}
