import { gql } from './support/gql';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('answers me for a demo user with a real token', async () => {
    const res = await gql(t.http, { token: await tokenFor('wieg-privacy'), query: '{ me { user { displayName } actingOrganisation { name } actingRoles } }' });
    expect(res.errors).toEqual([]);
    expect(res.data).toMatchObject({ me: { actingOrganisation: { name: 'Verloskundigenpraktijk De Wieg' }, actingRoles: ['privacy-officer'] } });
  });
});
