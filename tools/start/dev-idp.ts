// Starts the dev identity provider (tools/dev-idp) in this process. Loaded on demand: with OIDC_ISSUER_URL
// set (a real Keycloak) the provider and its dependencies are never loaded.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DevIdp } from '../dev-idp/server.ts';
import { StackError } from './errors.ts';

export type { DevIdp };
// Only the type is imported statically; the module itself is loaded below when needed.
type DevIdpModule = typeof import('../dev-idp/server.ts');

export async function startRepoDevIdp(
  rootDir: string,
  dataDir: string,
  options: { port: number; portalOrigin: string; quiet: boolean },
): Promise<DevIdp> {
  const serverFile = join(rootDir, 'tools/dev-idp/server.ts');
  if (!existsSync(serverFile)) {
    throw new StackError(
      `The dev identity provider is missing (${serverFile}); set OIDC_ISSUER_URL to use another one.`,
    );
  }
  // An absolute path works both as an ESM specifier (npm start) and for CommonJS require (Jest).
  const module = (await import(serverFile)) as DevIdpModule;
  return module.startDevIdp({
    port: options.port,
    realmFile: join(rootDir, 'infra/keycloak/babyconnect-realm.json'),
    demoFile: join(rootDir, 'infra/keycloak/babyconnect-demo.json'),
    // Signing keys survive restarts, so tokens and sessions issued before a restart stay valid.
    keysFile: join(dataDir, 'dev-idp/jwks.json'),
    portalOrigins: [options.portalOrigin],
    quiet: options.quiet,
  });
}
