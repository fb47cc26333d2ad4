// Own userinfo endpoint: oidc-provider's refuses JWT access tokens that carry an audience, and every access token
// here is a JWT for the API. Verifies the token against the current signing keys and answers from the directory.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { JWK } from 'jose';
import type { DevIdpContext } from './context.ts';
import { readBody, sendJson } from './http.ts';
import { userClaims } from './keycloak-shape.ts';

export async function handleUserinfo(
  ctx: DevIdpContext,
  keys: JWK[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const origin = req.headers.origin;
  if (origin && ctx.allowedOrigins.has(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
  }
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET,POST');
    res.setHeader(
      'Access-Control-Allow-Headers',
      String(req.headers['access-control-request-headers'] ?? 'Authorization'),
    );
    res.writeHead(204).end();
    return;
  }
  const header = req.headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const token = bearer ?? (req.method === 'POST' ? new URLSearchParams(await readBody(req)).get('access_token') : null);
  const refuse = (description: string) => {
    res.setHeader('WWW-Authenticate', `Bearer error="invalid_token", error_description="${description}"`);
    sendJson(res, 401, { error: 'invalid_token', error_description: description });
  };
  if (!token) return refuse('missing access token');
  try {
    const publicKeys = keys.map(({ d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub }) => pub);
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: publicKeys }), {
      issuer: ctx.issuer,
      algorithms: ['RS256'],
    });
    // Unlike Keycloak, no check that the SSO session is still alive: `sid` is oidc-provider's per-client id.
    if (payload['typ'] !== 'Bearer') return refuse('not an access token');
    const user = payload.sub ? ctx.directory.findById(payload.sub) : undefined;
    if (!user) return refuse('user not found');
    sendJson(res, 200, { sub: user.id, ...userClaims(user) });
  } catch {
    refuse('token verification failed');
  }
}
