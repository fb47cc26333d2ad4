import { Injectable, Logger } from '@nestjs/common';
import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { ErrorCode } from '@babyconnect/contracts';
import { Authenticator } from '../auth/authenticator';
import { scopeOf, type ScopedRequest } from '../auth/request-scope';
import { requestTransactionOf } from '../database/request-transaction.middleware';
import { ApiError } from '../errors/api-error';
import { stableCode } from '../errors/format-error';
import { outcomeOf } from '../errors/outcome';
import {
  LOG_LIMITS,
  logList,
  logText,
  overallResult,
  summariseFields,
  type FieldOutcome,
  type FieldResult,
} from './access-log-entry';
import { AccessLogRepository, type AccessLogEntry } from './access-log.repository';
import { AccessLogSealer } from './access-log.sealer';
import { DataSource } from 'typeorm';

type Context = { req: ScopedRequest };

export const ACCESS_LOG_UNAVAILABLE = {
  nl: 'Het toegangslogboek kon niet worden bijgewerkt; er is niets gewijzigd. Probeer het zo opnieuw.',
  en: 'The access log could not be written; nothing was changed. Please try again shortly.',
};

/**
 * The access log's job in the request (NEN 7513): authenticate every operation before it runs, then write ONE
 * row per request — who, role, organisation, which fields with which outcome, which objects, when, result,
 * refusals included — inside the request's own transaction, so the row commits with the work or neither does.
 * The answer waits for the row: nothing is answered that was not logged.
 */
@Injectable()
export class AccessLogPlugin implements ApolloServerPlugin<Context> {
  private readonly logger = new Logger('AccessLog');

