import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { EN } from './en';
import { NL, type Dictionary, type ShellKey, type TranslationKey } from './nl';
import { registeredText } from './texts';

export type Lang = 'nl' | 'en';
export const LANGUAGES: readonly Lang[] = ['nl', 'en'];
export const LANG_STORAGE_KEY = 'babyconnect.portal.lang';

const DICTIONARIES: Readonly<Record<Lang, Dictionary>> = { nl: NL, en: EN };

/**
 * Signal-based translation: Dutch first, English available. The shell's texts (nl.ts, en.ts) come with the
 * first download, a page's texts with the page's code (texts.ts). The choice is kept in localStorage (not
 * sensitive) and mirrored to `<html lang>` for screen readers. Templates call `t('key')`; because `t` reads the
 * `lang` signal, every binding that uses it re-renders when the language changes.
 */
@Injectable({ providedIn: 'root' })
export class TranslationService {
  private readonly document = inject(DOCUMENT);
  private readonly storage = safeLocalStorage(this.document);

  private readonly current = signal<Lang>(readLang(this.storage));
  readonly lang = this.current.asReadonly();
  private readonly dictionary = computed(() => DICTIONARIES[this.current()]);

  constructor() {
    this.document.documentElement.lang = this.current();
  }

  setLang(lang: Lang): void {
    this.current.set(lang);
    this.document.documentElement.lang = lang;
    try {
      this.storage?.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // storage full or blocked: the choice then lasts for this page only
    }
  }

  /**
   * Translates a key; `{name}` placeholders are filled from `params`. A page's key whose texts were not loaded
   * (a file that forgot to import them; texts.spec.ts catches that) shows as the key itself.
   */
  readonly t = (key: TranslationKey, params?: Readonly<Record<string, string | number>>): string => {
    const shell = this.dictionary();
    const text = (Object.hasOwn(shell, key) ? shell[key as ShellKey] : registeredText(this.current(), key)) ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match)) : text;
  };
}

function readLang(storage: Storage | null): Lang {
  try {
    const stored = storage?.getItem(LANG_STORAGE_KEY);
    return stored === 'en' || stored === 'nl' ? stored : 'nl';
  } catch {
    return 'nl';
  }
}

function safeLocalStorage(document: Document): Storage | null {
  try {
    return document.defaultView?.localStorage ?? null;
  } catch {
    return null;
  }
}
