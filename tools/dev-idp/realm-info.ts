// What Keycloak answers at /realms/<realm>: the realm's public information (the link in the banner and README
// points here). Same fields: the realm's name, its active public signing key as base64 DER (SubjectPublicKeyInfo,
// no PEM armour), the token and account service URLs, and the not-before time of its tokens.
import { createPublicKey } from 'node:crypto';
import type { JWK } from 'jose';
import { OIDC } from './context.ts';
import type { DevIdpContext } from './context.ts';

export interface RealmPublicInfo {
  realm: string;
  public_key: string;
  'token-service': string;
  'account-service': string;
  'tokens-not-before': number;
}

export function realmPublicInfo(ctx: DevIdpContext, keys: JWK[]): RealmPublicInfo {
  const active = keys[0];
  if (!active) throw new Error('the dev identity provider has no signing key');
  const { kty, n, e } = active;
  const der = createPublicKey({ key: { kty, n, e } as import('node:crypto').JsonWebKey, format: 'jwk' }).export({
    type: 'spki',
    format: 'der',
  });
  return {
    realm: ctx.realm.name,
    public_key: der.toString('base64'),
    'token-service': `${ctx.issuer}${OIDC}`,
    'account-service': `${ctx.issuer}/account`,
    'tokens-not-before': 0,
  };
}
