import { ERROR_CODE_MEANING, ERROR_CODES, localeFromAcceptLanguage } from './error-codes';

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

describe('ERROR_CODES', () => {
  it('lists the codes the API sends before GraphQL and the rate limiter’s', () => {
    expect(ERROR_CODES).toEqual(
      expect.arrayContaining(['PAYLOAD_TOO_LARGE', 'BAD_REQUEST', 'TOO_MANY_REQUESTS', 'SERVICE_UNAVAILABLE']),
    );
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('gives every code, and nothing else, a meaning in Dutch and English', () => {
    expect(Object.keys(ERROR_CODE_MEANING).sort()).toEqual([...ERROR_CODES].sort());
    for (const meaning of Object.values(ERROR_CODE_MEANING)) {
      expect(meaning.nl.trim()).not.toBe('');
      expect(meaning.en.trim()).not.toBe('');
      expect(meaning.nl).not.toBe(meaning.en);
    }
  });
});
