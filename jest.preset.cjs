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
};
