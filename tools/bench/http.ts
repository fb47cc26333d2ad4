// Plain HTTP for the parts autocannon does not cover: setup (tokens, organisations, checks), the burst and the
// directive flood. One fresh connection per request (agent: false), so a burst really opens N connections.
import { request } from 'node:http';
import { loginWithPassword } from '../dev-idp/login-flow.ts';
import { PORTAL_REDIRECT_URI } from '../dev-idp/paths.ts';
import { PORTAL_CLIENT_ID } from '../dev-idp/realm.ts';

export interface Answer {
  status: number;
  body: string;
  ms: number;
}

export interface NoAnswer {
  status: undefined;
  error: string;
  ms: number;
}

export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<Answer | NoAnswer> {
  const started = performance.now();
  const elapsed = (): number => performance.now() - started;
  return new Promise((resolve) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: elapsed() }),
      );
      res.on('error', (error) => resolve({ status: undefined, error: error.message, ms: elapsed() }));
    });
    req.setTimeout(options.timeoutMs ?? 60_000, () => req.destroy(new Error('no answer within the timeout')));
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: undefined, error: error.code ?? error.message, ms: elapsed() }),
    );
    req.end(options.body);
  });
}

export function graphqlHeaders(token: string | undefined, organisationId?: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(organisationId ? { 'x-organisation-id': organisationId } : {}),
  };
}

/** A GraphQL call that must succeed (setup and checks); throws with the answer otherwise. */
export async function graphql<T>(
  apiUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
  organisationId?: string,
): Promise<T> {
  const answer = await send(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: graphqlHeaders(token, organisationId),
    body: JSON.stringify({ query, variables }),
  });
  if (answer.status === undefined) throw new Error(`GraphQL call failed: ${answer.error}`);
  const parsed = JSON.parse(answer.body) as { data?: T; errors?: unknown[] };
  if (answer.status !== 200 || parsed.errors?.length || !parsed.data) {
    throw new Error(`GraphQL call answered ${answer.status}: ${answer.body.slice(0, 500)}`);
  }
  return parsed.data;
}

/** A real access token through the code + PKCE flow, as `npm run token` gets one. */
export async function accessToken(issuer: string, username: string, password: string): Promise<string> {
  const tokens = await loginWithPassword({
    issuer,
    clientId: PORTAL_CLIENT_ID,
    redirectUri: PORTAL_REDIRECT_URI,
    username,
    password,
  });
  return tokens.accessToken;
}
