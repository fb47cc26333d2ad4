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

describe('AuthService.login', () => {
  it('returns to the page the person is on (a deep link survives a new login), without a fragment', async () => {
    const { TestBed } = await import('@angular/core/testing');
    const { signal } = await import('@angular/core');
    const { KEYCLOAK_EVENT_SIGNAL } = await import('keycloak-angular');
    const Keycloak = (await import('keycloak-js')).default;
    const { AuthService } = await import('./auth.service');
    const login = vi.fn(() => Promise.resolve());
    TestBed.configureTestingModule({
      providers: [
        { provide: Keycloak, useValue: { login, authenticated: false } },
        { provide: KEYCLOAK_EVENT_SIGNAL, useValue: signal({ type: 'Ready' }) },
      ],
    });
    history.pushState(null, '', '/keten/partnermeldingen/p-1#state=abc');
    try {
      await TestBed.inject(AuthService).login();
      expect(login).toHaveBeenCalledWith({
        redirectUri: new URL('/keten/partnermeldingen/p-1', location.href).href,
      });
    } finally {
      history.pushState(null, '', '/');
    }
  });
});
