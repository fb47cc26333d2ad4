// `npm run dev-idp`: the local Keycloak-compatible OpenID provider for development.
// DEV_IDP_PORT (default 8080), DEV_IDP_PORTAL_ORIGINS (comma-separated, default http://localhost:4200).
import { resolve } from 'node:path';
import { startDevIdp } from './server.ts';
import { devIdpPaths } from './paths.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const port = Number(process.env['DEV_IDP_PORT'] ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`dev-idp: DEV_IDP_PORT must be a port number, got "${process.env['DEV_IDP_PORT']}"`);
  process.exit(1);
}
const portalOrigins = process.env['DEV_IDP_PORTAL_ORIGINS']
  ?.split(',')
  .map((o) => o.trim())
  .filter(Boolean);

try {
  const idp = await startDevIdp({
    port,
    ...devIdpPaths(repoRoot),
    portalOrigins,
    quiet: process.env['DEV_IDP_QUIET'] === '1',
  });
  console.log(`dev-idp ready: issuer ${idp.issuer} (demo users: npm run -s token -- --list; password "demo")`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    idp.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      `dev-idp: port ${port} is already in use; start it on another port with DEV_IDP_PORT=<port> (and point clients at it with OIDC_ISSUER_URL)`,
    );
  } else {
    console.error(`dev-idp: could not start: ${(error as Error).message}`);
  }
  process.exit(1);
}
