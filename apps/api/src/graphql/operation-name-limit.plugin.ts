import { Inject } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { API_CONFIG } from '../config/config';
import type { ApiConfig } from '../config/config.schema';
import { operationNameTooLong } from './limits';

/**
 * The request body names its operation too (`operationName`, beside `query`). The limits rule checks the names in
 * the document; this checks the one in the body, which Apollo would otherwise echo into "Unknown operation named …"
 * and the access log would record. Refused as a limit, with 400, before any field runs.
 */
@Plugin()
export class OperationNameLimitPlugin implements ApolloServerPlugin {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
    const max = this.config.GRAPHQL_MAX_OPERATION_NAME;
    return {
      didResolveOperation: async ({ request }) => {
        const length = typeof request.operationName === 'string' ? request.operationName.length : 0;
        if (length <= max) return;
        const refusal = operationNameTooLong(length, max);
        throw new GraphQLError(refusal.message, {
          extensions: { ...refusal.extensions, http: { status: 400 } },
        });
      },
    };
  }
}
