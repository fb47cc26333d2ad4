// The whole local stack for a browser test file: PostgreSQL in a fresh data folder, migrations + demo data, the dev
// identity provider, the API and the portal from dist (built beforehand by the runner), all on free ports.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePorts } from '../../../../tools/start/ports.ts';
import { type Stack, startStack } from '../../../../tools/start/stack.ts';

export const ROOT = resolve(__dirname, '../../../..');

export interface TestStack {
  readonly portal: string;
  readonly issuer: string;
  readonly api: string;
  /** The mail catcher's web address; its JSON API lists the received mails at `/api/email`. */
  readonly mail: string;
  stop(): Promise<void>;
}

export async function startTestStack(): Promise<TestStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
  chmodSync(dataDir, 0o755); // embedded PostgreSQL runs as the OS user `postgres` when we are root
  const log: string[] = [];
  // The stack's own services only: settings for another database, identity provider or SMTP server are dropped
  // from the environment so a developer's shell cannot redirect the test.
  const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'warn' };
  for (const name of ['DATABASE_URL', 'DATABASE_MIGRATION_URL', 'OIDC_ISSUER_URL', 'SMTP_URL', 'SEED_DEMO']) {
    delete env[name];
  }
  let stack: Stack;
  try {
    stack = await startStack({
      rootDir: ROOT,
      dataDir,
      ports: await findFreePorts(),
      build: false,
      quiet: true,
      env,
      onLog: (source, line) => void log.push(`[${source}] ${line}`),
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${log.slice(-40).join('\n')}`);
  }
  const { portal, issuer, api, mail } = stack.urls as { portal: string; issuer: string; api: string; mail: string };
  return {
    portal,
    issuer,
    api,
    mail,
    async stop() {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
