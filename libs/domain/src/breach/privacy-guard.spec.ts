import {
  findIdentities,
  IDENTITY_KINDS,
  passesBsnElevenTest,
  passesIbanCheck,
  type IdentityKind,
} from './privacy-guard-detectors';
import { privacyWarnings, hasPrivacyWarnings, identityKindText, PRIVACY_GUARD_VERSION } from './privacy-guard';

// Fictional values with valid check digits: 111222333 and 123456782 pass the BSN 11-test (they are the test
// numbers used in Dutch documentation); NL91ABNA0417164300 is the textbook example IBAN.
const kinds = (text: string): IdentityKind[] => findIdentities(text).map((f) => f.kind);

describe('passesBsnElevenTest', () => {
  it.each(['111222333', '123456782', '999999990'])('accepts %s', (bsn) => {
    expect(passesBsnElevenTest(bsn)).toBe(true);
  });

  it.each([
    ['123456789', 'fails the test'],
    ['111222334', 'one digit off'],
    ['000000000', 'all zeros (sum 0)'],
    ['12345678', 'eight digits'],
    ['1234567820', 'ten digits'],
    ['12345678a', 'not all digits'],
  ])('refuses %s (%s)', (value) => {
    expect(passesBsnElevenTest(value)).toBe(false);
  });

  it('uses weight −1 for the last digit, not +1', () => {
    // 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3 = 69; with −1·d9 a multiple of 11 needs d9 = 3 (66), with +1 it would need 8 (77).
    expect(passesBsnElevenTest('111222333')).toBe(true);
    expect(passesBsnElevenTest('111222338')).toBe(false);
  });
});

describe('passesIbanCheck', () => {
  it.each([
    'NL91ABNA0417164300',
    'NL91 ABNA 0417 1643 00',
    'nl91abna0417164300',
    'BE68539007547034',
    'DE89370400440532013000',
  ])('accepts %s', (iban) => {
    expect(passesIbanCheck(iban)).toBe(true);
  });

  it.each([
    ['NL91ABNA0417164301', 'wrong check'],
    ['NL92ABNA0417164300', 'wrong check digits'],
    ['NL91ABNA041716430', 'too short for NL'],
    ['BE6853900754703', 'too short for BE'],
    ['XX00', 'too short'],
  ])('refuses %s (%s)', (iban) => {
    expect(passesIbanCheck(iban)).toBe(false);
  });
});

