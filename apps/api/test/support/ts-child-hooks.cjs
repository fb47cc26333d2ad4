// Lets a child process started by a test run the API's TypeScript sources directly (`node --require
// ./ts-child-hooks.cjs file.ts`), compiled by swc with the same settings as Jest (jest.preset.cjs): decorators with
// metadata, CommonJS, the @babyconnect/* aliases resolved to the libraries' sources and `.js` suffixes of relative
// imports dropped. Node's own type stripping cannot do decorators, and a test must not depend on a prior build.
const { registerHooks } = require('node:module');
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL, fileURLToPath } = require('node:url');
const { transformSync } = require('@swc/core');

const root = path.join(__dirname, '../../../..');
const aliases = {
  '@babyconnect/contracts': 'libs/contracts/src/index.ts',
  '@babyconnect/domain': 'libs/domain/src/index.ts',
  '@babyconnect/notifications': 'libs/notifications/src/index.ts',
};

registerHooks({
  resolve(specifier, context, next) {
    if (aliases[specifier]) return { url: pathToFileURL(path.join(root, aliases[specifier])).href, shortCircuit: true };
    if ((specifier.startsWith('./') || specifier.startsWith('../')) && context.parentURL?.endsWith('.ts')) {
      const base = path.resolve(path.dirname(fileURLToPath(context.parentURL)), specifier.replace(/\.js$/, ''));
      for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
        if (candidate.endsWith('.ts') && existsSync(candidate)) {
          return { url: pathToFileURL(candidate).href, shortCircuit: true };
        }
      }
    }
    return next(specifier, context);
  },
  load(url, context, next) {
    if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
    const filename = fileURLToPath(url);
    const { code } = transformSync(readFileSync(filename, 'utf8'), {
      filename,
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2023',
      },
      module: { type: 'commonjs' },
    });
    return { format: 'commonjs', source: code, shortCircuit: true };
  },
});
