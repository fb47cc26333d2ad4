import { loginWithPassword } from '../../../../tools/dev-idp/login-flow';
import { issuer } from './test-app';

const cache = new Map<string, Promise<string>>();

/**
 * A real access token for a demo user, obtained through the identity provider's authorization-code + PKCE flow
 * (never signed by the test itself). Cached per test file.
 */
export function tokenFor(username: string): Promise<string> {
  let token = cache.get(username);
  if (!token) {
    token = loginWithPassword({
      issuer: issuer(),
      clientId: 'babyconnect-portal',
      redirectUri: 'http://localhost:4200/',
      username,
      password: 'demo',
    }).then((tokens) => tokens.accessToken);
    cache.set(username, token);
  }
  return token;
}
