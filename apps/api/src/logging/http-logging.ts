import { randomUUID } from 'node:crypto';
import type { DynamicModule } from '@nestjs/common';
import type { Request, Response } from 'express';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { pinoHttp, type HttpLogger, type Options } from 'pino-http';
import { REQUEST_ID_HEADER } from '@babyconnect/contracts';

/** A caller's request id is kept only if it is this plain, so the portal can correlate and nobody can inject. */
const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface HttpLogging {
  /** pino-http: gives the request its id, binds it to the request's logger, writes the request line. */
  middleware: HttpLogger<Request, Response>;
  /** nestjs-pino: Nest's own messages, `Logger` and `PinoLogger` (with `assign`) write through the same logger. */
  module: DynamicModule;
}

/**
 * One line per request (`msg: "request"`: method, path as requested without its query string, status, duration,
 * request id, and the user and organisation once known) and the request's id on every line made while it runs.
 * Never headers (the authorization header holds a token), bodies or query variables.
 *
 * The app mounts `middleware` itself, first in the chain, and nestjs-pino only binds its logger per request
 * (`useExisting`), for two reasons. Nest applies a module's middleware after everything mounted with `app.use`,
 * so requests answered before it (rate limit 429, body 413, CORS) would get no id and no line. And nestjs-pino
 * builds its own pino-http once per process, so a second app in one process (the tests) would write its request
 * lines to the first app's logger. Lines made outside any request still go to that process-wide root, built
 * from the same options.
 */
export function httpLogging(logger: Logger): HttpLogging {
  const options: Options<Request, Response> = {
    logger,
    genReqId: (req, res) => {
      const incoming = req.headers[REQUEST_ID_HEADER];
      const id = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    // The request's logger binds the id only: pino-http would otherwise bind the whole request, headers included.
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
    customSuccessObject: (req, res, value: Record<string, unknown>) => requestLine(req, res, value),
    customErrorObject: (req, res, _error, value: Record<string, unknown>) => requestLine(req, res, value),
    // Should anyone log a request object after all: its method and path, nothing else.
    serializers: { req: (req: { method?: string; url?: string }) => ({ method: req.method, path: pathOf(req.url) }) },
  };
  return {
    middleware: pinoHttp(options),
    // assignResponse: what PinoLogger.assign adds (user, organisation) also reaches the request line.
    module: LoggerModule.forRoot<Request, Response>({ pinoHttp: options, useExisting: true, assignResponse: true }),
  };
}

function requestLine(req: Request, res: Response, value: Record<string, unknown>): Record<string, unknown> {
  return {
    method: req.method,
    // originalUrl: routers mounted on a path (GraphQL at /graphql) rewrite req.url while they answer.
    path: pathOf(req.originalUrl ?? req.url),
    status: res.statusCode,
    durationMs: value['durationMs'],
    // The client went away before the answer was complete; status is what had been set by then.
    ...(res.writableFinished ? {} : { aborted: true }),
  };
}

function pathOf(url: string | undefined): string {
  const value = url ?? '';
  const query = value.indexOf('?');
  return query < 0 ? value : value.slice(0, query);
}
