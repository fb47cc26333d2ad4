import { ORG, gql } from './support/gql';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

const CREATE = `mutation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { id alias name kind contactRole contactName contactEmail } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id alias name kind contactRole contactEmail } }`;
const CONTACT = `mutation($input: UpdateOrganisationContactInput!) {
  updateOrganisationContact(input: $input) { id contactRole contactName contactEmail } }`;

describe('organisations: onboarding and contact details', () => {
  let t: TestApp;
  const organisationCount = async () =>
    (await t.db.sql<{ n: number }>('SELECT count(*)::int AS n FROM organisations'))[0]?.n;

  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('lets the platform admin onboard a practice without any code change, then find it in the directory', async () => {
    const token = await tokenFor('beheerder');
    const created = await gql<{ createOrganisation: { id: string; contactEmail: string } }>(t.http, {
      token,
      query: CREATE,
      variables: {
        input: {
          alias: 'vp-de-kleine-ster',
          name: '  Verloskundigenpraktijk De Kleine Ster ',
          kind: 'MIDWIFERY_PRACTICE',
          contactRole: 'PRIVACY_CONTACT',
          contactName: 'Lotte Bos',
          contactEmail: 'Privacy@Kleine-Ster.example.org',
        },
      },
    });
    expect(created.errors).toEqual([]);
    expect(created.data?.createOrganisation).toMatchObject({
      alias: 'vp-de-kleine-ster',
      name: 'Verloskundigenpraktijk De Kleine Ster',
      contactEmail: 'privacy@kleine-ster.example.org',
    });
    const listed = await gql<{ organisations: { alias: string }[] }>(t.http, {
      token: await tokenFor('zuiderhaven-medewerker'),
      query: '{ organisations { alias } }',
    });
    expect(listed.data?.organisations.map((o) => o.alias)).toContain('vp-de-kleine-ster');
  });

  it('says per field what is wrong, in Dutch or English, and stores nothing', async () => {
    const before = await organisationCount();
    const input = { alias: 'Geen Alias!', name: 'X', kind: 'HOSPITAL', contactRole: 'DPO', contactEmail: 'geen-adres' };
    const nl = await gql(t.http, { token: await tokenFor('beheerder'), query: CREATE, variables: { input } });
    expect(nl.code).toBe('BAD_USER_INPUT');
    expect(nl.errors[0]?.extensions.fields?.map((f) => f.field)).toEqual(['alias', 'name', 'contactEmail']);
    expect(nl.errors[0]?.extensions.fields?.[2]?.message).toBe('"geen-adres" is geen geldig e-mailadres.');
    const en = await gql(t.http, {
      token: await tokenFor('beheerder'),
      query: CREATE,
      variables: { input },
      language: 'en',
    });
    expect(en.errors[0]?.extensions.fields?.[1]?.message).toBe(
      'The organisation name is required (2 to 200 characters).',
    );
    expect(await organisationCount()).toBe(before);
  });

  it('refuses a duplicate alias and a second HINQ as conflicts, changing nothing', async () => {
    const token = await tokenFor('beheerder');
    const before = await organisationCount();
    const dup = await gql(t.http, {
      token,
      query: CREATE,
      variables: { input: { alias: 'vp-de-wieg', name: 'Dubbel', kind: 'HOSPITAL' } },
    });
    expect(dup.code).toBe('CONFLICT');
    expect(dup.errors[0]?.message).toBe('De sleutel "vp-de-wieg" is al in gebruik.');
    const hinq = await gql(t.http, {
      token,
      query: CREATE,
      variables: { input: { alias: 'hinq-2', name: 'Tweede HINQ', kind: 'HINQ' } },
    });
    expect(hinq.code).toBe('CONFLICT');
    const rename = await gql(t.http, {
      token,
      query: UPDATE,
      variables: { id: ORG.nest, input: { alias: 'vp-de-wieg' } },
    });
    expect(rename.code).toBe('CONFLICT');
    expect(await organisationCount()).toBe(before);
  });

  it('lets the platform admin edit an organisation, including its FG contact; unknown ids are not found', async () => {
    const token = await tokenFor('beheerder');
    const updated = await gql(t.http, {
      token,
      query: UPDATE,
      variables: { id: ORG.zonnedauw, input: { contactRole: 'DPO', contactEmail: 'nieuwe-fg@zonnedauw.example.org' } },
    });
    expect(updated.data).toMatchObject({
      updateOrganisation: { id: ORG.zonnedauw, contactEmail: 'nieuwe-fg@zonnedauw.example.org' },
    });
    const empty = await gql(t.http, { token, query: UPDATE, variables: { id: ORG.zonnedauw, input: {} } });
    expect(empty.code).toBe('BAD_USER_INPUT');
    const half = await gql(t.http, {
      token,
      query: UPDATE,
      variables: { id: ORG.zonnedauw, input: { contactRole: null } },
    });
    expect(half.code).toBe('BAD_USER_INPUT');
    for (const id of ['00000000-0000-4000-8000-000000000000', 'geen-uuid']) {
      const missing = await gql(t.http, { token, query: UPDATE, variables: { id, input: { name: 'Bestaat niet' } } });
      expect(missing.code).toBe('NOT_FOUND');
    }
  });

  it('applies the shared name and address rules to changes and to the own contact as well', async () => {
    const stored = () =>
      t.db.sql<{ name: string; contact_email: string | null }>(
        'SELECT name, contact_email FROM organisations WHERE id = $1',
        [ORG.nest],
      );
    const before = await stored();
    const admin = await tokenFor('beheerder');
    // One emoji is one character, as the database counts: a field error, not INTERNAL_SERVER_ERROR.
    const emoji = await gql(t.http, {
      token: admin,
      query: UPDATE,
      variables: { id: ORG.nest, input: { name: '🍼' } },
    });
    expect(emoji.code).toBe('BAD_USER_INPUT');
    expect(emoji.errors[0]?.extensions.fields?.map((f) => f.field)).toEqual(['name']);
    const comma = await gql(t.http, {
      token: await tokenFor('nest-fg'),
      query: CONTACT,
      variables: { input: { organisationId: ORG.nest, contactRole: 'DPO', contactEmail: 'fg,ops@nest.example.org' } },
      language: 'en',
    });
    expect(comma.code).toBe('BAD_USER_INPUT');
    expect(comma.errors[0]?.extensions.fields).toEqual([
      { field: 'contactEmail', message: '"fg,ops@nest.example.org" is not a valid e-mail address.' },
    ]);
    expect(await stored()).toEqual(before);
  });

  it('lets the own privacy officer and FG edit the contact; an employee or auditor may not', async () => {
    const input = {
      organisationId: ORG.zuiderhaven,
      contactRole: 'DPO',
      contactName: 'Ruben Smit',
      contactEmail: 'fg-nieuw@zuiderhaven.example.org',
    };
    for (const username of ['zuiderhaven-medewerker', 'zuiderhaven-auditor']) {
      const refused = await gql(t.http, { token: await tokenFor(username), query: CONTACT, variables: { input } });
      expect(refused.code).toBe('FORBIDDEN');
    }
    const byFg = await gql(t.http, { token: await tokenFor('zuiderhaven-fg'), query: CONTACT, variables: { input } });
    expect(byFg.data).toEqual({
      updateOrganisationContact: {
        id: ORG.zuiderhaven,
        contactRole: 'DPO',
        contactName: 'Ruben Smit',
        contactEmail: 'fg-nieuw@zuiderhaven.example.org',
      },
    });
    const byPrivacy = await gql(t.http, {
      token: await tokenFor('zuiderhaven-privacy'),
      query: CONTACT,
      variables: { input: { ...input, contactEmail: 'fout' } },
    });
    expect(byPrivacy.code).toBe('BAD_USER_INPUT');
    const stored = await t.db.sql<{ contact_email: string }>('SELECT contact_email FROM organisations WHERE id = $1', [
      ORG.zuiderhaven,
    ]);
    expect(stored[0]?.contact_email).toBe('fg-nieuw@zuiderhaven.example.org');
  });
});
