module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api',
  rootDir: __dirname,
  roots: ['<rootDir>/src', '<rootDir>/test'],
  // One real PostgreSQL and one real identity provider for the whole run; each test file gets its own database.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // 30 s per test and hook comes from jest.preset.cjs (a `testTimeout` here would be ignored under the root config).
};
