// Serves the built portal (node:http only): files from dist, index.html for the SPA's own routes, and
// /config.json generated from the environment, so one portal build serves every environment.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import Negotiator from 'negotiator';
import { StackError } from './errors.ts';

export interface PortalRuntimeConfig {
  apiUrl: string;
  oidc: { issuer: string; clientId: string };
}

export interface StaticServerOptions {
  /** The build output, e.g. dist/apps/portal/browser. */
  root: string;
  port: number;
  host?: string;
  config: PortalRuntimeConfig;
}

export interface StaticServer {
  url: string;
  stop(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.webmanifest': 'application/manifest+json',
};

// Text compresses well (JavaScript to about a quarter); images and fonts are compressed already.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.txt', '.svg', '.webmanifest']);
// Below this size the headers of a compressed answer outweigh what it saves.
const MIN_COMPRESS_BYTES = 1024;
const ENCODINGS = ['br', 'gzip', 'identity'] as const;
type Encoding = (typeof ENCODINGS)[number];
const compressors: Record<Exclude<Encoding, 'identity'>, (body: Buffer) => Promise<Buffer>> = {
  // Quality 9 of 11: within a few per cent of the best, an order of magnitude faster on a 400 kB bundle.
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gzip: (body) => promisify(gzip)(body, { level: 9 }),
};

// Angular's build names bundles and media like main-2DQKW6VN.js: content-hashed, so they may be cached forever.
const HASHED = /[-.][A-Z0-9]{8,}\.[a-z0-9]+$/;

export function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const host = options.host ?? '127.0.0.1';
  const configBody = JSON.stringify(options.config, null, 2);
  const connectOrigins = unique([new URL(options.config.apiUrl).origin, new URL(options.config.oidc.issuer).origin]);
  const issuerOrigin = new URL(options.config.oidc.issuer).origin;
  // Compressed files, computed once per file version (path, size and mtime) and encoding.
  const compressed = new Map<string, Promise<Buffer>>();
  const compress = (key: string, encoding: Exclude<Encoding, 'identity'>, load: () => Promise<Buffer>) => {
    const id = `${encoding} ${key}`;
    let entry = compressed.get(id);
    if (!entry) {
      if (compressed.size > 500) compressed.clear(); // a long session with many rebuilds
      entry = load().then((body) => compressors[encoding](body));
      entry.catch(() => compressed.delete(id));
      compressed.set(id, entry);
    }
    return entry;
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error');
      else response.destroy(error instanceof Error ? error : undefined);
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setSecurityHeaders(response);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(response, 400, 'text/plain; charset=utf-8', 'Bad request');
    }
    if (pathname === '/config.json') {
      response.setHeader('Cache-Control', 'no-store');
      return send(response, 200, CONTENT_TYPES['.json']!, configBody, request.method === 'HEAD');
    }
    const file = resolve(join(root, normalize(pathname)));
    if (pathname.includes('\0') || (file !== root && !file.startsWith(root + sep))) {
      return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    }
    const found = await stat(file).catch(() => undefined);
    if (found?.isFile() && !file.endsWith(`${sep}index.html`)) {
      response.setHeader(
        'Cache-Control',
        HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache', // no-cache = revalidate every time
      );
      const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      if (COMPRESSIBLE.has(extname(file).toLowerCase()) && found.size >= MIN_COMPRESS_BYTES) {
        response.setHeader('Vary', 'Accept-Encoding');
        const encoding = negotiate(request);
        if (encoding !== 'identity') {
          const body = await compress(`${file} ${found.size} ${found.mtimeMs}`, encoding, () => readFile(file));
          response.writeHead(200, {
            'Content-Type': type,
            'Content-Encoding': encoding,
            'Content-Length': body.length,
          });
          response.end(request.method === 'HEAD' ? undefined : body);
          return;
        }
      }
      response.writeHead(200, { 'Content-Type': type, 'Content-Length': found.size });
      if (request.method === 'HEAD') return void response.end();
      createReadStream(file)
        .on('error', (error) => response.destroy(error))
        .pipe(response);
      return;
    }
    // SPA fallback only for route-like paths: a missing /main-XYZ.js must be a 404, not index.html with 200.
    if (found?.isDirectory() || extname(pathname) === '' || pathname.endsWith('/index.html')) {
      // Read per request: a rebuild while the stack runs is served without a restart.
      const html = await readFile(join(root, 'index.html'), 'utf8').catch(() => undefined);
      if (html === undefined) {
        return send(
          response,
          503,
          'text/plain; charset=utf-8',
          `The portal is not built (${root}/index.html missing).`,
        );
      }
      response.setHeader('Content-Security-Policy', contentSecurityPolicy(connectOrigins, issuerOrigin, html));
      response.setHeader('Cache-Control', 'no-cache, no-store, must-revalidate');
      response.setHeader('Vary', 'Accept-Encoding');
      const encoding = Buffer.byteLength(html) >= MIN_COMPRESS_BYTES ? negotiate(request) : 'identity';
      if (encoding === 'identity') return send(response, 200, CONTENT_TYPES['.html']!, html, request.method === 'HEAD');
      const body = await compressors[encoding](Buffer.from(html));
      response.writeHead(200, {
        'Content-Type': CONTENT_TYPES['.html']!,
        'Content-Encoding': encoding,
        'Content-Length': body.length,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
  }

  return new Promise((resolvePromise, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new StackError(`The portal server could not listen on port ${options.port}: ${error.code ?? error.message}`),
      ),
    );
    server.listen(options.port, host, () =>
      resolvePromise({
        url: `http://localhost:${options.port}`,
        stop: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Browsers keep idle keep-alive connections open; they must not hold the port.
            server.closeAllConnections();
          }),
      }),
    );
  });
}

function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  // Also on non-HTML answers: a stricter default for anything else that a browser might render.
  response.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
}

/**
 * The portal page's policy. connect-src: the API and the identity provider (token endpoint); frame-src: the
 * identity provider (keycloak-js's silent check iframes). Inline <script> blocks that the build emits are
 * allowed by their hash; styles need 'unsafe-inline' because Angular adds component styles as <style> tags.
 */
export function contentSecurityPolicy(connectOrigins: string[], issuerOrigin: string, html: string): string {
  const scriptHashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((match) => match[1] ?? '')
    .filter((body) => body.trim() !== '')
    .map((body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((hash) => ` ${hash}`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${connectOrigins.join(' ')}`,
    `frame-src 'self' ${issuerOrigin}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The best encoding the client accepts (Accept-Encoding with q-values); on a tie brotli, then gzip. */
function negotiate(request: IncomingMessage): Encoding {
  // @types/negotiator (0.6) predates negotiator 1.x's `preferred` option, which breaks ties in the server's order.
  const negotiator = new Negotiator(request);
  const pick = negotiator.encoding.bind(negotiator) as unknown as (
    available: string[],
    options: { preferred: string[] },
  ) => string | undefined;
  return (pick([...ENCODINGS], { preferred: [...ENCODINGS] }) as Encoding | undefined) ?? 'identity';
}

function send(response: ServerResponse, status: number, type: string, body: string, headOnly = false): void {
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  response.end(headOnly ? undefined : body);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
