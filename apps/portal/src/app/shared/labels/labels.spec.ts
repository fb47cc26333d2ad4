import { ERROR_CODES } from '@babyconnect/contracts';
import { kindLabel, reasonLabel, resultLabel, roleLabel } from './labels';

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

  it.each([
    ['allowed', 'toegestaan', 'allowed'],
    ['refused', 'geweigerd', 'refused'],
    ['failed', 'mislukt', 'failed'],
  ])('result %s → %s / %s', (result, nl, en) => {
    expect(resultLabel(result, 'nl')).toBe(nl);
    expect(resultLabel(result, 'en')).toBe(en);
  });

  it('has a short reason for every error code of the API, and none for unknown codes', () => {
    for (const code of ERROR_CODES) {
      expect(reasonLabel(code, 'nl')).toMatch(/\S/);
      expect(reasonLabel(code, 'en')).toMatch(/\S/);
    }
    expect(reasonLabel('FORBIDDEN', 'nl')).toBe('geen recht');
    expect(reasonLabel('SOMETHING_NEW', 'nl')).toBeNull();
    expect(reasonLabel('toString', 'en')).toBeNull();
  });
});
