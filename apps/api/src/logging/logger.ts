import pino, { type Logger } from 'pino';

/**
 * The API's one structured JSON logger. Nest's own messages and the request lines go through it (see
 * http-logging.ts); lines made during a request carry that request's id, user and organisation. Tests pass their
 * own destination to read the lines.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'babyconnect-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Belt and braces: these never belong in a log line.
      redact: { paths: ['req.headers.authorization', 'authorization', 'token', '*.token', 'password'], remove: true },
    },
    destination,
  );
}