  constructor(
    private readonly authenticator: Authenticator,
    private readonly accessLog: AccessLogRepository,
    private readonly dataSource: DataSource,
    private readonly sealer: AccessLogSealer,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<Context>> {
    const outcomes: FieldOutcome[] = [];
    // Top-level fields still resolving. graphql-js answers as soon as a non-null field fails while the others
    // go on; the row (and the transaction) must wait for them all.
    let running = 0;
    let settled: () => void = () => undefined;
    const allSettled = new Promise<void>((resolve) => (settled = resolve));
    let executed = false;
    let attempted: string[] = [];
    let early: { result: FieldResult; reason: string | null } | null = null;

    const finish = async (requestContext: GraphQLRequestContext<Context>): Promise<void> => {
      const { contextValue, response } = requestContext;
      const req = contextValue.req;
      if (running > 0) await allSettled;
      const fieldsOutcome = executed
        ? outcomes
        : attempted.map((name) => ({
            name,
            result: early?.result ?? ('refused' as const),
            reason: early?.reason ?? null,
          }));
      const { result, reason } = executed
        ? overallResult(outcomes)
        : (early ?? { result: 'refused' as const, reason: null });
      const entry = this.entryFor(requestContext, summariseFields(fieldsOutcome), result, reason);
      const body = response.body;
      const hasErrors = body?.kind === 'single' && (body.singleResult.errors?.length ?? 0) > 0;
      const transaction = requestTransactionOf(req);
      try {
        if (transaction) {
          await transaction.finish(
            executed && !hasErrors,
            (manager) =>
              manager ? this.accessLog.appendIn(manager, entry) : this.accessLog.appendAlone(this.dataSource, entry),
            () => this.accessLog.appendStatement(entry),
          );
        } else {
          await this.accessLog.appendAlone(this.dataSource, entry);
        }
        // Chained right after, outside this request: it does not wait for other requests' rows.
        this.sealer.soon();
      } catch (error) {
        // Accountability first: if the access log cannot be written, the answer is withheld (and any change was
        // rolled back with it).
        this.logger.error(`Access log write failed: ${error instanceof Error ? error.message : String(error)}`);
        withhold(requestContext);
      }
    };

    return {
      didResolveOperation: async ({ contextValue, operation }) => {
        attempted = topLevelFields(operation);
        // Every operation needs a valid token — also one without resolvers (`{ __typename }`).
        try {
          await this.authenticator.actorOf(contextValue.req);
        } catch (error) {
          if (error instanceof ApiError) throw new GraphQLError(error.message, { originalError: error });
          throw error;
        }
      },
      executionDidStart: async () => {
        executed = true;
        return {
          willResolveField: ({ info }) => {
            if (info.path.prev !== undefined) return;
            running++;
            return (error, result) => {
              // Nest's exception filters hand errors back as the field's value; graphql-js then raises them.
              const failure = error ?? (result instanceof Error ? result : null);
              outcomes.push({ name: info.fieldName, ...outcomeOf(failure) });
              if (--running === 0) settled();
            };
          },
        };
      },
      didEncounterErrors: async ({ errors }) => {
        if (executed) return;
        const first = errors[0];
        const original = first?.originalError;
        // Refused before any field: no valid token, or syntax, unknown field, a limit.
        early =
          original instanceof ApiError
            ? outcomeOf(original)
            : {
                result: 'refused',
                reason: stableCode(first, String(first?.extensions?.['code'] ?? 'GRAPHQL_VALIDATION_FAILED')),
              };
      },
      willSendResponse: async (requestContext) => {
        // Set before the first await: the error response (a later plugin, run concurrently) waits for it.
        const written = finish(requestContext);
        scopeOf(requestContext.contextValue.req).accessLogWritten = written;
        await written;
      },
    };
  }

  private entryFor(
    requestContext: GraphQLRequestContext<Context>,
    fields: string[],
    result: FieldResult,
    reason: string | null,
  ): AccessLogEntry {
    const req = requestContext.contextValue.req;
    const scope = scopeOf(req);
    const actor = scope.resolvedActor;
    const acting = actor?.acting ?? null;
    // The organisation concerned without acting for it (an admin's change, a refused attempt) holds the row.
    const target = scope.targetOrganisationId ?? null;
    const roles = acting ? acting.roles.join(',') : actor?.platformAdmin ? 'platform-admin' : null;
    const objectIds = [...scope.fields.values()].flatMap((f) => f.objectIds);
    return {
      chainId: target ?? acting?.organisationId ?? null,
      userId: actor?.user.id ?? scope.identity?.user.id ?? null,
      roles: roles === null ? null : logText(roles, LOG_LIMITS.roles),
      organisationId: acting?.organisationId ?? null,
      targetOrganisationId: target,
      operation: logText(operationName(requestContext), LOG_LIMITS.operation),
      fields,
      objectIds: logList(objectIds, LOG_LIMITS.objectIds, LOG_LIMITS.objectId),
      result,
      reason: reason === null ? null : logText(reason, LOG_LIMITS.reason),
      requestId: typeof req.id === 'string' ? req.id : null, // set by pino-http (logging/http-logging.ts)
    };
  }
}

function topLevelFields(operation: OperationDefinitionNode | undefined): string[] {
  if (!operation) return [];
  return operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
}

/**
 * What the request did, in one word: the operation's name as the client gave it, else its distinct top-level
 * fields (`me`, `organisation,accessLog`); '(invalid request)' when it never parsed. Capped by the caller.
 */
function operationName(requestContext: GraphQLRequestContext<Context>): string {
  const operation =
    requestContext.operation ??
    (requestContext.document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as
      OperationDefinitionNode | undefined);
  if (!operation) return '(invalid request)';
  if (operation.name) return operation.name.value;
  const fields = [...new Set(topLevelFields(operation))];
  return fields.length ? fields.join(',') : `(${operation.operation})`;
}

function withhold(requestContext: GraphQLRequestContext<Context>): void {
  const { response } = requestContext;
  const code: ErrorCode = 'SERVICE_UNAVAILABLE';
  response.body = {
    kind: 'single',
    singleResult: {
      data: null,
      errors: [{ message: ACCESS_LOG_UNAVAILABLE.nl, extensions: { code, i18n: ACCESS_LOG_UNAVAILABLE } }],
    },
  };
}
