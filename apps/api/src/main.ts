import type { Server } from 'node:http';
import { ConfigError, loadConfig } from './config/config';
import { createLogger } from './logging/logger';
import { createApp } from './app.factory';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  // A promise nobody awaited must not take the whole API down for every organisation: log it loudly and go on.
  // (The request pipeline awaits everything it starts; this is the net under that rule, not a substitute.)
  process.on('unhandledRejection', (reason) => {
    const err = reason instanceof Error ? reason : new Error(String(reason));
    logger.error({ err: { name: err.name, message: err.message, stack: err.stack } }, 'Unhandled promise rejection');
  });
  try {
    const app = await createApp(config, logger);
    await app.listen(config.PORT, config.HOST);
    logger.info({ port: config.PORT }, `API ready on port ${config.PORT}`);
    // Nest's shutdown hooks stop accepting connections and wait for in-flight requests; a request that hangs
    // longer than the grace period is cut off so that the instance does stop.
    const server = app.getHttpServer() as Server;
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        logger.info({ signal }, 'Shutting down: draining in-flight requests');
        setTimeout(() => server.closeAllConnections(), config.SHUTDOWN_GRACE_MS).unref();
      });
    }
  } catch (error) {
    // One line a person can act on; the details are in the structured log.
    const err = error as NodeJS.ErrnoException;
    const message =
      err.code === 'EADDRINUSE'
        ? `Port ${config.PORT} is already in use: stop the other program or set PORT.`
        : (err.message ?? String(error));
    // Nest's own start-up messages are dropped when start-up fails (app.factory.ts), so the stack goes here.
    logger.fatal({ err: { name: err.name, code: err.code, stack: err.stack } }, message);
    console.error(`API failed to start: ${message}`);
    process.exit(1);
  }
}

void main();
