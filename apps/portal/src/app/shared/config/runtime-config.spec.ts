import {
  RuntimeConfigError,
  apiUrlPattern,
  isApiUrl,
  keycloakLocationFromIssuer,
  loadRuntimeConfig,
  parseRuntimeConfig,
} from './runtime-config';

const VALID = {
  apiUrl: 'http://localhost:3000',
  oidc: { issuer: 'http://localhost:8080/realms/babyconnect', clientId: 'babyconnect-portal' },
};

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('loadRuntimeConfig', () => {
  it('fetches /config.json without cache and returns the validated configuration', async () => {
    const fetchFn = vi.fn(() => Promise.resolve(jsonResponse(VALID)));
    const config = await loadRuntimeConfig(fetchFn);
    expect(fetchFn).toHaveBeenCalledWith('/config.json', expect.objectContaining({ cache: 'no-store' }));
    expect(config).toEqual(VALID);
  });

  it('rejects with a readable error on HTTP errors, network errors and invalid JSON', async () => {
    await expect(loadRuntimeConfig(() => Promise.resolve(jsonResponse({}, 404)))).rejects.toThrow(
      '/config.json could not be loaded: HTTP 404',
    );
    await expect(loadRuntimeConfig(() => Promise.reject(new TypeError('Failed to fetch')))).rejects.toThrow(
      /could not be loaded: Failed to fetch/,
    );
    await expect(loadRuntimeConfig(() => Promise.resolve(new Response('<html>', { status: 200 })))).rejects.toThrow(
      'is not valid JSON',
    );
  });
});

describe('parseRuntimeConfig', () => {
  it('normalises URLs: trailing slashes removed, relative apiUrl resolved against the page', () => {
    const config = parseRuntimeConfig(
      { apiUrl: '/api/', oidc: { issuer: 'https://sso.example.org/realms/babyconnect/', clientId: 'x' } },
      'https://portal.example.org/',
    );
    expect(config.apiUrl).toBe('https://portal.example.org/api');
    expect(config.oidc.issuer).toBe('https://sso.example.org/realms/babyconnect');
  });

  it.each([
    [null, 'must contain a JSON object'],
    [{ ...VALID, apiUrl: '' }, '"apiUrl" must be a non-empty string'],
    [{ ...VALID, oidc: undefined }, '"oidc" must be an object'],
    [{ ...VALID, oidc: { issuer: VALID.oidc.issuer } }, '"oidc.clientId" must be a non-empty string'],
    [{ ...VALID, apiUrl: 'ftp://x' }, 'must be an http(s) URL'],
    [{ ...VALID, oidc: { ...VALID.oidc, issuer: 'http://localhost:8080/oidc' } }, 'is not of the form'],
  ])('rejects %j', (raw, message) => {
    expect(() => parseRuntimeConfig(raw)).toThrow(RuntimeConfigError);
    expect(() => parseRuntimeConfig(raw)).toThrow(message);
  });
});

describe('keycloakLocationFromIssuer', () => {
  it('splits the issuer at /realms/ into keycloak-js url and realm', () => {
    expect(keycloakLocationFromIssuer('http://localhost:8080/realms/babyconnect')).toEqual({
      url: 'http://localhost:8080',
      realm: 'babyconnect',
    });
  });

  it('keeps a path prefix (Keycloak behind /auth) and ignores a trailing slash', () => {
    expect(keycloakLocationFromIssuer('https://sso.example.org/auth/realms/babyconnect/')).toEqual({
      url: 'https://sso.example.org/auth',
      realm: 'babyconnect',
    });
  });

  it('decodes an encoded realm name', () => {
    expect(keycloakLocationFromIssuer('https://sso.example.org/realms/baby%20connect').realm).toBe('baby connect');
  });

  it.each(['http://localhost:8080', 'http://localhost:8080/realms/', 'http://localhost:8080/realms/a/b'])(
    'rejects %s',
    (issuer) => {
      expect(() => keycloakLocationFromIssuer(issuer)).toThrow(RuntimeConfigError);
    },
  );
});

describe('API URL matching (headers and bearer token only for the API)', () => {
  const api = 'http://localhost:3000';

  it.each([
    ['http://localhost:3000', true],
    ['http://localhost:3000/graphql', true],
    ['http://localhost:3000/health/ready', true],
    ['http://localhost:3000?x=1', true],
    ['http://localhost:30000/graphql', false],
    ['http://localhost:3000.evil.example/graphql', false],
    ['http://localhost:8080/realms/babyconnect/protocol/openid-connect/token', false],
    ['/config.json', false],
  ])('%s → %s', (url, expected) => {
    expect(isApiUrl(url, api)).toBe(expected);
    expect(apiUrlPattern(api).test(url)).toBe(expected);
  });

  it('escapes regex characters of the API URL', () => {
    expect(apiUrlPattern('http://a.b:3000').test('http://aXb:3000/graphql')).toBe(false);
  });
});
