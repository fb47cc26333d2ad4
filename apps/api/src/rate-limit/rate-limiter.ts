import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ThrottlerStorageService, normalizeIp } from '@nestjs/throttler';
import type { Request } from 'express';
import { decodeJwt } from 'jose';
import { TokenVerifier } from '../auth/token-verifier';
import { API_CONFIG } from '../config/config';
import type { ApiConfig } from '../config/config.schema';

const THROTTLER = 'refusals';

/** Codes that mean "this caller was refused", wherever in the request they arose. */
const REFUSAL_CODES: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'ORGANISATION_REQUIRED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_TOO_COMPLEX',
]);

/** Our own failures, not the caller's: they never count against a client. */
const NOT_THE_CALLERS: ReadonlySet<string> = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);

/**
 * Whether a GraphQL answer is a refusal that counts towards the rate limit: a refusal code anywhere, or any error
 * of the caller's making before execution started (a bad request, an unknown operation name).
 */
export function isRefusal(codes: readonly (string | undefined)[], executed: boolean): boolean {
  if (codes.some((code) => code !== undefined && REFUSAL_CODES.has(code))) return true;
  return !executed && codes.some((code) => !NOT_THE_CALLERS.has(code ?? 'INTERNAL_SERVER_ERROR'));
}

/**
 * Counts refused requests per client in @nestjs/throttler's storage and decides whether a client is blocked.
 *
 * A client is the person when the request carries an access token that verifies, otherwise its IP address as
 * Express sees it (TRUST_PROXY honoured; IPv6 by /64, as the throttler normalises it). So people behind one
 * address (a hospital's NAT) keep working while an anonymous flood from that address is blocked, and a member who
 * floods refusals is blocked whatever address they use. More than RATE_LIMIT_REFUSALS refusals within
 * RATE_LIMIT_WINDOW_MS block the client for one window; allowed requests are never counted. The storage is in
 * memory: the limit holds per API instance.
 */
@Injectable()
export class RateLimiter {
  private tokens?: TokenVerifier;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(ThrottlerStorageService) private readonly storage: ThrottlerStorageService,
    @Inject(ModuleRef) private readonly modules: ModuleRef,
  ) {}

  /**
   * Seconds until this request's client may try again; 0 to let it through. Counts nothing. Costs two map
   * look-ups, plus one local token verification only when the request's address is blocked.
   */
  async blockedFor(req: Request): Promise<number> {
    const bearer = bearerOf(req);
    // The claimed subject is not verified, but only a verified one was ever counted: forging it can only get the
    // forger refused.
    const claimed = bearer ? claimedSubject(bearer) : null;
    const asPerson = claimed ? this.secondsLeft(personKey(claimed)) : 0;
    if (asPerson) return asPerson;
    const asAddress = this.secondsLeft(this.addressKey(req));
    if (!asAddress) return 0;
    const verified = bearer ? await this.verifiedSubject(bearer) : null;
    return verified ? this.secondsLeft(personKey(verified)) : asAddress;
  }

  /** One more refused request of this request's client; call once per request that ended refused. */
  async recordRefusal(req: Request): Promise<void> {
    const bearer = bearerOf(req);
    const verified = bearer ? await this.verifiedSubject(bearer) : null;
    const key = verified ? personKey(verified) : this.addressKey(req);
    const window = this.config.RATE_LIMIT_WINDOW_MS;
    // The throttler blocks once hits exceed its limit: limit N-1 lets exactly N refusals through per window.
    await this.storage.increment(key, window, this.config.RATE_LIMIT_REFUSALS - 1, window, THROTTLER);
  }

  private secondsLeft(key: string): number {
    // ThrottlerStorage only offers `increment`, which counts; the in-memory service exposes its records, so the
    // check before any work reads the block without adding a hit.
    const record = this.storage.storage.get(key);
    if (!record?.isBlocked) return 0;
    const ms = record.blockExpiresAt - Date.now();
    return ms > 0 ? Math.ceil(ms / 1000) : 0;
  }

  private addressKey(req: Request): string {
    return `${THROTTLER}:address:${normalizeIp(req.ip ?? req.socket?.remoteAddress ?? 'unknown')}`;
  }

  private async verifiedSubject(token: string): Promise<string | null> {
    // Looked up lazily and across modules: the verifier belongs to authentication, which this module does not own.
    this.tokens ??= this.modules.get(TokenVerifier, { strict: false });
    return this.tokens.verify(token).then(
      (verified) => verified.subject,
      () => null,
    );
  }
}

function personKey(subject: string): string {
  return `${THROTTLER}:person:${subject}`;
}

function bearerOf(req: Request): string | null {
  return /^Bearer ([A-Za-z0-9_.~+/=-]+)$/i.exec(req.header('authorization')?.trim() ?? '')?.[1] ?? null;
}

function claimedSubject(token: string): string | null {
  try {
    const sub = decodeJwt(token).sub;
    return typeof sub === 'string' && sub ? sub : null;
  } catch {
    return null;
  }
}
