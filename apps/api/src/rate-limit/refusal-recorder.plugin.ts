import { Inject } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { Request } from 'express';
import { isRefusal, RateLimiter } from './rate-limiter';

/**
 * Tells the rate limiter about every GraphQL request that ended refused (one count per request, however many of
 * its fields were refused). Runs after the errors are formatted, so it sees the codes the client sees.
 */
@Plugin()
export class RefusalRecorderPlugin implements ApolloServerPlugin<{ req?: Request }> {
  constructor(@Inject(RateLimiter) private readonly limiter: RateLimiter) {}

  async requestDidStart(): Promise<GraphQLRequestListener<{ req?: Request }>> {
    let executed = false;
    return {
      executionDidStart: async () => {
        executed = true;
      },
      willSendResponse: async ({ contextValue, response }) => {
        if (response.body.kind !== 'single' || !contextValue.req) return;
        const errors = response.body.singleResult.errors ?? [];
        const codes = errors.map((e) => e.extensions?.['code'] as string | undefined);
        if (errors.length && isRefusal(codes, executed)) await this.limiter.recordRefusal(contextValue.req);
      },
    };
  }
}
