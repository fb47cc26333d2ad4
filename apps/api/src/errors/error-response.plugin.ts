import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { scopeOf, type ScopedRequest } from '../auth/request-scope';
import { localeOf } from '../i18n/locale';
import { localise } from './format-error';

/** Seconds a client should wait before retrying a request refused for lack of capacity. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * The error job in the request: errors in the request's language (only here is it known), and a retryable
 * status when the platform is busy — HTTP 503 with Retry-After for SERVICE_UNAVAILABLE (pool exhausted, identity
 * provider unreachable, access log not writable) — so a client backs off instead of reporting a fault.
 * Must run after the access-log plugin, which may still replace the answer.
 */
export class ErrorResponsePlugin implements ApolloServerPlugin<{ req: ScopedRequest }> {
  async requestDidStart(): Promise<GraphQLRequestListener<{ req: ScopedRequest }>> {
    return {
      willSendResponse: async ({ contextValue, response }) => {
        // The access log may still withhold the answer: finalise what it leaves.
        await scopeOf(contextValue.req).accessLogWritten;
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        const errors = response.body.singleResult.errors;
        const codes = new Set(errors.map((e) => e.extensions?.['code']));
        if (codes.has('SERVICE_UNAVAILABLE')) {
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        } else if (response.body.singleResult.data === undefined && response.http.status === 500) {
          // Refused before execution (e.g. no valid token): an answer about the request, not a server fault.
          response.http.status = 200;
        }
        response.body.singleResult.errors = localise(errors, localeOf(contextValue.req.header('accept-language')));
      },
    };
  }
}
