import { abilityRulesFor } from '@babyconnect/contracts';
import { abilityFromRules } from './ability';

describe('abilityFromRules', () => {
  it("reads the API's rules: an FG and an auditor may read the access log, an employee may not", () => {
    const fg = abilityFromRules(JSON.stringify(abilityRulesFor({ roles: ['dpo'], platformAdmin: false })));
    const auditor = abilityFromRules(JSON.stringify(abilityRulesFor({ roles: ['auditor'], platformAdmin: false })));
    const employee = abilityFromRules(JSON.stringify(abilityRulesFor({ roles: ['employee'], platformAdmin: false })));
    const admin = abilityFromRules(JSON.stringify(abilityRulesFor({ roles: [], platformAdmin: true })));
    expect(fg.can('read', 'AccessLog')).toBe(true);
    expect(auditor.can('read', 'AccessLog')).toBe(true);
    expect(employee.can('read', 'AccessLog')).toBe(false);
    expect(employee.can('report', 'Incident')).toBe(true);
    expect(admin.can('read', 'AccessLog')).toBe(false);
  });

  it('allows nothing for missing or unreadable rules', () => {
    for (const json of [undefined, null, '', 'not json', '{"action":"read","subject":"AccessLog"}']) {
      expect(abilityFromRules(json).can('read', 'AccessLog')).toBe(false);
    }
  });
});
