// The committed generated types and documents must be what codegen makes of today's schema and operations: a
// schema change (apps/api/schema.graphql) or an edited .graphql operation without `npm run codegen` fails here.
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
  readdir(path: string, options: { recursive: true }): Promise<string[]>;
}
interface CodegenModule {
  default: object;
  GENERATED_GRAPHQL: string;
  operationFiles(root: string): string[];
  documentsFileOf(operationFile: string): string;
}

describe('generated GraphQL types and documents', () => {
  it('are up to date with apps/api/schema.graphql and the portal operations (else: npm run codegen)', async () => {
    // Vitest runs in Node with the workspace root as working directory (nx run portal:test).
    const root = (globalThis as unknown as { process: { cwd(): string } }).process.cwd();
    const [codegen, prettier, fs, codegenConfig] = await Promise.all([
      load(['@graphql-codegen', 'cli'].join('/')) as Promise<unknown> as Promise<Codegen>,
      load(['prettier'].join('')) as Promise<unknown> as Promise<Prettier>,
      load(['node:fs', 'promises'].join('/')) as Promise<unknown> as Promise<Fs>,
      load(`${root}/codegen.ts`) as Promise<unknown> as Promise<CodegenModule>,
    ]);

    const outputs = await codegen.generate({ ...codegenConfig.default, hooks: {}, cwd: root, silent: true }, false);
    const expectedFiles = [
      codegenConfig.GENERATED_GRAPHQL,
      ...codegenConfig.operationFiles(root).map(codegenConfig.documentsFileOf),
    ];
    const produced = outputs.map((output) => output.filename.replace(`${root}/`, '')).sort();
    expect(produced, 'codegen produced another set of files than codegen.ts names').toEqual([...expectedFiles].sort());

    const stale: string[] = [];
    for (const output of outputs) {
      const target = output.filename.startsWith('/') ? output.filename : `${root}/${output.filename}`;
      const expected = await prettier.format(output.content, {
        ...(await prettier.resolveConfig(target)),
        filepath: target,
      });
      const committed = await fs.readFile(target, 'utf8').catch(() => '(missing)');
      if (committed !== expected) stale.push(target.replace(`${root}/`, ''));
    }
    expect(stale, 'stale generated files: run npm run codegen').toEqual([]);

    // A documents file whose .graphql file was removed or renamed would still compile and be imported.
    const orphans = (await fs.readdir(`${root}/apps/portal/src`, { recursive: true }))
      .filter((file) => file.endsWith('.generated.ts'))
      .map((file) => `apps/portal/src/${file}`)
      .filter((file) => !expectedFiles.includes(file));
    expect(orphans, 'generated documents without their .graphql file: delete them').toEqual([]);
  }, 60_000);
});
