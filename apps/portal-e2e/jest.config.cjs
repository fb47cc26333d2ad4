const preset = require('../../jest.preset.cjs');
module.exports = {
  ...preset,
  displayName: 'portal-e2e',
  rootDir: __dirname,
  // A real browser against the whole stack: 60 s per test and hook (read by tools/test/jest-timeout.cjs; a
  // `testTimeout` here would be ignored under the root config, see jest.preset.cjs).
  globals: { ...preset.globals, BABYCONNECT_TEST_TIMEOUT_MS: 60_000 },
};
