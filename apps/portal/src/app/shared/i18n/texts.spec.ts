// The pages' texts load with the pages (texts.ts): these checks keep that from costing a missing text.
import { EN } from './en';
import { NL } from './nl';
import { registeredFeatures } from './texts';
import './texts/access-log';
import './texts/chain';
import './texts/dashboard';
import './texts/incident';
import './texts/notifications';
import './texts/register';
import './texts/report';
import './texts/viewer-alerts';
import './texts/viewer-log';

// Sources are read from disk at run time (the test bundler leaves a computed specifier alone).
type Load = (specifier: string) => Promise<Record<string, unknown>>;
const load: Load = (specifier) => import(/* @vite-ignore */ specifier);
interface Fs {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  readdir(path: string, options?: { recursive: true }): Promise<string[]>;
}

const APP = 'apps/portal/src/app';
const I18N = `${APP}/shared/i18n`;
const root = (): string => (globalThis as unknown as { process: { cwd(): string } }).process.cwd();
const fs = async (): Promise<Fs> => (await load(['node:fs', 'promises'].join('/'))) as unknown as Fs;

type Dictionaries = Readonly<Record<'nl' | 'en', Readonly<Record<string, string>>>>;
const features = (): ReadonlyMap<string, Dictionaries> => registeredFeatures();
const shell: Dictionaries = { nl: NL, en: EN };

describe('the texts', () => {
  it('has one registered feature per file in texts/, under its file name', async () => {
    const files = (await (await fs()).readdir(`${root()}/${I18N}/texts`))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
      .map((file) => file.replace(/\.ts$/, ''));
    expect([...features().keys()].sort()).toEqual(files.sort());
  });

  it('has the same keys and no empty texts in both languages, in the shell and in every feature', () => {
    for (const [name, { nl, en }] of [['shell', shell] as const, ...features()]) {
      expect(Object.keys(en).sort(), name).toEqual(Object.keys(nl).sort());
      expect(
        [...Object.values(nl), ...Object.values(en)].filter((text) => text.trim() === ''),
        name,
      ).toEqual([]);
    }
  });

  it('defines each key once', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [name, { nl }] of [['shell', shell] as const, ...features()]) {
      for (const key of Object.keys(nl)) {
        const first = seen.get(key);
        if (first) twice.push(`${key}: ${first} and ${name}`);
        seen.set(key, name);
      }
    }
    expect(twice).toEqual([]);
  });

  // Static, per file: a key can only reach `t` if some loaded file names it (as a literal, or as the start of a
  // template literal); if that file imports the feature's texts, they are registered before its code runs.
  it('are imported by every file (with its template) that names a page key', async () => {
    const disk = await fs();
    const featureOf = new Map<string, string>();
    for (const [name, { nl }] of features()) for (const key of Object.keys(nl)) featureOf.set(key, name);
    const shellKeys = new Set(Object.keys(NL));
    const allKeys = [...shellKeys, ...featureOf.keys()];
    const prefixes = new Set(allKeys.map((key) => key.split('.')[0]));

    const sources = (await disk.readdir(`${root()}/${APP}`, { recursive: true })).filter(
      (file) =>
        file.endsWith('.ts') &&
        !file.endsWith('.spec.ts') &&
        !file.endsWith('.generated.ts') &&
        !file.startsWith('shared/i18n/'),
    );
    const problems: string[] = [];
    for (const file of sources) {
      const path = `${root()}/${APP}/${file}`;
      let text = await disk.readFile(path, 'utf8');
      const template = /templateUrl:\s*'\.\/([^']+)'/.exec(text)?.[1];
      if (template) text += await disk.readFile(path.replace(/[^/]+$/, template), 'utf8');
      const imported = new Set(
        [...text.matchAll(/^import '(?:\.\.?\/)+(?:[\w-]+\/)*shared\/i18n\/texts\/([\w-]+)';$/gm)].map((m) => m[1]),
      );
      const available = (key: string): boolean => {
        const feature = featureOf.get(key);
        return shellKeys.has(key) || (feature !== undefined && imported.has(feature));
      };
      // Single-quoted literals (prettier's TypeScript, and the strings inside Angular's double-quoted bindings),
      // except an object's property name (`{ 'report.whatHappened': … }` names a field, not a text).
      for (const match of text.matchAll(/'([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)'/g)) {
        const key = match[1] ?? '';
        const before = text.slice(0, match.index).trimEnd().at(-1);
        const after = text
          .slice(match.index + match[0].length)
          .trimStart()
          .at(0);
        if (after === ':' && (before === '{' || before === ',')) continue;
        if (!prefixes.has(key.split('.')[0]) || available(key)) continue;
        const feature = featureOf.get(key);
        problems.push(
          feature ? `${file}: ${key} needs import '…/shared/i18n/texts/${feature}'` : `${file}: ${key} is no key`,
        );
      }
      for (const match of text.matchAll(/`([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*\.)\$\{/g)) {
        const start = match[1] ?? '';
        if (!prefixes.has(start.split('.')[0])) continue;
        const keys = allKeys.filter((key) => key.startsWith(start));
        const missing = keys.filter((key) => !available(key));
        if (keys.length === 0) problems.push(`${file}: \`${start}…\` matches no key`);
        else if (missing.length > 0) {
          problems.push(`${file}: \`${start}…\` needs import '…/shared/i18n/texts/${featureOf.get(missing[0] ?? '')}'`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
