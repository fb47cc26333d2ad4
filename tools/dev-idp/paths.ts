// Where the dev identity provider's inputs live in the repository. Takes the repository root as an argument
// (the CLI entry files derive it from import.meta; Jest-compiled modules must not use import.meta).
import { join } from 'node:path';

export function devIdpPaths(repoRoot: string) {
  return {
    realmFile: join(repoRoot, 'infra/keycloak/babyconnect-realm.json'),
    demoFile: join(repoRoot, 'infra/keycloak/babyconnect-demo.json'),
    keysFile: join(repoRoot, '.data/dev-idp/jwks.json'),
  };
}

export const DEFAULT_ISSUER = 'http://localhost:8080/realms/babyconnect';
/** A redirect URI the realm's portal client accepts (pattern http://localhost:4200/*). */
export const PORTAL_REDIRECT_URI = 'http://localhost:4200/';
