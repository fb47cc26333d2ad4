import { userFromClaims } from './auth.service';

describe('userFromClaims', () => {
  it('prefers the name claim', () => {
    expect(
      userFromClaims({ sub: 's', name: 'Petra Privacy', preferred_username: 'wieg-privacy', email: 'p@example.org' }),
    ).toEqual({ subject: 's', name: 'Petra Privacy', username: 'wieg-privacy', email: 'p@example.org' });
  });

  it('falls back to given + family name, then username', () => {
    expect(userFromClaims({ given_name: 'Fenna', family_name: 'de Vries' })?.name).toBe('Fenna de Vries');
    expect(userFromClaims({ sub: 's', preferred_username: 'multi-fg' })?.name).toBe('multi-fg');
  });

  it('returns null without a token', () => {
    expect(userFromClaims(undefined)).toBeNull();
  });
});
