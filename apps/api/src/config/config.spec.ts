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
});
