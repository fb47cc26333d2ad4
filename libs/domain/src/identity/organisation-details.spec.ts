import {
  validateContact,
  validateNewOrganisation,
  validateOrganisationChange,
  type OrganisationDetails,
} from './organisation-details';

const valid = {
  alias: 'vp-de-kleine-ster',
  name: '  Verloskundigenpraktijk De Kleine Ster ',
  kind: 'MIDWIFERY_PRACTICE' as const,
  contactRole: 'PRIVACY_CONTACT' as const,
  contactName: 'Lotte Bos',
  contactEmail: 'Privacy@Kleine-Ster.example.org',
};

const fields = (result: { ok: boolean; problems?: { field: string }[] }) =>
  result.ok ? [] : (result.problems ?? []).map((p) => p.field);

describe('validateNewOrganisation', () => {
  it('normalises a valid organisation', () => {
    expect(validateNewOrganisation(valid)).toEqual({
      ok: true,
      value: {
        alias: 'vp-de-kleine-ster',
        name: 'Verloskundigenpraktijk De Kleine Ster',
        kind: 'MIDWIFERY_PRACTICE',
        contactRole: 'PRIVACY_CONTACT',
        contactName: 'Lotte Bos',
        contactEmail: 'privacy@kleine-ster.example.org',
      },
    });
  });

  it('reports every wrong field at once', () => {
    const result = validateNewOrganisation({
      alias: 'Geen Alias!',
      name: 'X',
      kind: 'HOSPITAL',
      contactRole: 'DPO',
      contactEmail: 'geen-adres',
    });
    expect(fields(result)).toEqual(['alias', 'name', 'contactEmail']);
  });

  it('refuses bidi and zero-width characters in both names, naming the character', () => {
    const result = validateNewOrganisation({ ...valid, name: 'De \u202eWieg', contactName: 'Lotte\u200bBos' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field)).toEqual(['name', 'contactName']);
    expect(result.problems[0]?.message.nl).toMatch(
      /^De naam van de organisatie bevat een onzichtbaar opmaakteken \(U\+202E/,
    );
    expect(result.problems[1]?.message.en).toMatch(
      /^The contact name contains an invisible formatting character \(U\+200B/,
    );
  });

  it('measures names in code points: one emoji is too short, two are fine', () => {
    expect(fields(validateNewOrganisation({ ...valid, name: '🍼' }))).toEqual(['name']);
    expect(validateNewOrganisation({ ...valid, name: '🍼🍼' })).toMatchObject({ ok: true, value: { name: '🍼🍼' } });
  });

  it('refuses an address the mailer would refuse, in the mailer’s words', () => {
    const result = validateNewOrganisation({ ...valid, contactEmail: 'fg,ops@example.org' });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          field: 'contactEmail',
          message: {
            nl: '"fg,ops@example.org" is geen geldig e-mailadres.',
            en: '"fg,ops@example.org" is not a valid e-mail address.',
          },
        },
      ],
    });
  });

  it('wants a role and an address together', () => {
    expect(fields(validateNewOrganisation({ ...valid, contactRole: null }))).toEqual(['contactRole']);
    expect(fields(validateNewOrganisation({ ...valid, contactEmail: ' ' }))).toEqual(['contactEmail']);
  });
});

describe('validateOrganisationChange', () => {
  const current: OrganisationDetails = {
    alias: 'vp-de-wieg',
    name: 'Verloskundigenpraktijk De Wieg',
    kind: 'MIDWIFERY_PRACTICE',
    contactRole: 'DPO',
    contactName: null,
    contactEmail: 'fg@wieg.example.org',
  };

  it('returns only what changes, normalised', () => {
    expect(validateOrganisationChange(current, { name: ' De  Wieg ', contactEmail: 'FG2@wieg.example.org' })).toEqual({
      ok: true,
      value: { name: 'De Wieg', contactEmail: 'fg2@wieg.example.org' },
    });
  });

  it('checks the organisation as it would be afterwards', () => {
    expect(fields(validateOrganisationChange(current, { contactEmail: null }))).toEqual(['contactEmail']);
    expect(fields(validateOrganisationChange(current, { contactRole: null, contactEmail: null }))).toEqual([]);
  });

  it('refuses a lying name and an empty change', () => {
    expect(fields(validateOrganisationChange(current, { name: 'Wieg\u2066' }))).toEqual(['name']);
    expect(fields(validateOrganisationChange(current, {}))).toEqual(['input']);
  });
});

describe('validateContact', () => {
  it('requires the address and checks the name', () => {
    expect(
      validateContact({ contactRole: 'DPO', contactName: ' Ruben Smit ', contactEmail: 'fg@x.example.org' }),
    ).toEqual({
      ok: true,
      value: { contactRole: 'DPO', contactName: 'Ruben Smit', contactEmail: 'fg@x.example.org' },
    });
    expect(fields(validateContact({ contactRole: 'DPO', contactEmail: '' }))).toContain('contactEmail');
    expect(
      fields(validateContact({ contactRole: 'DPO', contactName: 'R\u00adS', contactEmail: 'fg@x.example.org' })),
    ).toEqual(['contactName']);
  });
});
