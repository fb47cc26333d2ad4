import type { Lang } from './translation.service';

/**
 * The pages' texts, registered when their code loads. The shell's dictionaries (nl.ts, en.ts) come with the first
 * download; each page's texts live in `texts/<feature>.ts`, which registers itself when evaluated. A file that
 * uses keys of such a feature imports it for that effect — `import '../../shared/i18n/texts/incident';` — so the
 * bundler puts the texts into the chunk of the pages that need them, and the module system guarantees they are
 * registered before that file's code runs. texts.spec.ts checks that every file imports the texts whose keys it
 * uses (and that each feature has the same keys in both languages).
 */

/** The English dictionary of a feature: exactly the keys of its Dutch one (the compiler checks). */
export type Texts<TDutch> = Readonly<Record<keyof TDutch, string>>;

const registered: Record<Lang, Record<string, string>> = { nl: {}, en: {} };
const features = new Map<string, Readonly<Record<Lang, Readonly<Record<string, string>>>>>();

/** Called once by each `texts/<feature>.ts` when it is evaluated. */
export function registerTexts<TDutch extends Readonly<Record<string, string>>>(
  feature: string,
  nl: TDutch,
  en: Texts<TDutch>,
): void {
  features.set(feature, { nl, en });
  Object.assign(registered.nl, nl);
  Object.assign(registered.en, en);
}

/** A registered page text, or undefined when its feature has not been loaded. */
export function registeredText(lang: Lang, key: string): string | undefined {
  return Object.hasOwn(registered[lang], key) ? registered[lang][key] : undefined;
}

/** The features registered so far, by the name they registered with (for the spec). */
export function registeredFeatures(): ReadonlyMap<string, Readonly<Record<Lang, Readonly<Record<string, string>>>>> {
  return features;
}
