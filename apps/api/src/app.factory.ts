import 'reflect-metadata';
import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';
import { ACTING_ORGANISATION_HEADER, REQUEST_ID_HEADER } from '@babyconnect/contracts';
import { AppModule } from './app.module';
import { localeOf } from './i18n/locale';
import type { ApiConfig } from './config/config.schema';
import { httpLogging } from './logging/http-logging';
import { Metrics } from './metrics/metrics';
import { RateLimiter } from './rate-limit/rate-limiter';
import { rateLimitMiddleware } from './rate-limit/rate-limit.middleware';

/**
 * Builds the API exactly as production runs it; tests use the same function (`extra`: test-only modules, e.g. a
 * probe resolver that must pass the same global guards).
 */
export async function createApp(
  config: ApiConfig,
  logger: Pino,
  extra: (Type | DynamicModule)[] = [],
): Promise<NestExpressApplication> {
  const logging = httpLogging(logger);
  const app = await NestFactory.create<NestExpressApplication>(
    { module: ApiRoot, imports: [logging.module, AppModule.forRoot(config), ...extra] },
    {
      bodyParser: false,
      // Nest's start-up messages wait for the structured logger (useLogger below). Should start-up fail, they are
      // dropped rather than printed as plain text: the caller logs the error itself (main.ts, as JSON).
      bufferLogs: true,
      logger: false,
      abortOnError: false,
    },
  );
  app.useLogger(app.get(Logger));
  if (config.TRUST_PROXY) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  const metrics = app.get(Metrics);
  app.use((req: Request, res: Response, next: NextFunction) => {
    // Taken now: routers mounted on a path (GraphQL at /graphql) rewrite req.url while they answer.
    const route = metrics.routeLabel(req.path);
    res.on('finish', () => metrics.httpRequests.inc({ route, status: `${Math.floor(res.statusCode / 100)}xx` }));
    next();
  });
  // Before everything that may answer early (rate limit, body limits): every response gets an id and a line.
  app.use(logging.middleware);
  app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } }));
  app.enableCors({
    origin: [config.PORTAL_ORIGIN],
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'accept-language', ACTING_ORGANISATION_HEADER, REQUEST_ID_HEADER],
    exposedHeaders: [REQUEST_ID_HEADER],
    maxAge: 600,
  });
  // Every route (GraphQL and the REST exports and uploads), before any body is read; health probes pass.
  app.use(rateLimitMiddleware(app.get(RateLimiter), metrics));
  app.use(jsonBody(config.HTTP_BODY_LIMIT_BYTES));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  return app;
}

/** The logging module beside the app's modules: it holds the pino instance createApp is given. */
@Module({})
class ApiRoot {}

/** JSON bodies up to the configured size; a larger or malformed body gets a readable GraphQL-shaped error. */
function jsonBody(limit: number) {
  const parse = express.json({ limit });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (error?: unknown) => {
      if (!error) return next();
      const tooLarge = (error as { type?: string }).type === 'entity.too.large';
      const en = localeOf(req.header('accept-language')) === 'en';
      const kb = Math.round(limit / 1024);
      const message = tooLarge
        ? en
          ? `The request is too large: at most ${kb} kB is accepted.`
          : `Het verzoek is te groot: er wordt hoogstens ${kb} kB geaccepteerd.`
        : en
          ? 'The request body is not valid JSON.'
          : 'De inhoud van het verzoek is geen geldige JSON.';
      res
        .status(tooLarge ? 413 : 400)
        .json({ errors: [{ message, extensions: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] });
    });
}
