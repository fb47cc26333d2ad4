// Compiles the API and the workspace libraries it uses with swc (decorator metadata included, which Nest's
// dependency injection needs and esbuild cannot emit), rewriting the @babyconnect/* path aliases to relative
// imports. Type-checking is a separate step (`npm run typecheck`). Output: dist/api/apps/api/src/main.js.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const out = join(root, 'dist/api');
rmSync(out, { recursive: true, force: true });
const swcrc = {
  $schema: 'https://swc.rs/schema.json',
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2023',
    baseUrl: root,
    paths: {
      '@babyconnect/contracts': ['./libs/contracts/src/index.ts'],
      '@babyconnect/domain': ['./libs/domain/src/index.ts'],
      '@babyconnect/notifications': ['./libs/notifications/src/index.ts'],
    },
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
};
mkdirSync(join(root, 'tmp'), { recursive: true });
const config = join(root, 'tmp/.swcrc.api.json');
writeFileSync(config, JSON.stringify(swcrc));
const sources = ['apps/api/src', 'libs/contracts/src', 'libs/domain/src', 'libs/notifications/src'];
execFileSync(
  process.execPath,
  [
    join(root, 'node_modules/@swc/cli/bin/swc.js'),
    ...sources,
    '-d',
    out,
    '--config-file',
    config,
    '--ignore',
    '**/*.spec.ts',
    '--quiet',
  ],
  { cwd: root, stdio: 'inherit' },
);
// The compiled files are CommonJS; the tools folder is ESM, so say so explicitly for dist.
writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'commonjs', private: true }));
