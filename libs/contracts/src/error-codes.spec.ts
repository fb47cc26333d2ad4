import { localeFromAcceptLanguage } from './error-codes';

describe('localeFromAcceptLanguage', () => {
  it.each([
    [undefined, 'nl'],
    ['', 'nl'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['nl-NL,nl;q=0.9,en;q=0.8', 'nl'],
    ['de-DE,en;q=0.5', 'en'],
    ['fr', 'nl'],
    ['nl;q=0.2,en;q=0.8', 'en'],
  ])('%p → %p', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});
