import { Injectable, Logger } from '@nestjs/common';
import type { Action, Subject } from '@babyconnect/contracts';
import { AccessLogRepository } from '../access-log/access-log.repository';
import { AccessLogSealer } from '../access-log/access-log.sealer';
import { LOG_LIMITS, logList, logText, type FieldResult } from '../access-log/access-log-entry';
import type { Actor } from '../auth/actor';
import { Authenticator } from '../auth/authenticator';
import { scopeOf, type ScopedRequest } from '../auth/request-scope';
import { requirePermission } from '../permissions/require-permission';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { DataSource } from 'typeorm';

/**
 * The HTTP exports' door, the same as GraphQL's: the bearer token verified locally and the acting-organisation
 * header checked (the Authenticator GraphQL uses), then the CASL permission of the acting organisation — and one
 * access-log row per request, in the same chain and shape as a GraphQL operation's (operation `export:<file>`,
 * field `<file>:<result>[:<reason>]`), written *before* the first byte is sent: nothing leaves unlogged. A stream
 * that breaks off later adds a row saying so. A refusal also counts against its client in the rate limiter, as a
 * refused GraphQL request does (rate-limit/).
 */
@Injectable()
export class ExportGate {
  private readonly logger = new Logger('Exports');

  constructor(
    private readonly authenticator: Authenticator,
    private readonly accessLog: AccessLogRepository,
    private readonly sealer: AccessLogSealer,
    private readonly dataSource: DataSource,
    private readonly limiter: RateLimiter,
  ) {}

  /** The actor when allowed; rejects with the API's error (UNAUTHENTICATED, FORBIDDEN, ORGANISATION_REQUIRED…). */
  async authorise(req: ScopedRequest, action: Action, subject: Subject): Promise<Actor> {
    return requirePermission(await this.authenticator.actorOf(req), action, subject);
  }

  /** Writes the request's row in a transaction of its own; rejects when it cannot (the caller then sends nothing). */
  async log(
    req: ScopedRequest,
    file: string,
    objectIds: readonly string[],
    result: FieldResult,
    reason: string | null,
  ): Promise<void> {
    const scope = scopeOf(req);
    const actor = scope.resolvedActor;
    const acting = actor?.acting ?? null;
    const target = scope.targetOrganisationId ?? null;
    const roles = acting ? acting.roles.join(',') : actor?.platformAdmin ? 'platform-admin' : null;
    const field = [file, result, reason].filter(Boolean).join(':');
    // Counted before the row is written: a refusal counts even when the log cannot take its row.
    if (result === 'refused') await this.limiter.recordRefusal(req);
    await this.accessLog.appendAlone(this.dataSource, {
      chainId: target ?? acting?.organisationId ?? null,
      userId: actor?.user.id ?? scope.identity?.user.id ?? null,
      roles: roles === null ? null : logText(roles, LOG_LIMITS.roles),
      organisationId: acting?.organisationId ?? null,
      targetOrganisationId: target,
      operation: logText(`export:${file}`, LOG_LIMITS.operation),
      fields: [logText(field, LOG_LIMITS.operation)],
      objectIds: logList(objectIds, LOG_LIMITS.objectIds, LOG_LIMITS.objectId),
      result,
      reason: reason === null ? null : logText(reason, LOG_LIMITS.reason),
      requestId: typeof req.id === 'string' ? req.id : null,
    });
    this.sealer.soon();
  }

  /** For a row about a stream that already started: a failure to log it is reported, not thrown. */
  async logQuietly(
    req: ScopedRequest,
    file: string,
    objectIds: readonly string[],
    result: FieldResult,
    reason: string | null,
  ): Promise<void> {
    try {
      await this.log(req, file, objectIds, result, reason);
    } catch (error) {
      this.logger.error(`Access log write failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
