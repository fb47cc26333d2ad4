import { ORGANISATION_ROLES } from '@babyconnect/domain';
import { ACTIONS, SUBJECTS, defineAbilityFor, type AbilityContext } from './abilities';

function matrix(context: AbilityContext): string[] {
  const ability = defineAbilityFor(context);
  return SUBJECTS.flatMap((subject) =>
    ACTIONS.filter((action) => ability.can(action, subject)).map((action) => `${action} ${subject}`),
  );
}

describe('abilities', () => {
  // Review a diff here as a permission change.
  it('grants each role in the acting organisation exactly these rights', () => {
    const table = Object.fromEntries(
      ORGANISATION_ROLES.map((role) => [role, matrix({ roles: [role], platformAdmin: false })]),
    );
    expect(table).toMatchSnapshot();
  });

  it('gives the platform admin onboarding rights and the undeliverable mails, and no breach, register or access-log data', () => {
    const rights = matrix({ roles: [], platformAdmin: true });
    // Undeliverable mails carry a reference, a masked address and a reason, never the incident: the admin fixes
    // the address and retries (issue 16), without reading any organisation's breach.
    expect(rights).toEqual([
      'read Me',
      'update Me',
      'read OrganisationDirectory',
      'create Organisation',
      'update Organisation',
      'read NotificationDelivery',
      'update NotificationDelivery',
    ]);
  });

  it('gives a machine client only what its scopes name: pushing the viewer log, nothing of a person', () => {
    expect(matrix({ roles: [], platformAdmin: false, systemScopes: ['viewer-log:push'] })).toEqual([
      'create ViewerLogFeed',
    ]);
    expect(matrix({ roles: [], platformAdmin: false, systemScopes: ['profile', 'email'] })).toEqual([]);
  });

  it('gives a person acting for no organisation only their own profile and notification settings', () => {
    expect(matrix({ roles: [], platformAdmin: false })).toEqual(['read Me', 'update Me']);
  });
});
