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
  try {
    const app = await createApp(config, logger);
    await app.listen(config.PORT, config.HOST);
    logger.info({ port: config.PORT }, `API ready on port ${config.PORT}`);
  } catch (error) {
    // One line a person can act on; the details are in the structured log.
    const err = error as NodeJS.ErrnoException;
    const message =
      err.code === 'EADDRINUSE'
        ? `Port ${config.PORT} is already in use: stop the other program or set PORT.`
        : (err.message ?? String(error));
    logger.fatal({ err: { name: err.name, code: err.code } }, message);
    console.error(`API failed to start: ${message}`);
    process.exit(1);
  }
}

void main();
