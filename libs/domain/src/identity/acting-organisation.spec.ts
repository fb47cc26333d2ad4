import { resolveActingOrganisation, validMemberships, type Membership } from './acting-organisation';

const wieg: Membership = { organisationId: 'wieg', kind: 'MIDWIFERY_PRACTICE', roles: ['dpo'] };
const nest: Membership = { organisationId: 'nest', kind: 'MIDWIFERY_PRACTICE', roles: ['employee'] };

describe('resolveActingOrganisation', () => {
  it('implies the only organisation of a person in one organisation', () => {
    expect(resolveActingOrganisation([wieg], undefined)).toEqual({ outcome: 'acting', membership: wieg });
  });

  it('asks a person in several organisations to choose', () => {
    expect(resolveActingOrganisation([wieg, nest], undefined)).toEqual({
      outcome: 'choose',
      memberships: [wieg, nest],
    });
  });

  it('acts for exactly the chosen organisation with only its roles', () => {
    const result = resolveActingOrganisation([wieg, nest], 'nest');
    expect(result).toEqual({ outcome: 'acting', membership: nest });
  });

  it('refuses an organisation the person does not belong to, also when they belong to just one', () => {
    expect(resolveActingOrganisation([wieg], 'nest')).toEqual({ outcome: 'not-a-member', requested: 'nest' });
    expect(resolveActingOrganisation([], 'nest')).toEqual({ outcome: 'not-a-member', requested: 'nest' });
  });

  it('reports no organisation for a person without memberships', () => {
    expect(resolveActingOrganisation([], undefined)).toEqual({ outcome: 'none' });
  });
});

describe('validMemberships', () => {
  it('drops a hinq-coordinator role outside HINQ and keeps it inside HINQ', () => {
    const outside: Membership = {
      organisationId: 'wieg',
      kind: 'MIDWIFERY_PRACTICE',
      roles: ['hinq-coordinator', 'employee'],
    };
    const inside: Membership = { organisationId: 'hinq', kind: 'HINQ', roles: ['hinq-coordinator'] };
    const result = validMemberships([outside, inside]);
    expect(result.valid).toEqual([{ ...outside, roles: ['employee'] }, inside]);
    expect(result.dropped).toEqual([{ organisationId: 'wieg', role: 'hinq-coordinator' }]);
  });

  it('removes a membership left without roles', () => {
    const onlyCoordinator: Membership = { organisationId: 'wieg', kind: 'HOSPITAL', roles: ['hinq-coordinator'] };
    expect(validMemberships([onlyCoordinator]).valid).toEqual([]);
  });
});
