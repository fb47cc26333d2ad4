// Compile-time check only (`npx tsc -p infra/keycloak`): real Keycloak cannot run on the development machines,
// so the realm and demo files are at least held against the admin client's representation types (26.7).
// RealmRepresentation types clientScopes as any[], so the scopes get their own check below.
import type RealmRepresentation from '@keycloak/keycloak-admin-client/lib/defs/realmRepresentation.js';
import type ClientRepresentation from '@keycloak/keycloak-admin-client/lib/defs/clientRepresentation.js';
import type ClientScopeRepresentation from '@keycloak/keycloak-admin-client/lib/defs/clientScopeRepresentation.js';
import type GroupRepresentation from '@keycloak/keycloak-admin-client/lib/defs/groupRepresentation.js';
import type UserRepresentation from '@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js';

import realmJson from './babyconnect-realm.json';
import demoJson from './babyconnect-demo.json';

// satisfies keeps the literal types, so misspelled or mistyped known fields fail the build.
export const realm = realmJson satisfies RealmRepresentation;
export const clientScopes = realmJson.clientScopes satisfies ClientScopeRepresentation[];

/** The body of POST /admin/realms/{realm}/partialImport (ifResourceExists is chosen at import time). */
interface PartialImportFile {
  groups: GroupRepresentation[];
  users: UserRepresentation[];
  /** Development only: the machine clients again, with a fixed development secret. */
  clients: ClientRepresentation[];
}
export const demo = demoJson satisfies PartialImportFile;

// The production realm must not carry users; the demo file is the only place for them.
type NoUsers<T> = T extends { users: unknown } ? never : T;
export const realmWithoutUsers: NoUsers<typeof realmJson> = realmJson;
