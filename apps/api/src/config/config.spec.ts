import { ConfigError, loadConfig } from './config';

const valid = {
  DATABASE_URL: 'postgres://app:secret@localhost:54329/babyconnect',
  OIDC_ISSUER_URL: 'http://localhost:8080/realms/babyconnect',
};

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({
      PORT: 3000,
      GRAPHQL_MAX_DEPTH: 12,
      GRAPHQL_MAX_ALIASES: 50,
      HTTP_BODY_LIMIT_BYTES: 1_048_576,
      GRAPHQL_MAX_TOKENS: 3000,
      GRAPHQL_MAX_DIRECTIVES: 50,
      GRAPHQL_MAX_OPERATION_NAME: 100,
      RATE_LIMIT_REFUSALS: 30,
      RATE_LIMIT_WINDOW_MS: 10_000,
      EXPENSIVE_REQUESTS_PER_PERSON: 3,
      OIDC_ALLOW_INSECURE_ISSUER: false,
    });
  });

  it('names a missing setting in one line', () => {
    expect(() => loadConfig({ OIDC_ISSUER_URL: valid.OIDC_ISSUER_URL })).toThrow(
      new ConfigError('Configuration error: DATABASE_URL is required.'),
    );
  });

  it('names an invalid setting, what is expected, and hides passwords', () => {
    expect(() => loadConfig({ ...valid, DATABASE_URL: 'mysql://u:hunter2@db/x' })).toThrow(
      'Configuration error: DATABASE_URL is invalid: expected a PostgreSQL URL such as postgres://user:password@host:5432/babyconnect (got "mysql://u:***@db/x").',
    );
    expect(() => loadConfig({ ...valid, PORT: 'abc' })).toThrow(/^Configuration error: PORT is invalid/);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ ...valid, PORT: '' }).PORT).toBe(3000);
  });

  describe('in production, the identity provider must be the real one', () => {
    const production = {
      ...valid,
      NODE_ENV: 'production',
      OIDC_ISSUER_URL: 'https://sso.example.org/realms/babyconnect',
      ACCESS_LOG_ANCHOR_KEY: 'test-key',
    };

    it('accepts an https issuer and key URL', () => {
      expect(loadConfig({ ...production, OIDC_JWKS_URL: 'https://keys.example.org/certs' }).OIDC_ISSUER_URL).toBe(
        production.OIDC_ISSUER_URL,
      );
    });

    it.each([
      ['http://sso.example.org/realms/babyconnect', 'not plain http'],
      ['http://localhost:8080/realms/babyconnect', 'not a loopback address'],
      ['https://localhost:8443/realms/babyconnect', 'not a loopback address'],
      ['https://dev.localhost/realms/babyconnect', 'not a loopback address'],
      ['https://127.0.0.1/realms/babyconnect', 'not a loopback address'],
      ['https://127.8.9.10/realms/babyconnect', 'not a loopback address'],
      ['https://127.1/realms/babyconnect', 'not a loopback address'],
      ['https://[::1]:8443/realms/babyconnect', 'not a loopback address'],
      ['https://[::ffff:127.0.0.1]/realms/babyconnect', 'not a loopback address'],
    ])('refuses the issuer %s in one line naming the setting and the escape hatch', (issuer, why) => {
      let message = '';
      try {
        loadConfig({ ...production, OIDC_ISSUER_URL: issuer });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        message = (error as Error).message;
      }
      expect(message).toMatch(/^Configuration error: OIDC_ISSUER_URL is invalid: /);
      expect(message).toContain(why);
      expect(message).toContain('OIDC_ALLOW_INSECURE_ISSUER=true');
      expect(message).not.toContain('\n');
    });

    it('refuses a plain-http or loopback key URL the same way', () => {
      expect(() => loadConfig({ ...production, OIDC_JWKS_URL: 'http://127.0.0.1:8080/certs' })).toThrow(
        /^Configuration error: OIDC_JWKS_URL is invalid: .*not a loopback address.*OIDC_ALLOW_INSECURE_ISSUER=true/,
      );
      expect(() => loadConfig({ ...production, OIDC_JWKS_URL: 'http://keys.example.org/certs' })).toThrow(
        /^Configuration error: OIDC_JWKS_URL is invalid: .*not plain http/,
      );
    });

    it('allows them when explicitly allowed, and outside production', () => {
      const local = 'http://localhost:8080/realms/babyconnect';
      expect(
        loadConfig({ ...production, OIDC_ISSUER_URL: local, OIDC_ALLOW_INSECURE_ISSUER: 'true' }).OIDC_ISSUER_URL,
      ).toBe(local);
      expect(loadConfig({ ...valid, NODE_ENV: 'test', OIDC_ISSUER_URL: local }).OIDC_ISSUER_URL).toBe(local);
      expect(loadConfig({ ...valid, OIDC_ISSUER_URL: local }).NODE_ENV).toBe('development');
      expect(() => loadConfig({ ...production, OIDC_ISSUER_URL: local, OIDC_ALLOW_INSECURE_ISSUER: 'yes' })).toThrow(
        /^Configuration error: OIDC_ALLOW_INSECURE_ISSUER is invalid/,
      );
    });
  });

  it('requires the access-log anchor key in production, naming it in one line', () => {
    const production = {
      ...valid,
      NODE_ENV: 'production',
      OIDC_ISSUER_URL: 'https://sso.example.org/realms/babyconnect',
    };
    expect(() => loadConfig(production)).toThrow(
      /^Configuration error: ACCESS_LOG_ANCHOR_KEY is invalid: expected an Ed25519 private key in production/,
    );
    expect(loadConfig({ ...valid }).ACCESS_LOG_ANCHOR_KEY).toBeUndefined();
  });
});
