// The committed generated types must be what codegen makes of today's schema and operations: a schema change
// (apps/api/schema.graphql) or an edited .graphql operation without `npm run codegen` fails here.
//
// Runs graphql-codegen's programmatic API in memory with the repository's own codegen.ts, then formats the
// result with prettier as codegen's hook does on disk. The modules are loaded at run time from node_modules (a
// computed specifier, which the test bundler leaves alone): codegen is a Node tool and has no place in the
// portal's browser bundle.

type Load = (specifier: string) => Promise<Record<string, unknown>>;
const load: Load = (specifier) => import(/* @vite-ignore */ specifier);

interface Codegen {
  generate(config: object, saveToFile: boolean): Promise<readonly { filename: string; content: string }[]>;
}
interface Prettier {
  resolveConfig(file: string): Promise<object | null>;
  format(source: string, options: object): Promise<string>;
}
interface Fs {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
}

describe('generated GraphQL types', () => {
  it('are up to date with apps/api/schema.graphql and the portal operations (else: npm run codegen)', async () => {
    // Vitest runs in Node with the workspace root as working directory (nx run portal:test).
    const root = (globalThis as unknown as { process: { cwd(): string } }).process.cwd();
    const [codegen, prettier, fs, codegenConfig] = await Promise.all([
      load(['@graphql-codegen', 'cli'].join('/')) as Promise<unknown> as Promise<Codegen>,
      load(['prettier'].join('')) as Promise<unknown> as Promise<Prettier>,
      load(['node:fs', 'promises'].join('/')) as Promise<unknown> as Promise<Fs>,
      load(`${root}/codegen.ts`) as Promise<unknown> as Promise<{ default: object; GENERATED_GRAPHQL: string }>,
    ]);
    const target = `${root}/${codegenConfig.GENERATED_GRAPHQL}`;

    const outputs = await codegen.generate({ ...codegenConfig.default, hooks: {}, cwd: root, silent: true }, false);
    const output = outputs.find((candidate) => candidate.filename.endsWith(codegenConfig.GENERATED_GRAPHQL));
    expect(output, 'codegen produced no portal file').toBeDefined();
    const expected = await prettier.format(output?.content ?? '', {
      ...(await prettier.resolveConfig(target)),
      filepath: target,
    });

    const committed = await fs.readFile(target, 'utf8');
    expect(committed === expected, `${codegenConfig.GENERATED_GRAPHQL} is stale: run npm run codegen`).toBe(true);
  }, 60_000);
});
