import { SetMetadata } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import type { Action, ErrorCode, Subject } from '@babyconnect/contracts';
import { AccessLogRepository, type AccessLogEntry } from '../access-log/access-log.repository';
import { AccessLogSealer } from '../access-log/access-log.sealer';
import { LOG_LIMITS, logList, logText } from '../access-log/access-log-entry';
import type { Actor } from '../auth/actor';
import { Authenticator } from '../auth/authenticator';
import { PUBLIC_ROUTE } from '../auth/public-route.decorator';
import { scopeOf, type ScopedRequest } from '../auth/request-scope';
import { ApiError } from '../errors/api-error';
import { requirePermission } from '../permissions/require-permission';
import { outcomeOf } from '../errors/outcome';
import { localeOf } from '../i18n/locale';
import { EXPENSIVE_RETRY_AFTER_SECONDS, ExpensiveRequests } from '../rate-limit/expensive-requests';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { UploadRefused } from './upload-refusal';

/**
 * The global guards refuse every REST route that is not public, because they know only GraphQL's way of logging.
 * A route marked here passes them and must call RestGate itself, first thing: the same Authenticator (bearer token
 * verified locally against the realm's keys, the acting organisation from `x-organisation-id`), the same CASL
 * abilities, and one access-log row per request — refusals included — as for every GraphQL request. A refusal also
 * counts against its client in the rate limiter, as a refused GraphQL request does (rate-limit/).
 */
export const GatedRestRoute = () => SetMetadata(PUBLIC_ROUTE, true);

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  ORGANISATION_REQUIRED: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  PAYLOAD_TOO_LARGE: 413,
  BAD_REQUEST: 400,
};

@Injectable()
export class RestGate {
  private readonly logger = new Logger('RestGate');

  constructor(
    private readonly authenticator: Authenticator,
    private readonly accessLog: AccessLogRepository,
    private readonly sealer: AccessLogSealer,
    private readonly dataSource: DataSource,
    private readonly limiter: RateLimiter,
    private readonly expensive: ExpensiveRequests,
  ) {}

  /** The request's actor with the permission checked, as the GraphQL guards do. */
  async admit(req: ScopedRequest, action: Action, subject: Subject): Promise<Actor> {
    return requirePermission(await this.authenticator.actorOf(req), action, subject);
  }

  /**
   * `admit` for an upload or push, which costs the API a stream's worth of work: also takes one of the person's
   * slots for running exports and uploads until `res` closes (TOO_MANY_REQUESTS when all are taken).
   */
  async admitExpensive(req: ScopedRequest, res: Response, action: Action, subject: Subject): Promise<Actor> {
    const actor = await this.admit(req, action, subject);
    this.expensive.begin(actor, res);
    return actor;
  }

  /** The access-log row of a request that succeeded, written in the work's own transaction. */
  async logAllowedIn(
    manager: EntityManager,
    req: ScopedRequest,
    operation: string,
    objectIds: string[],
  ): Promise<void> {
    await this.accessLog.appendIn(manager, this.entry(req, operation, objectIds, 'allowed', null));
    this.sealer.soon();
  }

  /** The answer to a refused or failed request, after its access-log row (nothing is answered unlogged). */
  async refuse(
    req: ScopedRequest,
    res: Response,
    operation: string,
    objectIds: string[],
    error: unknown,
  ): Promise<void> {
    const en = localeOf(req.header('accept-language')) === 'en';
    let status = 500;
    let code: ErrorCode = 'INTERNAL_SERVER_ERROR';
    let text = { nl: 'Er ging iets mis in de API.', en: 'Something went wrong in the API.' };
    let extra: Record<string, unknown> = {};
    let outcome = outcomeOf(error);
    if (error instanceof UploadRefused) {
      ({ status, code, text } = error);
      extra = error.details;
      outcome = { result: 'refused', reason: error.code };
    } else if (error instanceof ApiError) {
      status = STATUS[error.code] ?? 400;
      code = error.code;
      text = error.text;
      if (error.fields.length)
        extra = { fields: error.fields.map((f) => ({ field: f.field, message: en ? f.message.en : f.message.nl })) };
    } else {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    // Counted before the row is written: a refusal counts even when the log cannot take its row.
    if (outcome.result === 'refused') await this.limiter.recordRefusal(req);
    try {
      await this.accessLog.appendAlone(
        this.dataSource,
        this.entry(req, operation, objectIds, outcome.result, outcome.reason),
      );
      this.sealer.soon();
    } catch (logError) {
      this.logger.error(`Access log write failed: ${logError instanceof Error ? logError.message : String(logError)}`);
      status = 503;
      code = 'SERVICE_UNAVAILABLE';
      text = {
        nl: 'Het toegangslogboek kon niet worden bijgewerkt; er is niets gewijzigd. Probeer het zo opnieuw.',
        en: 'The access log could not be written; nothing was changed. Please try again shortly.',
      };
      extra = {};
    }
    if (!req.complete) {
      // The client is still sending (a refused header, a file over the limit): answer now and close the connection,
      // reading what is still in flight into nothing so the client sees the answer instead of a reset.
      res.setHeader('connection', 'close');
      req.resume();
      // The socket may already be gone (the client closed it): then there is nothing left to close.
      res.once('finish', () => setTimeout(() => req.socket?.destroy(), 5_000).unref());
    }
    if (code === 'SERVICE_UNAVAILABLE') res.setHeader('retry-after', '5');
    if (code === 'TOO_MANY_REQUESTS') res.setHeader('retry-after', String(EXPENSIVE_RETRY_AFTER_SECONDS));
    res
      .status(status)
      .setHeader('cache-control', 'no-store')
      .json({ errors: [{ message: en ? text.en : text.nl, extensions: { code, i18n: text, ...extra } }] });
  }

  private entry(
    req: ScopedRequest,
    operation: string,
    objectIds: string[],
    result: AccessLogEntry['result'],
    reason: string | null,
  ): AccessLogEntry {
    const scope = scopeOf(req);
    const actor = scope.resolvedActor;
    const acting = actor?.acting ?? null;
    const target = scope.targetOrganisationId ?? null;
    const roles = acting ? acting.roles.join(',') : null;
    const field = [operation, result, reason].filter(Boolean).join(':');
    return {
      chainId: target ?? acting?.organisationId ?? null,
      userId: actor?.user.id ?? scope.identity?.user.id ?? null,
      roles: roles === null ? null : logText(roles, LOG_LIMITS.roles),
      organisationId: acting?.organisationId ?? null,
      targetOrganisationId: target,
      operation: logText(operation, LOG_LIMITS.operation),
      fields: [logText(field, LOG_LIMITS.operation)],
      objectIds: logList(objectIds, LOG_LIMITS.objectIds, LOG_LIMITS.objectId),
      result,
      reason: reason === null ? null : logText(reason, LOG_LIMITS.reason),
      requestId: typeof req.id === 'string' ? req.id : null,
    };
  }
}
