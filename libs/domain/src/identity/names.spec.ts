import { checkName, cleanExternalName, NAME_LENGTH, normaliseName } from './names';

describe('checkName', () => {
  it('normalises: NFC, one ordinary space for any run of spaces, trimmed', () => {
    expect(normaliseName('  Crèche\u00a0\u2009 Zoe\u0308 ')).toBe('Crèche Zoë');
    expect(checkName('  De   Wieg ')).toEqual({ ok: true, name: 'De Wieg' });
  });

  it('counts code points: one emoji is too short, two are a name (as the database counts)', () => {
    expect(checkName('🍼')).toEqual({ ok: false, reason: 'length' });
    expect(checkName('🍼🍼')).toEqual({ ok: true, name: '🍼🍼' });
    expect(checkName('🍼'.repeat(NAME_LENGTH.max))).toMatchObject({ ok: true });
    expect(checkName('🍼'.repeat(NAME_LENGTH.max + 1))).toEqual({ ok: false, reason: 'length' });
  });

  it('counts the normalised form: e + combining diaeresis is one character', () => {
    const decomposed = 'e\u0308'.repeat(NAME_LENGTH.max);
    expect(decomposed.length).toBe(2 * NAME_LENGTH.max);
    expect(checkName(decomposed)).toMatchObject({ ok: true });
  });

  it.each([
    ['a right-to-left override', 'Praktijk \u202eDe Wieg', 0x202e],
    ['a zero-width space', 'De\u200bWieg', 0x200b],
    ['a NUL', 'De\u0000Wieg', 0x0000],
    ['a line break', 'De Wieg\nBcc: x@evil.example', 0x000a],
    ['a tab', 'De\tWieg', 0x0009],
  ])('refuses %s', (_what, name, codePoint) => {
    expect(checkName(name)).toMatchObject({ ok: false, reason: 'character', found: { codePoint } });
  });

  it('lets surrounding line breaks go with the trimming, like surrounding spaces', () => {
    expect(checkName('De Wieg\n')).toEqual({ ok: true, name: 'De Wieg' });
  });

  it('refuses an empty or blank name', () => {
    expect(checkName('')).toEqual({ ok: false, reason: 'length' });
    expect(checkName(' \u00a0 ')).toEqual({ ok: false, reason: 'length' });
  });
});

describe('cleanExternalName', () => {
  it('removes what input would refuse, so a name from a token can always be stored and shown', () => {
    expect(cleanExternalName('Bea\u0000trix \u202eDe\u200b Vries\n')).toBe('Bea trix De Vries');
    expect(checkName(cleanExternalName('Bea\u0000trix \u202eDe\u200b Vries\n'))).toMatchObject({ ok: true });
    expect(cleanExternalName('\u200b\u0000')).toBe('');
  });

  it('cuts a long name at the limit in code points, never inside an emoji', () => {
    const cleaned = cleanExternalName('🍼'.repeat(NAME_LENGTH.max + 5));
    expect(cleaned).toBe('🍼'.repeat(NAME_LENGTH.max));
  });
});
