// Issue 13, items 7 and 16: control characters and invisible formatting characters in any string input are field
// errors (never INTERNAL_SERVER_ERROR, never a failed access-log write); names are measured in code points as the
// database measures them; an address the mailer would refuse is refused when it is entered, in the same words.
import { MailDeliveryError, SmtpMailer } from '@babyconnect/notifications';
import { ORG, gql, type GqlResult } from './support/gql';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

jest.setTimeout(60_000);

const CREATE = `mutation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { id name contactName contactEmail } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id } }`;
const CONTACT = `mutation($input: UpdateOrganisationContactInput!) { updateOrganisationContact(input: $input) { id } }`;

const organisation = (overrides: Record<string, unknown> = {}) => ({
  alias: `vp-tekst-${Math.random().toString(36).slice(2, 10)}`,
  name: 'Verloskundigenpraktijk Het Anker',
  kind: 'MIDWIFERY_PRACTICE',
  contactRole: 'DPO',
  contactName: 'Sanne de Vries',
  contactEmail: 'fg@het-anker.example.org',
  ...overrides,
});

/** The one field error of a BAD_USER_INPUT answer (never a server error, never data). */
function fieldError(result: GqlResult): { field: string; message: string } {
  expect(result.status).toBe(200);
  expect(result.code).toBe('BAD_USER_INPUT');
  expect(result.data).toBeNull();
  const fields = result.errors[0]?.extensions.fields ?? [];
  expect(fields).toHaveLength(1);
  return fields[0]!;
}

