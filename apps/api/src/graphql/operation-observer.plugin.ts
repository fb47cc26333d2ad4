import { Inject, Logger } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener, GraphQLServerContext } from '@apollo/server';
import { Kind } from 'graphql';
import { localeFromAcceptLanguage } from '@babyconnect/contracts';
import { ApiError } from '../errors/api-error';
import { AccessLogRepository, type AccessLogEntry } from '../access-log/access-log.repository';
import { scopeOf, type ScopedRequest } from '../auth/request-scope';
import { localise, stableCode } from '../errors/format-error';
import { Metrics } from '../metrics/metrics';

type Result = AccessLogEntry['result'];

// Only decisions about the caller are refusals. SERVICE_UNAVAILABLE (identity provider unreachable) is a failure:
// nobody was refused, the request could not be judged.
const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'ORGANISATION_REQUIRED']);

function resultOf(error: unknown): { result: Result; reason: string | null } {
  if (!error) return { result: 'allowed', reason: null };
  const original = (error as { originalError?: unknown }).originalError ?? error;
  if (original instanceof ApiError) {
    return { result: REFUSALS.has(original.code) ? 'refused' : 'failed', reason: original.code };
  }
  return { result: 'failed', reason: 'INTERNAL_SERVER_ERROR' };
}

/**
 * Watches every top-level GraphQL field: one access-log row (NEN 7513: who, role, organisation, what, which
 * objects, when, result — refusals included) and its metrics. Requests that never reach execution (parse or
 * validation errors, limits) get one row too. The response waits for the rows: nothing is answered that was not
 * logged. Errors are localised here because only here is the request's language known.
 */
@Plugin()
export class OperationObserverPlugin implements ApolloServerPlugin<{ req: ScopedRequest }> {
  private readonly logger = new Logger('AccessLog');

  constructor(
    @Inject(AccessLogRepository) private readonly accessLog: AccessLogRepository,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  async serverWillStart({ schema }: GraphQLServerContext): Promise<void> {
    // Metric labels are exactly the schema's top-level fields.
    this.metrics.setKnownOperations(
      [schema.getQueryType(), schema.getMutationType()].flatMap((t) => (t ? Object.keys(t.getFields()) : [])),
    );
  }

  async requestDidStart(): Promise<GraphQLRequestListener<{ req: ScopedRequest }>> {
    const pending: Promise<void>[] = [];
    let executed = false;
    const record = (
      req: ScopedRequest,
      operation: string,
      objectIds: string[],
      outcome: { result: Result; reason: string | null },
    ) => {
      const { resolvedActor: actor, identity } = scopeOf(req);
      const { result, reason } = outcome;
      this.metrics.operations.inc({ operation: this.metrics.operationLabel(operation), result });
      const roles = actor?.acting ? actor.acting.roles.join(',') : actor?.platformAdmin ? 'platform-admin' : null;
      pending.push(
        this.accessLog.append({
          userId: actor?.user.id ?? identity?.user.id ?? null,
          roles,
          organisationId: actor?.acting?.organisationId ?? null,
          operation,
          objectIds,
          result,
          reason,
          requestId: req.context?.requestId ?? null,
        }),
      );
    };

    return {
      executionDidStart: async () => {
        executed = true;
        return {
          willResolveField: ({ info, contextValue }) => {
            if (info.path.prev !== undefined) return;
            const end = this.metrics.duration.startTimer({ operation: this.metrics.operationLabel(info.fieldName) });
            return (error, result) => {
              end();
              const audit = scopeOf(contextValue.req).fields.get(String(info.path.key));
              // Nest's exception filters hand errors back as the field's value; graphql-js then raises them.
              const failure = error ?? (result instanceof Error ? result : null);
              record(contextValue.req, info.fieldName, audit?.objectIds ?? [], resultOf(failure));
            };
          },
        };
      },
      didEncounterErrors: async ({ contextValue, errors, document }) => {
        if (executed) return;
        const code = stableCode(errors[0], String(errors[0]?.extensions?.['code'] ?? 'GRAPHQL_VALIDATION_FAILED'));
        const definition = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
        const name = definition && 'name' in definition ? definition.name?.value : undefined;
        // The request never ran: it was refused before any field (syntax, unknown field, or a limit).
        record(contextValue.req, name ? `(${name})` : '(invalid request)', [], { result: 'refused', reason: code });
      },
      willSendResponse: async ({ contextValue, response }) => {
        const outcomes = await Promise.allSettled(pending);
        const failed = outcomes.find((o) => o.status === 'rejected');
        if (failed) {
          // Accountability first: if the access log cannot be written, the answer is withheld.
          this.logger.error(`Access log write failed: ${String((failed as PromiseRejectedResult).reason)}`);
          if (response.body.kind === 'single') {
            response.body.singleResult.data = null;
            response.body.singleResult.errors = [
              {
                message: 'Het toegangslogboek kon niet worden bijgewerkt; probeer het later opnieuw.',
                extensions: {
                  code: 'INTERNAL_SERVER_ERROR',
                  i18n: {
                    nl: 'Het toegangslogboek kon niet worden bijgewerkt; probeer het later opnieuw.',
                    en: 'The access log could not be written; please try again later.',
                  },
                },
              },
            ];
          }
        }
        if (response.body.kind === 'single' && response.body.singleResult.errors) {
          const locale = localeFromAcceptLanguage(contextValue.req.header('accept-language'));
          response.body.singleResult.errors = localise(response.body.singleResult.errors, locale);
        }
      },
    };
  }
}
