// Shared Jest settings: specs are TypeScript compiled by swc to CommonJS (NestJS 12 and other ESM-only
// packages load through Node 24's require(esm); Jest needs --experimental-vm-modules for that, set by the
// test runner). Workspace libraries resolve to their sources, like tsconfig.base.json's paths.
const path = require('node:path');
const root = __dirname;
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2023',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@babyconnect/contracts$': path.join(root, 'libs/contracts/src/index.ts'),
    '^@babyconnect/domain$': path.join(root, 'libs/domain/src/index.ts'),
    '^@babyconnect/notifications$': path.join(root, 'libs/notifications/src/index.ts'),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['**/*.spec.ts'],
  // Timeouts. Measured with Jest 30.5 (a test sleeping 7 s, then 35 s / 65 s, run through the root config and
  // through the project's own config; tests and beforeAll hooks alike):
  // - `testTimeout` is a global option: in a project's config it counts only when that config is the one given
  //   to `-c`; under the root config's `projects` (how `npm test` runs) it is ignored and every test gets 5 s.
  // - `jest.setTimeout()` in a `setupFilesAfterEnv` file is applied per project in both kinds of run, to tests
  //   and hooks. So each project names its timeout in `globals` and tools/test/jest-timeout.cjs sets it.
  // - A test's or hook's own third argument still wins over it (35 s with `, 40_000` passed under the root run).
  // Generous on purpose: a 2-core machine shared with other runs is slow, not broken. API and tools tests
  // start real PostgreSQL, identity provider and Nest apps: 30 s; the browser tests override this with 60 s.
  setupFilesAfterEnv: [path.join(root, 'tools/test/jest-timeout.cjs')],
  globals: { BABYCONNECT_TEST_TIMEOUT_MS: 30_000 },
};
