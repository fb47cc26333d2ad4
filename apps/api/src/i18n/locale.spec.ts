import { localeOf } from './locale';

describe('the language of an answer', () => {
  it.each([
    [undefined, 'nl'],
    ['', 'nl'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['nl-NL,nl;q=0.9,en;q=0.8', 'nl'],
    ['de, en;q=0.5', 'en'],
    ['en;q=0.2, nl;q=0.8', 'nl'],
    ['fr', 'nl'],
    ['*', 'nl'],
  ])('%p → %p', (header, locale) => {
    expect(localeOf(header)).toBe(locale);
  });
});