describe('text input: control and invisible characters, code-point lengths, mail addresses', () => {
  let t: TestApp;
  const count = async (table: 'organisations' | 'access_log') =>
    (await t.db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('answers a NUL in organisation(id:) with a field error on id, and still writes the access-log row', async () => {
    const token = await tokenFor('wieg-privacy');
    const logged = await count('access_log');
    // Written into the document as a GraphQL escape, exactly as in the report.
    const inline = await gql(t.http, { token, query: '{ organisation(id: "x\\u0000y") { id } }' });
    const error = fieldError(inline);
    expect(error.field).toBe('id');
    expect(error.message).toMatch(/^Het veld "id" bevat een stuurteken \(U\+0000, op positie 2\)/);
    expect(inline.errors[0]?.message).toMatch(/^De invoer is niet in orde: Het veld "id" bevat een stuurteken/);
    expect(await count('access_log')).toBeGreaterThan(logged);

    const asVariable = await gql(t.http, {
      token,
      query: 'query($id: ID!) { organisation(id: $id) { id } }',
      variables: { id: `${ORG.nest}\u0000` },
      language: 'en',
    });
    expect(fieldError(asVariable).message).toMatch(
      /^The field "id" contains a control character \(U\+0000, at position 37\)/,
    );
  });

  it.each([
    ['a NUL in the name', { name: 'Het\u0000Anker' }, 'input.name', /bevat een stuurteken \(U\+0000/],
    ['a C1 control in the name', { name: 'Het\u009bAnker' }, 'input.name', /bevat een stuurteken \(U\+009B/],
    [
      'a right-to-left override in the name',
      { name: 'Het \u202eAnker' },
      'input.name',
      /onzichtbaar opmaakteken \(U\+202E/,
    ],
    ['a zero-width space in the contact name', { contactName: 'Sanne\u200bde Vries' }, 'input.contactName', /U\+200B/],
    ['a NUL in the contact name', { contactName: 'Sanne\u0000' }, 'input.contactName', /stuurteken \(U\+0000/],
    ['a byte order mark in the alias', { alias: '\ufeffvp-anker' }, 'input.alias', /opmaakteken \(U\+FEFF/],
  ])(
    'refuses %s when the admin onboards an organisation, storing nothing',
    async (_what, overrides, field, message) => {
      const before = await count('organisations');
      const result = await gql(t.http, {
        token: await tokenFor('beheerder'),
        query: CREATE,
        variables: { input: organisation(overrides) },
      });
      const error = fieldError(result);
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
      expect(await count('organisations')).toBe(before);
    },
  );

  it('applies the same rule to every other input: a change, a contact, a cursor', async () => {
    const update = await gql(t.http, {
      token: await tokenFor('beheerder'),
      query: UPDATE,
      variables: { id: ORG.zonnedauw, input: { name: 'Zonne\u2066dauw' } },
    });
    expect(fieldError(update).field).toBe('input.name');

    const contact = await gql(t.http, {
      token: await tokenFor('zuiderhaven-fg'),
      query: CONTACT,
      variables: {
        input: { organisationId: ORG.zuiderhaven, contactRole: 'DPO', contactEmail: 'fg@zh.example.org\u0007' },
      },
    });
    expect(fieldError(contact).field).toBe('input.contactEmail');

    const cursor = await gql(t.http, {
      token: await tokenFor('wieg-fg'),
      query: 'query($after: String) { accessLog(after: $after) { nextCursor } }',
      variables: { after: 'abc\u200d' },
    });
    expect(fieldError(cursor).field).toBe('after');
  });

  it('reports an invisible character with its own readable message, in English too', async () => {
    const result = await gql(t.http, {
      token: await tokenFor('beheerder'),
      query: CREATE,
      variables: { input: organisation({ name: 'Het \u202eAnker' }) },
      language: 'en',
    });
    expect(fieldError(result).message).toBe(
      'The field "input.name" contains an invisible formatting character (U+202E, at position 5), such as one that ' +
        'reverses the reading direction or one without width. It makes text look different from what it is: remove it.',
    );
  });

  it('lets line breaks through the generic rule but not into a name, which is one line', async () => {
    const result = await gql(t.http, {
      token: await tokenFor('beheerder'),
      query: CREATE,
      variables: { input: organisation({ name: 'Het Anker\nBcc: x@evil.example' }) },
    });
    const error = fieldError(result);
    expect(error.field).toBe('name');
    expect(error.message).toMatch(/^De naam van de organisatie bevat een stuurteken \(U\+000A, op positie 10\)/);
  });

  it('measures a name in code points, as the database does: one emoji is a field error, two are a name', async () => {
    const token = await tokenFor('beheerder');
    const one = await gql(t.http, { token, query: CREATE, variables: { input: organisation({ name: '🍼' }) } });
    expect(fieldError(one)).toEqual({
      field: 'name',
      message: 'De naam van de organisatie is verplicht (2 tot 200 tekens).',
    });

    const two = await gql<{ createOrganisation: { id: string; name: string } }>(t.http, {
      token,
      query: CREATE,
      variables: { input: organisation({ name: '🍼🍼', contactName: '🍼'.repeat(200) }) },
    });
    expect(two.errors).toEqual([]);
    expect(two.data?.createOrganisation.name).toBe('🍼🍼');
    const [stored] = await t.db.sql<{ name: string; n: number; c: number }>(
      'SELECT name, length(name) AS n, length(contact_name) AS c FROM organisations WHERE id = $1',
      [two.data!.createOrganisation.id],
    );
    expect(stored).toEqual({ name: '🍼🍼', n: 2, c: 200 });

    const tooLong = await gql(t.http, {
      token,
      query: CREATE,
      variables: { input: organisation({ contactName: '🍼'.repeat(201) }) },
    });
    expect(fieldError(tooLong).field).toBe('contactName');
  });

  it('refuses an address the mailer would refuse, in the words the mailer uses', async () => {
    const result = await gql(t.http, {
      token: await tokenFor('beheerder'),
      query: CREATE,
      variables: { input: organisation({ contactEmail: 'fg,ops@example.org' }) },
    });
    const error = fieldError(result);
    expect(error).toEqual({ field: 'contactEmail', message: '"fg,ops@example.org" is geen geldig e-mailadres.' });

    // The mailer refuses it before connecting (nothing listens on this port, and nothing needs to).
    const mailer = new SmtpMailer({ url: 'smtp://127.0.0.1:9', from: 'datalek@babyconnect.example.org' });
    try {
      const refused = await mailer
        .send({
          to: ['fg,ops@example.org'],
          subject: 'Test',
          text: 'Test',
          html: '<p>Test</p>',
          reference: 'DL-2026-0001',
          idempotencyKey: 'text-input-test',
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(refused).toBeInstanceOf(MailDeliveryError);
      expect((refused as MailDeliveryError).reason).toBe('invalid-address');
      expect((refused as MailDeliveryError).messageNl).toBe(error.message);
    } finally {
      mailer.close();
    }
  });

  it('still accepts ordinary Dutch names with accents and no-break spaces, normalised', async () => {
    const result = await gql<{ createOrganisation: { name: string; contactName: string } }>(t.http, {
      token: await tokenFor('beheerder'),
      query: CREATE,
      variables: { input: organisation({ name: ' Kraamzorg\u00a0Zoe\u0308 & Crèche ', contactName: 'Anouk  Öztürk' }) },
    });
    expect(result.errors).toEqual([]);
    expect(result.data?.createOrganisation).toMatchObject({
      name: 'Kraamzorg Zoë & Crèche',
      contactName: 'Anouk Öztürk',
    });
  });
});
