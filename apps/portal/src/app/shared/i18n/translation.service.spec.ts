import { TestBed } from '@angular/core/testing';
import { EN } from './en';
import { NL } from './nl';
import { LANG_STORAGE_KEY, TranslationService } from './translation.service';

describe('TranslationService', () => {
  beforeEach(() => localStorage.clear());

  it('starts in Dutch and sets <html lang>', () => {
    const i18n = TestBed.inject(TranslationService);
    expect(i18n.lang()).toBe('nl');
    expect(i18n.t('app.logout')).toBe('Uitloggen');
    expect(document.documentElement.lang).toBe('nl');
  });

  it('switches to English, updates <html lang> and remembers the choice', () => {
    const i18n = TestBed.inject(TranslationService);
    i18n.setLang('en');
    expect(i18n.t('app.logout')).toBe('Log out');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
  });

  it('restores a remembered language and ignores garbage', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    expect(TestBed.inject(TranslationService).lang()).toBe('en');
    TestBed.resetTestingModule();
    localStorage.setItem(LANG_STORAGE_KEY, 'fr');
    expect(TestBed.inject(TranslationService).lang()).toBe('nl');
  });

  it('fills {placeholders}', () => {
    const i18n = TestBed.inject(TranslationService);
    expect(i18n.t('error.http', { status: 502 })).toBe('De API gaf een onverwacht antwoord (HTTP 502).');
  });

  it('has the same keys and no empty texts in both dictionaries', () => {
    expect(Object.keys(EN).sort()).toEqual(Object.keys(NL).sort());
    expect([...Object.values(NL), ...Object.values(EN)].filter((text) => text.trim() === '')).toEqual([]);
  });
});
