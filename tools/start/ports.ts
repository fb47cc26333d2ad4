// The local stack's ports: defaults, the variables that change them, and the check that runs before anything
// starts (a clear "port in use" line is worth more than a half-started stack and a stack trace).
import { createServer } from 'node:net';

export interface Ports {
  postgres: number;
  devIdp: number;
  smtp: number;
  mailWeb: number;
  api: number;
  metrics: number;
  portal: number;
}
export type PortName = keyof Ports;

interface PortInfo {
  variable: string;
  fallback: number;
  /** What the stack runs on this port, for error messages. */
  purpose: string;
}

// PostgreSQL deliberately not on 5432: a developer's own PostgreSQL usually lives there.
export const PORTS: Readonly<Record<PortName, PortInfo>> = {
  postgres: { variable: 'POSTGRES_PORT', fallback: 54329, purpose: 'the embedded PostgreSQL' },
  devIdp: { variable: 'DEV_IDP_PORT', fallback: 8080, purpose: 'the dev identity provider' },
  smtp: { variable: 'SMTP_PORT', fallback: 1025, purpose: 'the mail catcher (SMTP)' },
  mailWeb: { variable: 'MAIL_WEB_PORT', fallback: 1080, purpose: 'the mail catcher web page' },
  api: { variable: 'API_PORT', fallback: 3000, purpose: 'the API' },
  metrics: { variable: 'METRICS_PORT', fallback: 9464, purpose: 'the API metrics' },
  portal: { variable: 'PORTAL_PORT', fallback: 4200, purpose: 'the portal' },
};

export class PortError extends Error {}

/** Reads every port from its variable (or the default); a malformed value is an error, not a silent default. */
export function resolvePorts(env: Record<string, string | undefined>): Ports {
  const ports = {} as Ports;
  for (const name of Object.keys(PORTS) as PortName[]) {
    const { variable, fallback } = PORTS[name];
    const raw = env[variable]?.trim();
    if (!raw) {
      ports[name] = fallback;
      continue;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 65535) {
      throw new PortError(`${variable}=${raw} is not a port number (1-65535).`);
    }
    ports[name] = value;
  }
  return ports;
}

/** Fails with one line naming the first busy port, its default use and the variable that moves it. */
export async function assertPortsFree(ports: Partial<Ports>): Promise<void> {
  const seen = new Map<number, PortName>();
  for (const [name, port] of Object.entries(ports) as [PortName, number][]) {
    const other = seen.get(port);
    if (other) {
      throw new PortError(
        `Port ${port} is configured twice (${PORTS[other].variable} and ${PORTS[name].variable}); give each its own port.`,
      );
    }
    seen.set(port, name);
  }
  for (const [name, port] of Object.entries(ports) as [PortName, number][]) {
    if (!(await isPortFree(port))) {
      const { variable, fallback, purpose } = PORTS[name];
      throw new PortError(
        `Port ${port} is already in use (the stack uses ${port === fallback ? 'it' : `${variable}=${port}`} for ${purpose}; ` +
          `default ${fallback}). Stop the program that uses it, or choose another port with ${variable}=<port>.`,
      );
    }
  }
}

/**
 * True if nothing listens on `port` on any local address. Binding the wildcard address fails on Linux when
 * anything listens on that port on any address (127.0.0.1, ::1 or the wildcard), so one bind answers for all.
 */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') resolve(false);
      else reject(new PortError(`Cannot listen on port ${port}: ${error.code ?? error.message}.`));
    });
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the OS considers free right now (tests). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Distinct free ports for a whole stack (tests); distinct because the OS may hand out a just-closed port again. */
export async function findFreePorts(): Promise<Ports> {
  const taken = new Set<number>();
  const ports = {} as Ports;
  for (const name of Object.keys(PORTS) as PortName[]) {
    let port = await findFreePort();
    while (taken.has(port)) port = await findFreePort();
    taken.add(port);
    ports[name] = port;
  }
  return ports;
}
