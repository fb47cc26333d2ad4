// `npm run -s token -- <username>`: prints an access token for a demo user, obtained from the running provider
// through the real authorization-code + PKCE flow. `npm run -s token -- --list`: the demo users as JSON.
// stdout carries exactly the token (or the list); every error is one line on stderr with exit code 1.
import { resolve } from 'node:path';
import { loadDirectory, PORTAL_CLIENT_ID, summariseUser } from './realm.ts';
import { loginWithPassword, LoginError } from './login-flow.ts';
import { DEFAULT_ISSUER, devIdpPaths, PORTAL_REDIRECT_URI } from './paths.ts';

const fail = (message: string): never => {
  process.stderr.write(`token: ${message}\n`);
  process.exit(1);
};

const args = process.argv.slice(2);
const directory = loadDirectory([devIdpPaths(resolve(import.meta.dirname, '../..')).demoFile]);

if (args.length !== 1) fail('usage: npm run -s token -- <username> | --list');
if (args[0] === '--list') {
  process.stdout.write(`${JSON.stringify(directory.users.map(summariseUser))}\n`);
  process.exit(0);
}

const username = args[0] as string;
const user = directory.findByUsername(username);
if (!user) fail(`unknown demo user "${username}" (see npm run -s token -- --list)`);

const issuer = (process.env['OIDC_ISSUER_URL'] ?? DEFAULT_ISSUER).replace(/\/$/, '');
try {
  const tokens = await loginWithPassword({
    issuer,
    clientId: PORTAL_CLIENT_ID,
    redirectUri: PORTAL_REDIRECT_URI,
    username,
    password: user!.password,
  });
  process.stdout.write(`${tokens.accessToken}\n`);
} catch (error) {
  if (error instanceof LoginError) fail(error.message);
  const cause = (error as { cause?: { code?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED' || (error as Error).message === 'fetch failed') {
    fail(`no identity provider reachable at ${issuer} (start it with npm run dev-idp, or set OIDC_ISSUER_URL)`);
  }
  fail((error as Error).message);
}