describe('findIdentities: BSN', () => {
  it.each([
    'BSN 111222333 van cliënt',
    'bsn: 123456782.',
    'burgerservicenummer 1234.56.782',
    'nummer 123 456 782 genoemd',
    'nummer 12 34 56 782 genoemd',
    '(111222333)',
  ])('finds a BSN in "%s"', (text) => {
    expect(kinds(text)).toEqual(['bsn']);
  });

  it.each([
    ['a nine-digit number failing the 11-test', 'ordernummer 123456789'],
    ['part of a longer number', 'referentie 1112223334'],
    ['preceded by a digit group', 'code 12 111222333'],
    ['followed by a digit group', 'code 111222333 45'],
    ['glued to letters', 'DOSSIER111222333'],
    ['a count', 'ongeveer 250 dossiers, 3 ontvangers'],
    ['a year', 'in 2026 gebeurd'],
  ])('does not flag %s', (_why, text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('findIdentities: e-mail addresses', () => {
  it.each([
    'mail naar jan.jansen@example.org',
    'mail naar j.de-vries+zwanger@mail.example.nl.',
    'adres: Zoë.Ñandú@vóórbeeld.nl gevonden',
    '<client@example.com>',
  ])('finds one in "%s"', (text) => {
    expect(kinds(text)).toEqual(['email-address']);
  });

  it.each([
    ['an @-mention', 'gemeld door @privacyteam'],
    ['a domain without dot', 'jan@localhost'],
    ['a numeric top-level domain', 'jan@10.0.0.1'],
    ['a lone @', 'om 23:40 @ de balie'],
    ['nothing before the @', 'zie @example.org'],
  ])('does not flag %s', (_why, text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('reports where the address begins and ends, without the trailing full stop', () => {
    expect(findIdentities('Mail jan@example.org.')).toEqual([{ kind: 'email-address', start: 5, end: 20 }]);
  });
});

describe('findIdentities: Dutch phone numbers', () => {
  it.each([
    '06-12345678',
    '06 12345678',
    '0612345678',
    '06 12 34 56 78',
    '06-1234 5678',
    '020-1234567',
    '020 - 123 45 67',
    '010 123 4567',
    '0511-123456',
    '0511 12 34 56',
    '+31 6 12345678',
    '+31612345678',
    '+31 (0)6 12345678',
    '+31 20 123 4567',
    '0031 6 1234 5678',
    '(020) 123 4567',
    '(0511) 123456',
    '020.123.4567',
  ])('finds %s', (phone) => {
    expect(kinds(`bel ${phone} terug`)).toEqual(['phone-number']);
  });

  it.each([
    ['a year', 'sinds 2024'],
    ['a time and a count', 'om 23:40 werden 12 dossiers verstuurd'],
    ['a date followed by a count', 'op 01-03 10 dossiers'],
    ['a service number', 'bel 0800-1234 of 0900-1234567'],
    ['nine digits after the 0', '061234567'],
    ['eleven digits', '061234567890'],
    ['a foreign number', '+32 2 123 45 67'],
    ['a number in a word', 'ticket INC0612345678'],
    ['an amount', '€ 1.234.567,89'],
  ])('does not flag %s', (_why, text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('findIdentities: IBAN', () => {
  it.each([
    'NL91ABNA0417164300',
    'NL91 ABNA 0417 1643 00',
    'nl91abna0417164300',
    'BE68 5390 0754 7034',
    'DE89370400440532013000',
  ])('finds %s', (iban) => {
    expect(kinds(`rekening ${iban} van de cliënt`)).toEqual(['iban']);
  });

  it('does not report the account number inside an IBAN again as a phone number or BSN', () => {
    expect(passesIbanCheck('NL74ABNA0612345678')).toBe(true);
    expect(kinds('NL74ABNA0612345678 en NL74 ABNA 0612 3456 78 en 111222333')).toEqual(['iban', 'iban', 'bsn']);
  });

  it.each([
    ['a failing check', 'NL91ABNA0417164301'],
    ['an upper-case code that is no IBAN', 'ISO27001 en NEN7510 gecertificeerd'],
    ['a product code', 'AB12CDEF3456GHIJ'],
  ])('does not flag %s', (_why, text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('findIdentities: dates', () => {
  it.each([
    ['geboren op 03-04-1990', 'date-of-birth'],
    ['geb. 3-4-1990', 'date-of-birth'],
    ['geboortedatum: 1990-04-03', 'date-of-birth'],
    ['Geb.datum 03/04/1990', 'date-of-birth'],
    ['DOB 3 April 1990', 'date-of-birth'],
    ['born March 3, 1990', 'date-of-birth'],
    ['baby geboren 12 november', 'date-of-birth'],
    ['geb. 12-11', 'date-of-birth'],
    ['verstuurd op 12-03-2026', 'date'],
    ['verstuurd op 12/03/26', 'date'],
    ['op 2026-03-12 ontdekt', 'date'],
    ['op 12 maart 2026 ontdekt', 'date'],
    ['op 12 mrt. 2026 ontdekt', 'date'],
    ['on 29 February 2024', 'date'],
  ])('"%s" → %s', (text, kind) => {
    expect(kinds(text)).toEqual([kind]);
  });

  it.each([
    ['day and month without year or birth word', 'op 3 maart om 23:40 ontdekt'],
    ['a numeric day-month without context', 'sinds 12-03 bekend'],
    ['a date that does not exist', 'op 31-02-2026'],
    ['no leap day', 'op 29-02-2025'],
    ['a two-digit year with dots (a version)', 'versie 1.2.26 geïnstalleerd'],
    ['a year outside 1900–2099', 'op 01-01-1850'],
    ['a time', 'om 23:40'],
    ['a month 13', 'op 01-13-2026'],
    ['an ISO week', '2026-W10'],
  ])('does not flag %s', (_why, text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('reads the birth context only from the words just before the date', () => {
    expect(kinds('Baby geboren. Melding op 12-03-2026')).toEqual(['date']);
    expect(kinds('geboren 03-04-1990, gemeld 12-03-2026')).toEqual(['date-of-birth', 'date']);
  });

  it('does not read a full date as a phone number as well', () => {
    expect(kinds('op 01-03-2026 10 dossiers')).toEqual(['date']);
  });
});

describe('findIdentities: mixed text and positions', () => {
  it('finds each kind once, in order of position, with code-point positions', () => {
    const text =
      '🍼 Cliënte (BSN 111222333, geb. 03-04-1990) belde vanaf 06-12345678 en mailde jan@example.org; ' +
      'rekening NL91ABNA0417164300.';
    const found = findIdentities(text);
    expect(found.map((f) => f.kind)).toEqual(['bsn', 'date-of-birth', 'phone-number', 'email-address', 'iban']);
    const codePoints = [...text];
    expect(codePoints.slice(found[0]!.start, found[0]!.end).join('')).toBe('111222333');
    expect(codePoints.slice(found[2]!.start, found[2]!.end).join('')).toBe('06-12345678');
    expect(codePoints.slice(found[4]!.start, found[4]!.end).join('')).toBe('NL91ABNA0417164300');
  });

  it('finds nothing in an ordinary report', () => {
    expect(
      findIdentities(
        'Om 23:40 is een verwijsbrief met medische gegevens van 1 cliënte per abuis naar de gynaecoloog van het ' +
          'verkeerde ziekenhuis gemaild. Het ging om ongeveer 2 pagina’s; de ontvanger heeft op 3 maart bevestigd dat ' +
          'de mail is verwijderd. Zie ook melding DL-2026-0042 en ISO 27001.',
      ),
    ).toEqual([]);
  });

  it('checks a 100,000-character text in linear time', () => {
    const words = 'a'.repeat(50_000) + '1'.repeat(25_000) + '@'.repeat(10) + ' 0'.repeat(12_495);
    expect(words.length).toBe(100_000);
    const started = process.hrtime.bigint();
    findIdentities(words);
    findIdentities('jan@example.org 06-12345678 111222333 12-03-2026 '.repeat(2_000));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // Generous for a busy 2-core machine; a quadratic scan of 100,000 characters takes minutes.
    expect(ms).toBeLessThan(5_000);
  });

  it('the kinds list is the order of the warnings', () => {
    expect(IDENTITY_KINDS).toEqual(['email-address', 'iban', 'date-of-birth', 'date', 'phone-number', 'bsn']);
  });
});

describe('privacyWarnings', () => {
  const fields = [
    { field: 'input.description', text: 'Brief over cliënte 111222333 en 123456782 naar 06-12345678 gestuurd.' },
    { field: 'input.howDiscovered', label: { nl: 'Hoe ontdekt', en: 'How discovered' }, text: 'mail van a@b.nl' },
    { field: 'input.cause.description', text: null },
    { field: 'input.other', text: 'Niets bijzonders.' },
  ];

  it('gives one warning per field and kind, naming the field, the kind and the positions', () => {
    const warnings = privacyWarnings(fields);
    expect(warnings.map((w) => [w.field, w.kind, w.count, w.positions])).toEqual([
      ['input.description', 'phone-number', 1, [48]],
      ['input.description', 'bsn', 2, [20, 33]],
      ['input.howDiscovered', 'email-address', 1, [10]],
    ]);
    expect(warnings[1]!.message).toEqual({
      nl:
        'Het veld "input.description" lijkt burgerservicenummers (BSN) te bevatten (op de posities 20 en 33). Deze ' +
        'toepassing bewaart geen gegevens waarmee een cliënt te herkennen is: haal ze weg, of bevestig dat het geen ' +
        'gegevens van een cliënt zijn.',
      en:
        'The field "input.description" seems to contain citizen service numbers (BSN) (at positions 20 and 33). This ' +
        'application stores no data by which a client can be recognised: remove them, or confirm that they are not a ' +
        "client's data.",
    });
    expect(warnings[2]!.message.nl).toMatch(/^Hoe ontdekt lijkt een e-mailadres te bevatten \(op positie 10\)/);
    expect(warnings[2]!.message.en).toMatch(/^How discovered seems to contain an e-mail address \(at position 10\)/);
  });

  it('never repeats the value it found', () => {
    const values = [
      '111222333',
      '123456782',
      '06-12345678',
      'a@b.nl',
      'NL91ABNA0417164300',
      '03-04-1990',
      '12-03-2026',
    ];
    const warnings = privacyWarnings([
      { field: 'x', text: values.map((v, i) => (i === 5 ? `geboren ${v}` : v)).join(' ; ') },
    ]);
    expect(warnings.map((w) => w.kind).sort()).toEqual(
      ['bsn', 'date', 'date-of-birth', 'email-address', 'iban', 'phone-number'].sort(),
    );
    const everything = JSON.stringify(warnings);
    for (const value of values) {
      expect(everything).not.toContain(value);
      const digits = value.replace(/\D/g, '');
      if (digits.length > 0) expect(everything).not.toContain(digits);
    }
  });

  it('points a full date to the form’s date fields', () => {
    const [warning] = privacyWarnings([{ field: 'f', text: 'op 12-03-2026' }]);
    expect(warning!.message.nl).toContain('datumvelden van het formulier');
    expect(warning!.message.en).toContain("form's date fields");
  });

  it('is empty for text without identities, empty text and missing text', () => {
    expect(privacyWarnings([{ field: 'a', text: '' }, { field: 'b', text: undefined }, fields[3]!])).toEqual([]);
    expect(hasPrivacyWarnings([fields[3]!])).toBe(false);
    expect(hasPrivacyWarnings(fields)).toBe(true);
  });

  it('has words for every kind and a version', () => {
    for (const kind of IDENTITY_KINDS) {
      expect(identityKindText(kind).nl.length).toBeGreaterThan(3);
      expect(identityKindText(kind).en.length).toBeGreaterThan(3);
    }
    expect(PRIVACY_GUARD_VERSION).toMatch(/^\d{4}-\d{2}-\d+$/);
  });
});
