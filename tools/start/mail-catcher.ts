// The SMTP catcher for local mail: MailDev 3, run as its own process (its CLI bin with the project's Node).
// A child process rather than in-process: maildev is ESM-only with an import-only export map, which CommonJS
// test code cannot load, and its servers then cannot delay or break the stack's own shutdown.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startService, waitForHttp } from './processes.ts';
import { StackError } from './errors.ts';

export interface MailCatcherOptions {
  rootDir: string;
  /** Folder for MailDev's scratch files; emptied at every start (mails are kept in memory only). */
  workDir: string;
  smtpPort: number;
  webPort: number;
  /** Receives MailDev's "mail received" lines. */
  onLog?: (line: string) => void;
}

export interface MailCatcher {
  smtpUrl: string;
  webUrl: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  // MailDev writes a copy of every message to <os.tmpdir()>/maildev even with in-memory storage: pointing
  // TMPDIR at our own folder keeps those copies out of the shared /tmp and lets `npm run reset` remove them.
  rmSync(options.workDir, { recursive: true, force: true });
  mkdirSync(options.workDir, { recursive: true });
  const env: Record<string, string | undefined> = { ...process.env, TMPDIR: options.workDir };
  // MAILDEV_* variables would override our settings.
  for (const name of Object.keys(env)) if (name.startsWith('MAILDEV_')) delete env[name];

  let forwarding = false; // its startup banner and shutdown chatter are noise next to our own banner
  const bin = join(options.rootDir, 'node_modules/maildev/dist/bin/maildev.js');
  const service = await startService(
    process.execPath,
    [
      bin,
      ...['--smtp', String(options.smtpPort), '--ip', '127.0.0.1'],
      ...['--web', String(options.webPort), '--web-ip', '127.0.0.1'],
      ...(options.onLog ? [] : ['--silent']),
    ],
    {
      // Its own folder as working directory: MailDev picks up a maildev config file from the working directory.
      cwd: options.workDir,
      env,
      onLine: (line) => {
        if (forwarding) options.onLog?.(line);
      },
    },
  );
  const webUrl = `http://127.0.0.1:${options.webPort}`;
  try {
    // The web API starts after the SMTP server, so a healthy web API means both are listening.
    await waitForHttp(`${webUrl}/api/healthz`, 200, {
      timeoutMs: 20_000,
      giveUp: () =>
        service.hasExited() ? `The mail catcher exited during start: ${service.tail().join(' ')}` : undefined,
    });
  } catch (error) {
    await service.stop(2_000);
    throw error instanceof StackError ? error : new StackError(`The mail catcher did not start: ${String(error)}`);
  }
  forwarding = true;
  return {
    smtpUrl: `smtp://127.0.0.1:${options.smtpPort}`,
    webUrl,
    pid: service.pid,
    async stop() {
      forwarding = false;
      await service.stop(5_000);
    },
  };
}
