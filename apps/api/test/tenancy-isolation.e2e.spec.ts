import { ORG, gql, type GqlResult } from './support/gql';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

const ME =
  '{ me { user { displayName } platformAdmin mustChooseOrganisation actingOrganisation { id name } actingRoles memberships { organisation { id alias } roles } } }';
const CONTACT = `mutation($input: UpdateOrganisationContactInput!) {
  updateOrganisationContact(input: $input) { id contactName contactEmail } }`;
const UPDATE_ORG = `mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id name } }`;
const CREATE_ORG = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`;
const ACCESS_LOG = '{ accessLog(first: 200) { entries { seq operation roles objectIds result } nextCursor } }';
const DIRECTORY = '{ organisations { id name contactEmail } }';

type Me = {
  me: {
    actingOrganisation: { id: string; name: string } | null;
    actingRoles: string[];
    mustChooseOrganisation: boolean;
    platformAdmin: boolean;
    memberships: { organisation: { alias: string }; roles: string[] }[];
  };
};

describe('tenant isolation: organisation A can neither read nor change B', () => {
  let t: TestApp;
  const contactOf = async (id: string) =>
    (await t.db.sql('SELECT contact_name, contact_email, name FROM organisations WHERE id = $1', [id]))[0];

  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  describe('the acting organisation', () => {
    it('is implied for a person in one organisation, with only that organisation’s roles', async () => {
      const res = await gql<Me>(t.http, { token: await tokenFor('wieg-privacy'), query: ME });
      expect(res.data?.me).toMatchObject({
        actingOrganisation: { id: ORG.wieg },
        actingRoles: ['privacy-officer'],
        mustChooseOrganisation: false,
      });
    });

    it('must be chosen by a person in several organisations; operations acting for one say so', async () => {
      const token = await tokenFor('multi-fg');
      const me = await gql<Me>(t.http, { token, query: ME });
      expect(me.data?.me).toMatchObject({ actingOrganisation: null, actingRoles: [], mustChooseOrganisation: true });
      expect(me.data?.me.memberships.map((m) => [m.organisation.alias, m.roles])).toEqual([
        ['vp-de-wieg', ['dpo']],
        ['vp-het-nest', ['employee']],
      ]);
      const log = await gql(t.http, { token, query: ACCESS_LOG });
      expect(log.code).toBe('ORGANISATION_REQUIRED');
      expect(log.errors[0]?.message).toMatch(/kies eerst voor welke organisatie/);
    });

    it('gives the multi-organisation person exactly the rights of the selected organisation, never the union', async () => {
      const token = await tokenFor('multi-fg');
      const asFg = await gql(t.http, { token, organisationId: ORG.wieg, query: ACCESS_LOG });
      expect(asFg.errors).toEqual([]);
      const asEmployee = await gql(t.http, { token, organisationId: ORG.nest, query: ACCESS_LOG });
      expect(asEmployee.code).toBe('FORBIDDEN');
      const me = await gql<Me>(t.http, { token, organisationId: ORG.nest, query: ME });
      expect(me.data?.me).toMatchObject({ actingOrganisation: { id: ORG.nest }, actingRoles: ['employee'] });
    });

    it('refuses a header naming an organisation the token does not hold, readable, in both languages', async () => {
      const token = await tokenFor('wieg-fg');
      for (const organisationId of [ORG.nest, 'not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
        const res = await gql(t.http, { token, organisationId, query: ME });
        expect(res.code).toBe('FORBIDDEN');
        expect(res.errors[0]?.message).toBe(
          'U bent geen lid van de gekozen organisatie. Kies een organisatie waarvoor u werkt.',
        );
      }
      // The refusal is in the access log with who tried, and for no organisation.
      const refusals = await t.db.sql<{ user_id: string | null; organisation_id: string | null }>(
        `SELECT user_id, organisation_id FROM access_log WHERE result = 'refused' AND reason = 'FORBIDDEN' AND operation = 'me'`,
      );
      expect(refusals).toHaveLength(3);
      expect(refusals.every((r) => r.user_id !== null && r.organisation_id === null)).toBe(true);
      const en = await gql(t.http, { token, organisationId: ORG.nest, query: ME, language: 'en' });
      expect(en.errors[0]?.message).toBe(
        'You are not a member of the chosen organisation. Choose an organisation you work for.',
      );
    });

    it('grants nothing for a hinq-coordinator group outside HINQ, and nothing for an unknown organisation', async () => {
      for (const username of ['nep-coordinator', 'onbekende-org']) {
        const token = await tokenFor(username);
        const me = await gql<Me>(t.http, { token, query: ME });
        expect(me.data?.me).toMatchObject({ memberships: [], actingOrganisation: null, platformAdmin: false });
        const directory = await gql(t.http, { token, query: DIRECTORY });
        expect(directory.code).toBe('FORBIDDEN');
        const asWieg = await gql(t.http, { token, organisationId: ORG.wieg, query: ME });
        expect(asWieg.code).toBe('FORBIDDEN');
      }
    });
  });

  // One row per GraphQL operation: what a token of another organisation tries, and what it must get.
  // The list must cover every operation of the schema (checked in permissions.spec.ts).
  describe('per operation', () => {
    it('me: another organisation cannot be named', async () => {
      const res = await gql(t.http, { token: await tokenFor('nest-privacy'), organisationId: ORG.wieg, query: ME });
      expect(res.code).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
    });

    it('organisations / organisation: the directory holds no breach data and is shared with every chain member by design', async () => {
      const token = await tokenFor('nest-medewerker');
      const list = await gql<{ organisations: { id: string }[] }>(t.http, { token, query: DIRECTORY });
      expect(list.data?.organisations.map((o) => o.id).sort()).toEqual(Object.values(ORG).sort());
      const one = await gql(t.http, { token, query: `{ organisation(id: "${ORG.wieg}") { name contactEmail } }` });
      expect(one.data).toEqual({
        organisation: { name: 'Verloskundigenpraktijk De Wieg', contactEmail: 'fg@de-wieg.example.org' },
      });
      const missing = await gql(t.http, {
        token,
        query: '{ organisation(id: "00000000-0000-4000-8000-000000000000") { name } }',
      });
      expect(missing.code).toBe('NOT_FOUND');
    });

    it('updateOrganisationContact: B’s id answers not found to A’s privacy officer and FG, and B is unchanged', async () => {
      const before = await contactOf(ORG.nest);
      for (const username of ['wieg-privacy', 'wieg-fg']) {
        const res: GqlResult = await gql(t.http, {
          token: await tokenFor(username),
          query: CONTACT,
          variables: {
            input: {
              organisationId: ORG.nest,
              contactRole: 'DPO',
              contactName: 'Indringer',
              contactEmail: 'x@example.org',
            },
          },
        });
        expect(res.code).toBe('NOT_FOUND');
        expect(res.errors[0]?.message).toBe('De organisatie is niet gevonden.');
      }
      expect(await contactOf(ORG.nest)).toEqual(before);
    });

    it('updateOrganisation / createOrganisation: only the platform admin; a privacy officer changes nothing', async () => {
      const before = await contactOf(ORG.nest);
      const token = await tokenFor('wieg-privacy');
      const update = await gql(t.http, {
        token,
        query: UPDATE_ORG,
        variables: { id: ORG.nest, input: { name: 'Overgenomen' } },
      });
      expect(update.code).toBe('FORBIDDEN');
      const create = await gql(t.http, {
        token,
        query: CREATE_ORG,
        variables: { input: { alias: 'vp-nieuw', name: 'Nieuw', kind: 'HOSPITAL' } },
      });
      expect(create.code).toBe('FORBIDDEN');
      expect(await contactOf(ORG.nest)).toEqual(before);
      expect(await t.db.sql("SELECT id FROM organisations WHERE alias = 'vp-nieuw'")).toEqual([]);
    });

    it('accessLog: A’s FG sees only A’s rows and cannot act for B', async () => {
      // Activity in B first, so there is something to leak.
      await gql(t.http, { token: await tokenFor('nest-fg'), query: ACCESS_LOG });
      await gql(t.http, { token: await tokenFor('nest-privacy'), query: ME });
      const token = await tokenFor('wieg-fg');
      await gql(t.http, { token, query: ME });
      const own = await gql<{ accessLog: { entries: { roles: string | null }[] } }>(t.http, {
        token,
        query: ACCESS_LOG,
      });
      expect(own.errors).toEqual([]);
      const inB = await t.db.sql<{ n: number }>(
        'SELECT count(*)::int AS n FROM access_log WHERE organisation_id = $1',
        [ORG.nest],
      );
      expect(inB[0]?.n).toBeGreaterThan(0);
      // A's chain: its own requests and attempts from outside that named it.
      const inA = await t.db.sql<{ n: number }>('SELECT count(*)::int AS n FROM access_log WHERE chain_id = $1', [
        ORG.wieg,
      ]);
      // Exactly A's rows as they were when read (the read's own row is written after it answered).
      expect(own.data?.accessLog.entries.length).toBe((inA[0]?.n ?? 0) - 1);
      const asB = await gql(t.http, { token, organisationId: ORG.nest, query: ACCESS_LOG });
      expect(asB.code).toBe('FORBIDDEN');
    });
  });

  describe('the platform admin', () => {
    it('onboards organisations but reads no breach data, register or access log of any organisation', async () => {
      const token = await tokenFor('beheerder');
      const me = await gql<{ me: { platformAdmin: boolean; abilityRules: string } }>(t.http, {
        token,
        query: '{ me { platformAdmin abilityRules } }',
      });
      expect(me.data?.me.platformAdmin).toBe(true);
      const subjects = (JSON.parse(me.data!.me.abilityRules) as { subject: string | string[] }[]).flatMap(
        (r) => r.subject,
      );
      expect(subjects).not.toEqual(expect.arrayContaining(['Incident']));
      expect(subjects).not.toContain('Register');
      expect(subjects).not.toContain('AccessLog');
      for (const organisationId of [undefined, ORG.wieg, ORG.hinq]) {
        const log = await gql(t.http, { token, organisationId, query: ACCESS_LOG });
        expect(log.code).toBe('FORBIDDEN');
      }
    });
  });
});
