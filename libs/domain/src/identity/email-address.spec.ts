import {
  checkEmailAddress,
  EMAIL_ADDRESS_MAX_LENGTH,
  invalidEmailAddressText,
  isValidEmailAddress,
} from './email-address';

describe('isValidEmailAddress', () => {
  it.each([
    'fg@praktijk-de-wieg.example.org',
    'privacy.officer+datalek@zuiderhaven.example.org',
    "o'brien@example.org",
    'fg_ops@sub.domain.example.org',
    'a!#$%&*/=?^`{|}~-b@example.org',
    'fg@xn--zonnedauw-9db.example.org',
  ])('accepts %p', (address) => {
    expect(isValidEmailAddress(address)).toBe(true);
  });

  it.each([
    ['a comma, read by the mailer as two recipients', 'fg,ops@example.org'],
    ['a semicolon', 'fg;ops@example.org'],
    ['a space', 'fg ops@example.org'],
    ['a display name', 'FG <fg@example.org>'],
    ['a quoted local part', '"fg ops"@example.org'],
    ['a second @', 'fg@ops@example.org'],
    ['no dot in the domain', 'fg@localhost'],
    ['an empty label', 'fg@example..org'],
    ['a leading dot', '.fg@example.org'],
    ['two dots in a row', 'fg..ops@example.org'],
    ['a trailing dot', 'fg.@example.org'],
    ['a label starting with a hyphen', 'fg@-example.org'],
    ['an all-digit top-level domain', 'fg@10.0.0.1'],
    ['a non-ASCII domain (use its xn-- form)', 'fg@zönnedauw.example.org'],
    ['a right-to-left override', 'fg\u202e@example.org'],
    ['a NUL', 'fg\u0000@example.org'],
    ['a line break and header', 'fg@example.org>\r\nBcc: x@evil.example'],
    ['no local part', '@example.org'],
    ['a local part over 64', `${'a'.repeat(65)}@example.org`],
    ['an address over 254', `fg@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.org`],
  ])('refuses %s', (_why, address) => {
    expect(isValidEmailAddress(address)).toBe(false);
  });

  it('allows exactly 254 characters', () => {
    const address = `fg@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(55)}.org`;
    expect(address).toHaveLength(EMAIL_ADDRESS_MAX_LENGTH);
    expect(isValidEmailAddress(address)).toBe(true);
  });
});

describe('checkEmailAddress', () => {
  it('stores the address trimmed and in lower case', () => {
    expect(checkEmailAddress('  Privacy@Kleine-Ster.example.org ')).toEqual({
      ok: true,
      address: 'privacy@kleine-ster.example.org',
    });
  });

  it('says what is wrong in one wording, with invisible characters shown by code point', () => {
    expect(checkEmailAddress('fg,ops@example.org')).toEqual({
      ok: false,
      problem: {
        nl: '"fg,ops@example.org" is geen geldig e-mailadres.',
        en: '"fg,ops@example.org" is not a valid e-mail address.',
      },
    });
    expect(invalidEmailAddressText('fg\u202e@x.org').nl).toBe('"fg⟨U+202E⟩@x.org" is geen geldig e-mailadres.');
  });
});
