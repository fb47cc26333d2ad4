import { Injectable } from '@nestjs/common';
import type { ApolloServerPlugin, GraphQLRequestListener, GraphQLServerContext } from '@apollo/server';
import { ApiError } from '../errors/api-error';
import { outcomeOf, type Outcome } from '../errors/outcome';
import { Metrics } from './metrics';

/** Refused or failed by a field's error, allowed without one (errors/outcome.ts decides, for the log too). */
function resultOf(error: unknown): Outcome {
  return outcomeOf(error).result;
}

/** The metrics job in the request: per top-level field a count by result and a duration. */
@Injectable()
export class MetricsPlugin implements ApolloServerPlugin {
  constructor(private readonly metrics: Metrics) {}

  async serverWillStart({ schema }: GraphQLServerContext): Promise<void> {
    // Metric labels are exactly the schema's top-level fields.
    this.metrics.setKnownOperations(
      [schema.getQueryType(), schema.getMutationType()].flatMap((t) => (t ? Object.keys(t.getFields()) : [])),
    );
  }

  async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
    let executed = false;
    return {
      executionDidStart: async () => {
        executed = true;
        return {
          willResolveField: ({ info }) => {
            if (info.path.prev !== undefined) return;
            const operation = this.metrics.operationLabel(info.fieldName);
            const end = this.metrics.duration.startTimer({ operation });
            return (error, result) => {
              end();
              this.metrics.operations.inc({
                operation,
                result: resultOf(error ?? (result instanceof Error ? result : null)),
              });
            };
          },
        };
      },
      didEncounterErrors: async ({ errors }) => {
        if (executed) return;
        // Before any field: our own refusal (no valid token) or failure (sign-in service down) as decided; a
        // query that does not parse or fit the schema is refused — as the access log records it.
        const original = errors[0]?.originalError;
        this.metrics.operations.inc({
          operation: 'unknown',
          result: original instanceof ApiError ? resultOf(original) : 'refused',
        });
      },
    };
  }
}
