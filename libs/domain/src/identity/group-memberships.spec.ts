import { parseGroupMemberships } from './group-memberships';

describe('parseGroupMemberships', () => {
  it('reads roles per organisation from full group paths', () => {
    const result = parseGroupMemberships([
      '/orgs/vp-de-wieg/dpo',
      '/orgs/vp-het-nest/employee',
      '/orgs/vp-de-wieg/auditor',
      '/orgs/vp-de-wieg/dpo',
    ]);
    expect(Object.fromEntries(result.byAlias)).toEqual({
      'vp-de-wieg': ['auditor', 'dpo'],
      'vp-het-nest': ['employee'],
    });
    expect(result.platformAdmin).toBe(false);
  });

  it('recognises the platform admin group and nothing else as platform admin', () => {
    expect(parseGroupMemberships(['/platform/admin']).platformAdmin).toBe(true);
    expect(parseGroupMemberships(['/platform/admins', '/platform']).platformAdmin).toBe(false);
  });

  it('ignores unknown roles, nested paths, relative paths and non-strings instead of guessing', () => {
    const result = parseGroupMemberships([
      '/orgs/vp-de-wieg/owner',
      '/orgs/vp-de-wieg/dpo/extra',
      'orgs/vp-de-wieg/dpo',
      '/orgs/VP-DE-WIEG/dpo',
      '/orgs//dpo',
      42,
      null,
    ]);
    expect(result.byAlias.size).toBe(0);
    expect(result.ignored).toEqual([
      '/orgs/vp-de-wieg/owner',
      '/orgs/vp-de-wieg/dpo/extra',
      '/orgs/VP-DE-WIEG/dpo',
      '/orgs//dpo',
    ]);
  });

  it('treats a missing or malformed groups claim as no membership', () => {
    expect(parseGroupMemberships(undefined).byAlias.size).toBe(0);
    expect(parseGroupMemberships('/orgs/a/dpo').byAlias.size).toBe(0);
  });
});
