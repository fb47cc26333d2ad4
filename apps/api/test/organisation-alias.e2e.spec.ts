import { logRows } from './support/access-log';
import { ORG, gql } from './support/gql';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

jest.setTimeout(60_000);

// An alias maps the identity provider's groups (/orgs/<alias>/<role>) to an organisation. Re-pointing aliases once
// people act for an organisation would hand its data to another organisation's staff.
describe('the platform admin and organisation aliases', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  const UPDATE = `mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { alias } }`;
  const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id alias } }`;

  it('refuses to re-point aliases once people have acted for the organisations (the swap once found)', async () => {
    // Both organisations have members at work.
    await gql(t.http, { token: await tokenFor('wieg-fg'), query: '{ me { actingRoles } }' });
    await gql(t.http, { token: await tokenFor('nest-fg'), query: '{ me { actingRoles } }' });
    const admin = await tokenFor('beheerder');
    const step1 = await gql(t.http, {
      token: admin,
      query: UPDATE,
      variables: { id: ORG.wieg, input: { alias: 'tijdelijk' } },
    });
    expect(step1.code).toBe('CONFLICT');
    expect(step1.errors[0]!.extensions.fields).toEqual([
      expect.objectContaining({ field: 'alias', message: expect.stringMatching(/kan niet meer worden gewijzigd/) }),
    ]);
    const aliases = await t.db.sql<{ alias: string }>(
      'SELECT alias FROM organisations WHERE id = ANY($1) ORDER BY alias',
      [[ORG.wieg, ORG.nest]],
    );
    expect(aliases.map((a) => a.alias)).toEqual(['vp-de-wieg', 'vp-het-nest']);
    // De Wieg's FG still acts for De Wieg, not for anyone else.
    const me = await gql<{ me: { actingOrganisation: { id: string } } }>(t.http, {
      token: await tokenFor('wieg-fg'),
      query: '{ me { actingOrganisation { id } } }',
    });
    expect(me.data!.me.actingOrganisation.id).toBe(ORG.wieg);
  });

  it('allows fixing the alias of an organisation nobody has acted for yet, and logs it in that organisation’s chain', async () => {
    const admin = await tokenFor('beheerder');
    const created = await gql<{ createOrganisation: { id: string } }>(t.http, {
      token: admin,
      query: CREATE,
      variables: { input: { alias: 'kraam-noord', name: 'Kraamzorg Noord', kind: 'MATERNITY_CARE' } },
    });
    expect(created.errors).toEqual([]);
    const id = created.data!.createOrganisation.id;
    const fixed = await gql(t.http, {
      token: admin,
      query: UPDATE,
      variables: { id, input: { alias: 'kraamzorg-noord' } },
    });
    expect(fixed.errors).toEqual([]);
    // Both admin changes are in the new organisation's own log, for its FG to see.
    const rows = await logRows(t.db, 'chain_id = $1', [id]);
    expect(rows.map((r) => [r.seq, r.fields[0], r.target_organisation_id, r.roles])).toEqual([
      ['1', 'createOrganisation:allowed', id, 'platform-admin'],
      ['2', 'updateOrganisation:allowed', id, 'platform-admin'],
    ]);
  });

  it('logs a change of an existing organisation’s details in that organisation’s chain', async () => {
    const admin = await tokenFor('beheerder');
    const res = await gql(t.http, {
      token: admin,
      query: UPDATE,
      variables: { id: ORG.nest, input: { name: 'Verloskundigenpraktijk Het Nest B.V.' } },
    });
    expect(res.errors).toEqual([]);
    const seen = await gql<{ accessLog: { entries: { fields: string[]; targetOrganisationId: string }[] } }>(t.http, {
      token: await tokenFor('nest-fg'),
      query: '{ accessLog { entries { fields targetOrganisationId } } }',
    });
    expect(seen.data!.accessLog.entries).toContainEqual({
      fields: ['updateOrganisation:allowed'],
      targetOrganisationId: ORG.nest,
    });
  });
});
