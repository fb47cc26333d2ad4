import {
  codePointLength,
  findForbiddenCharacter,
  formatCodePoint,
  quoteForMessage,
  stripInvisible,
} from './characters';
import { forbiddenCharacterText } from './messages';

const SINGLE_LINE = { lineBreaks: false };
const FREE_TEXT = { lineBreaks: true };

describe('findForbiddenCharacter', () => {
  it('accepts ordinary Dutch text, accents, emoji with a variation selector and other scripts', () => {
    for (const text of [
      'Verloskundigenpraktijk De Wieg',
      'Crèche Zoë & Ñandú',
      '🍼🍼',
      '❤️ zorg',
      'Łódź',
      'مرحبا',
      '',
    ]) {
      expect(findForbiddenCharacter(text, SINGLE_LINE)).toBeNull();
    }
  });

  it.each([
    ['NUL', '\u0000', 0x0000],
    ['BEL', '\u0007', 0x0007],
    ['ESC', '\u001b', 0x001b],
    ['DEL', '\u007f', 0x007f],
    ['C1 NEL', '\u0085', 0x0085],
    ['C1 CSI', '\u009b', 0x009b],
  ])('refuses the control character %s everywhere', (_name, char, codePoint) => {
    for (const rules of [SINGLE_LINE, FREE_TEXT]) {
      expect(findForbiddenCharacter(`ab${char}cd`, rules)).toEqual({ kind: 'control', codePoint, position: 2 });
    }
  });

  it('allows TAB, LF and CR in free text only', () => {
    for (const char of ['\t', '\n', '\r']) {
      expect(findForbiddenCharacter(`regel 1${char}regel 2`, FREE_TEXT)).toBeNull();
      expect(findForbiddenCharacter(`regel 1${char}regel 2`, SINGLE_LINE)?.kind).toBe('control');
    }
  });

  it.each([
    ['right-to-left override', 0x202e],
    ['left-to-right embedding', 0x202a],
    ['pop directional formatting', 0x202c],
    ['first strong isolate', 0x2068],
    ['pop directional isolate', 0x2069],
    ['left-to-right mark', 0x200e],
    ['right-to-left mark', 0x200f],
    ['arabic letter mark', 0x061c],
    ['zero-width space', 0x200b],
    ['zero-width non-joiner', 0x200c],
    ['zero-width joiner', 0x200d],
    ['word joiner', 0x2060],
    ['invisible times', 0x2062],
    ['byte order mark', 0xfeff],
    ['soft hyphen', 0x00ad],
    ['line separator', 0x2028],
    ['paragraph separator', 0x2029],
    ['combining grapheme joiner', 0x034f],
    ['hangul filler', 0x3164],
    ['tag latin small letter a', 0xe0061],
  ])('refuses the invisible formatting character %s, also in free text', (_name, codePoint) => {
    const text = `De ${String.fromCodePoint(codePoint)}Wieg`;
    expect(findForbiddenCharacter(text, FREE_TEXT)).toEqual({ kind: 'invisible', codePoint, position: 3 });
  });

  it('counts the position in code points, so an emoji before the character counts once', () => {
    expect(findForbiddenCharacter('🍼\u202e', SINGLE_LINE)?.position).toBe(1);
  });

  it('refuses an unpaired surrogate (it cannot be stored as UTF-8) but not a pair', () => {
    expect(findForbiddenCharacter('a\ud83c', SINGLE_LINE)).toEqual({
      kind: 'unpaired-surrogate',
      codePoint: 0xd83c,
      position: 1,
    });
    expect(findForbiddenCharacter('\udf7cb', SINGLE_LINE)?.kind).toBe('unpaired-surrogate');
    expect(findForbiddenCharacter('\ud83c\udf7c', SINGLE_LINE)).toBeNull();
  });
});

describe('codePointLength', () => {
  it('counts as PostgreSQL length() does: one emoji is one character', () => {
    expect(codePointLength('🍼')).toBe(1);
    expect('🍼'.length).toBe(2);
    expect(codePointLength('🍼🍼')).toBe(2);
    expect(codePointLength('Zoë')).toBe(3);
    expect(codePointLength('')).toBe(0);
  });
});

describe('stripInvisible', () => {
  it('removes bidi controls, zero-width characters, soft hyphens and unpaired surrogates, nothing else', () => {
    expect(stripInvisible('De \u202eWieg\u202c\u200b\u00ad\ufeff\ud800 ❤️ 🍼')).toBe('De Wieg ❤️ 🍼');
  });
});

describe('messages about a forbidden character', () => {
  it('name the code point and its position, in Dutch and English', () => {
    const text = forbiddenCharacterText(
      { nl: 'Het veld "input.name"', en: 'The field "input.name"' },
      { kind: 'invisible', codePoint: 0x202e, position: 3 },
    );
    expect(text.nl).toMatch(/^Het veld "input\.name" bevat een onzichtbaar opmaakteken \(U\+202E, op positie 4\)/);
    expect(text.en).toMatch(
      /^The field "input\.name" contains an invisible formatting character \(U\+202E, at position 4\)/,
    );
  });

  it('quote a text without the characters themselves, and cut a long one', () => {
    expect(quoteForMessage('fg\u202e@x.org')).toBe('fg⟨U+202E⟩@x.org');
    expect(quoteForMessage('a\u0000b')).toBe('a⟨U+0000⟩b');
    expect(quoteForMessage('x'.repeat(100), 10)).toBe(`${'x'.repeat(10)}…`);
    expect(formatCodePoint(0xe0061)).toBe('U+E0061');
  });
});
