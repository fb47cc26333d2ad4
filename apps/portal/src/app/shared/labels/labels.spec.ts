import { kindLabel, roleLabel } from './labels';

describe('role and kind labels', () => {
  it.each([
    ['employee', 'medewerker', 'employee'],
    ['privacy-officer', 'privacyfunctionaris', 'privacy officer'],
    ['dpo', 'functionaris gegevensbescherming (FG)', 'data protection officer (DPO)'],
    ['auditor', 'auditor', 'auditor'],
    ['hinq-coordinator', 'HINQ-coördinator', 'HINQ coordinator'],
  ])('role %s → %s / %s', (role, nl, en) => {
    expect(roleLabel(role, 'nl')).toBe(nl);
    expect(roleLabel(role, 'en')).toBe(en);
  });

  it.each([
    ['MIDWIFERY_PRACTICE', 'verloskundigenpraktijk', 'midwifery practice'],
    ['HOSPITAL', 'ziekenhuis', 'hospital'],
    ['MATERNITY_CARE', 'kraamzorgorganisatie', 'maternity care organisation'],
    ['HINQ', 'HINQ', 'HINQ'],
  ])('kind %s → %s / %s', (kind, nl, en) => {
    expect(kindLabel(kind, 'nl')).toBe(nl);
    expect(kindLabel(kind, 'en')).toBe(en);
  });

  it('shows unknown values as sent (also names of Object.prototype)', () => {
    expect(roleLabel('board', 'nl')).toBe('board');
    expect(roleLabel('toString', 'nl')).toBe('toString');
    expect(kindLabel('PHARMACY', 'en')).toBe('PHARMACY');
  });
});
