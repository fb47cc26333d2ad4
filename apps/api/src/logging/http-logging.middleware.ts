import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { REQUEST_ID_HEADER } from '@babyconnect/contracts';
import { requestContext, type RequestContext } from './request-context';

const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives every request an id (the caller's, if it is a sane one, so the portal can correlate), runs the request
 * inside its logging context and writes one line when it finishes. Paths only; no bodies, no query variables.
 */
export function httpLogging(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.header(REQUEST_ID_HEADER);
    const ctx: RequestContext = { requestId: incoming && SAFE_ID.test(incoming) ? incoming : randomUUID() };
    res.setHeader(REQUEST_ID_HEADER, ctx.requestId);
    (req as Request & { context?: RequestContext }).context = ctx;
    const started = process.hrtime.bigint();
    // Taken now: routers mounted on a path (GraphQL at /graphql) rewrite req.url while they answer.
    const path = req.path;
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      requestContext.run(ctx, () =>
        logger.info(
          { method: req.method, path, status: res.statusCode, durationMs: Math.round(ms * 10) / 10 },
          'request',
        ),
      );
    });
    requestContext.run(ctx, next);
  };
}
