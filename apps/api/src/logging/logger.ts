import pino, { type Logger } from 'pino';
import type { LoggerService } from '@nestjs/common';
import { requestContext } from './request-context';

/** Structured JSON logs; every line made during a request carries its request id, user and organisation. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'babyconnect-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin() {
        const ctx = requestContext.getStore();
        return ctx ? { requestId: ctx.requestId, userId: ctx.userId, organisationId: ctx.organisationId } : {};
      },
      // Belt and braces: these never belong in a log line.
      redact: { paths: ['req.headers.authorization', 'authorization', 'token', '*.token', 'password'], remove: true },
    },
    destination,
  );
}

/** Lets Nest's own messages go through the same structured logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
