import type { INestApplication } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import type { App } from 'supertest/types';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/config';
import { AnchorSigner } from '../../src/access-log/anchor';
import { ENV } from './paths';

/** One anchor key per test process, as production has one per deployment. */
const ANCHOR_KEY = AnchorSigner.generatePrivatePem();
import { createTestDatabase, type TestDatabase } from './test-database';

export const PORTAL_ORIGIN = 'http://localhost:4200';

export interface TestApp {
  app: INestApplication;
  http: App;
  db: TestDatabase;
  close(): Promise<void>;
}

export function issuer(): string {
  const value = process.env[ENV.issuer];
  if (!value) throw new Error('The API tests need the global setup to start the identity provider');
  return value;
}

/**
 * The API as production builds it (createApp), on its own database copy, against the real identity provider.
 * Pass a logger to read what the API logs: its request lines and every line made during its requests. Lines made
 * outside any request (start-up) go to the first app's logger in the test file (nestjs-pino keeps one root).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  db?: TestDatabase,
  logger: Logger = pino({ level: 'silent' }),
): Promise<TestApp> {
  const database = db ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.appUrl,
    OIDC_ISSUER_URL: issuer(),
    PORTAL_ORIGIN,
    METRICS_PORT: '0',
    ACCESS_LOG_ANCHOR_KEY: ANCHOR_KEY,
    // Test files send bursts of refused requests from one loopback address on purpose; rate-limit.e2e.spec.ts
    // sets its own limits.
    RATE_LIMIT_REFUSALS: '1000000',
    ...env,
  });
  const app = await createApp(config, logger);
  await app.init();
  return {
    app,
    http: app.getHttpServer() as App,
    db: database,
    close: async () => {
      await app.close();
      if (!db) await database.drop();
    },
  };
}
