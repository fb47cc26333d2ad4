// Runs the API for `npm start` and brings it back when it crashes: one line per restart, a growing pause between
// attempts, and a cap on restarts within a time window, so a crash loop ends with a clear message instead of
// spinning.
import { join } from 'node:path';
import { StackError } from './errors.ts';
import { startService, waitForHttp, type ExitStatus, type Service } from './processes.ts';

export interface RestartPolicy {
  /** Restarts allowed within `windowMs`; one more crash in that window gives up. */
  maxRestarts: number;
  windowMs: number;
  /** Pause before the first restart; doubles with each crash in the window, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  maxRestarts: 5,
  windowMs: 5 * 60_000,
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
};

export interface SupervisorOptions {
  rootDir: string;
  main: string;
  env: Record<string, string | undefined>;
  readyUrl: string;
  readyTimeoutMs: number;
  policy: RestartPolicy;
  onLine: (line: string) => void;
  say: (line: string) => void;
  /** The API's pid changed (started, restarted, stopped: undefined). */
  onPid: (pid: number | undefined) => void;
  /** The API crashed more often than the policy allows; the stack should stop. */
  onGiveUp: (message: string) => void;
  signal?: AbortSignal;
}

export interface SupervisedApi {
  stop(graceMs: number): Promise<void>;
}

/** Starts the API and waits until it is ready; from then on a crash restarts it. */
export async function superviseApi(options: SupervisorOptions): Promise<SupervisedApi> {
  let current: Service | undefined;
  let stopping = false;
  let pending: NodeJS.Timeout | undefined;
  const crashes: number[] = [];

  const launch = async (): Promise<Service> => {
    // --enable-source-maps: stack traces in the API's logs point at the TypeScript sources.
    const service = await startService(
      process.execPath,
      ['--enable-source-maps', join(options.rootDir, options.main)],
      {
        cwd: options.rootDir,
        env: options.env,
        onLine: options.onLine,
        tailLength: 30,
      },
    );
    current = service;
    options.onPid(service.pid);
    return service;
  };

  const watch = (service: Service): void => {
    void service.exited.then((status) => {
      if (stopping || service !== current) return;
      options.onPid(undefined);
      onCrash(status);
    });
  };

  const onCrash = (status: ExitStatus): void => {
    const now = Date.now();
    while (crashes.length > 0 && now - crashes[0]! > options.policy.windowMs) crashes.shift();
    crashes.push(now);
    const how = status.signal ? `signal ${status.signal}` : `code ${status.code}`;
    const minutes = Math.round(options.policy.windowMs / 60_000) || 1;
    if (crashes.length > options.policy.maxRestarts) {
      options.onGiveUp(
        `The API exited unexpectedly (${how}) ${crashes.length} times within ${minutes} min; not restarting it again. ` +
          'The cause is in its last log lines above; fix it and run `npm start` again.',
      );
      return;
    }
    const delay = Math.min(options.policy.firstDelayMs * 2 ** (crashes.length - 1), options.policy.maxDelayMs);
    options.say(
      `API exited unexpectedly (${how}); restarting in ${(delay / 1000).toFixed(1)} s (attempt ${crashes.length} of ${options.policy.maxRestarts} within ${minutes} min).`,
    );
    pending = setTimeout(() => {
      pending = undefined;
      if (stopping) return;
      void launch().then(
        (service) => {
          watch(service);
          return waitForHttp(options.readyUrl, 200, {
            timeoutMs: options.readyTimeoutMs,
            giveUp: () => (service.hasExited() || stopping ? 'gone' : undefined),
          }).then(
            () => options.say('API is back and ready.'),
            () => undefined, // an exit is counted by watch(); a slow start is visible in its own log lines
          );
        },
        (error: unknown) => options.onGiveUp(`The API could not be restarted: ${(error as Error).message}`),
      );
    }, delay);
  };

  const first = await launch();
  try {
    await waitForHttp(options.readyUrl, 200, {
      timeoutMs: options.readyTimeoutMs,
      signal: options.signal,
      giveUp: () => (first.hasExited() ? 'The API exited before it was ready (see its last log lines).' : undefined),
    });
  } catch (error) {
    if (error instanceof StackError) {
      const reason = first.hasExited()
        ? error.message
        : `The API did not become ready within ${options.readyTimeoutMs / 1000} s (GET ${options.readyUrl}; see its last log lines).`;
      await first.stop(5_000);
      throw new StackError(reason, first.tail());
    }
    await first.stop(5_000);
    throw error;
  }
  watch(first);

  return {
    async stop(graceMs) {
      stopping = true;
      if (pending) clearTimeout(pending);
      if (current) await current.stop(graceMs);
      options.onPid(undefined);
    },
  };
}
