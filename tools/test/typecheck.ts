// `npm run typecheck`: `tsc --noEmit` for every project's tsconfig, one check each. Also used by `npm test`.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runNode } from './child.ts';

const FIXED = [
  'apps/api/tsconfig.json',
  'apps/portal/tsconfig.app.json',
  'apps/portal/tsconfig.spec.json',
  'tools/tsconfig.json',
  'infra/keycloak/tsconfig.json',
  'apps/portal-e2e/tsconfig.json',
];

/** The project tsconfigs that exist (libraries are found, not listed). */
export function findTsconfigs(rootDir: string): string[] {
  const libs = existsSync(join(rootDir, 'libs'))
    ? readdirSync(join(rootDir, 'libs'), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => `libs/${entry.name}/tsconfig.json`)
        .sort()
    : [];
  const [api, ...rest] = FIXED;
  return [api!, ...libs, ...rest].filter((file) => existsSync(join(rootDir, file)));
}

export interface TypecheckResult {
  tsconfig: string;
  ok: boolean;
  seconds: number;
}

export async function typecheck(rootDir: string): Promise<TypecheckResult[]> {
  const results: TypecheckResult[] = [];
  for (const tsconfig of findTsconfigs(rootDir)) {
    process.stdout.write(`tsc --noEmit -p ${tsconfig}\n`);
    const started = Date.now();
    const { code } = await runNode(rootDir, 'node_modules/typescript/bin/tsc', [
      '--noEmit',
      '--pretty',
      '-p',
      tsconfig,
    ]);
    results.push({ tsconfig, ok: code === 0, seconds: (Date.now() - started) / 1000 });
  }
  return results;
}

if (import.meta.main) {
  const rootDir = join(import.meta.dirname, '../..');
  const results = await typecheck(rootDir);
  for (const { tsconfig, ok } of results) process.stdout.write(`${ok ? 'ok    ' : 'FAILED'} ${tsconfig}\n`);
  process.exitCode = results.every((result) => result.ok) ? 0 : 1;
}
