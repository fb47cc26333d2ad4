import { INCIDENT_ENUMS, incidentLabel } from './incident-labels';

/** The values of `enum <name> { … }` in the committed schema contract. */
function schemaEnum(schema: string, name: string): string[] {
  const body = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(schema)?.[1];
  if (!body) throw new Error(`enum ${name} is not in apps/api/schema.graphql`);
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^[A-Z_]+$/.test(line));
}

// node:fs loaded at run time (a computed specifier the test bundler leaves alone), as generated-graphql.spec.ts does.
type Fs = { readFile(path: string, encoding: 'utf8'): Promise<string> };
const load = (specifier: string) => import(/* @vite-ignore */ specifier) as Promise<Fs>;

describe('incident labels', () => {
  let schema = '';
  beforeAll(async () => {
    // Vitest runs in Node with the workspace root as working directory (nx run portal:test).
    const root = (globalThis as unknown as { process: { cwd(): string } }).process.cwd();
    const fs = await load(['node:fs', 'promises'].join('/'));
    schema = await fs.readFile(`${root}/apps/api/schema.graphql`, 'utf8');
  });

  it.each(Object.keys(INCIDENT_ENUMS))('names every value of %s in the schema, and nothing else', (name) => {
    const names = INCIDENT_ENUMS[name as keyof typeof INCIDENT_ENUMS];
    expect(Object.keys(names).sort()).toEqual(schemaEnum(schema, name).sort());
  });

  it('names a value in Dutch by default and in English on request, and an unknown value as it came', () => {
    expect(incidentLabel('IncidentStage', 'CLOSED', 'nl')).toBe('afgesloten');
    expect(incidentLabel('IncidentStage', 'CLOSED', 'en')).toBe('closed');
    expect(incidentLabel('IncidentStage', 'SOMETHING_NEW', 'nl')).toBe('SOMETHING_NEW');
  });
});
