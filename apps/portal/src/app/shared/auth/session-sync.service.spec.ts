import { EnvironmentInjector, createEnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideKeycloak } from 'keycloak-angular';
import Keycloak from 'keycloak-js';
import { KEYCLOAK_TEST_CONFIG, waitFor } from '../../../testing/portal-testing';
import { ORGANISATION_STORAGE_KEY, OrganisationContext } from '../organisation/organisation-context.service';
import { AuthService } from './auth.service';
import { SESSION_CHANNEL, type SessionEndedMessage, SessionSync, isSessionEndedMessage } from './session-sync.service';

/** A JWT-shaped token as keycloak-js decodes it (it checks no signature). */
function jwt(claims: Record<string, unknown>): string {
  const part = (value: object) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.sig`;
}

function tokens(sub = 'u-1') {
  const now = Math.floor(Date.now() / 1000);
  return {
    access_token: jwt({ sub, iat: now, exp: now + 300 }),
    refresh_token: jwt({ sub, iat: now, exp: now + 1800 }),
  };
}

describe('SessionSync (one session for every tab)', () => {
  let keycloak: Keycloak;
  let sync: SessionSync;
  let auth: AuthService;
  let otherTab: BroadcastChannel;
  let heard: unknown[];

  beforeEach(async () => {
    sessionStorage.clear();
    // keycloak-angular's own wiring (its event signal), without an initialiser: no redirect in a test.
    const injector = createEnvironmentInjector(
      [provideKeycloak({ config: KEYCLOAK_TEST_CONFIG }), SessionSync, AuthService],
      TestBed.inject(EnvironmentInjector),
    );
    keycloak = injector.get(Keycloak);
    await keycloak.init({ flow: 'standard', pkceMethod: 'S256', checkLoginIframe: false });
    // Logged in as after a code exchange, and as under onLoad 'login-required'.
    const { access_token, refresh_token } = tokens();
    keycloak.token = access_token;
    keycloak.refreshToken = refresh_token;
    keycloak.tokenParsed = JSON.parse(atob(access_token.split('.')[1]!)) as Keycloak['tokenParsed'];
    keycloak.authenticated = true;
    keycloak.loginRequired = true;
    sync = injector.get(SessionSync);
    auth = injector.get(AuthService);
    heard = [];
    otherTab = new BroadcastChannel(SESSION_CHANNEL);
    otherTab.onmessage = (event: MessageEvent<unknown>) => void heard.push(event.data);
  });

  afterEach(() => {
    otherTab?.close();
    sync?.ngOnDestroy();
    vi.restoreAllMocks();
  });

  it('drops the tokens here when another tab logs out, without a redirect, and says so', async () => {
    const login = vi.spyOn(keycloak, 'login');
    sync.start();
    TestBed.inject(OrganisationContext).choose('22222222-2222-4222-8222-222222222222');
    expect(auth.authenticated()).toBe(true);

    otherTab.postMessage({ type: 'session-ended', reason: 'logout' } satisfies SessionEndedMessage);
    await waitFor(() => sync.endedElsewhere());

    expect(sync.endedElsewhere()).toBe('logout');
    expect(keycloak.token).toBeUndefined();
    expect(keycloak.refreshToken).toBeUndefined();
    expect(keycloak.authenticated).toBe(false);
    expect(auth.authenticated()).toBe(false); // keycloak-angular's event reached the shell
    expect(sessionStorage.getItem(ORGANISATION_STORAGE_KEY)).toBeNull();
    expect(login).not.toHaveBeenCalled(); // the other tab's logout may not have reached the provider yet
  });

  it('tells the other tabs when this tab logs out (the button, and keycloak-angular after inactivity)', async () => {
    const providerLogout = vi.fn((_options?: unknown) => Promise.resolve());
    keycloak.logout = providerLogout; // the real one leaves the page for the provider's logout endpoint
    sync.start();

    await auth.logout();
    await waitFor(() => heard.length > 0);
    expect(heard).toEqual([{ type: 'session-ended', reason: 'logout' }]);
    expect(providerLogout).toHaveBeenCalledTimes(1);

    await keycloak.logout(); // what AutoRefreshTokenService calls after 30 minutes without activity
    await waitFor(() => heard.length > 1);
    expect(heard).toHaveLength(2);
    expect(sync.endedElsewhere()).toBeNull(); // its own logout is not "elsewhere"
  });

  it('tells the other tabs when the provider refuses the refresh token, not when it is unreachable', async () => {
    sync.start();
    const fetch = vi.spyOn(globalThis, 'fetch');

    fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(keycloak.updateToken(-1)).rejects.toThrow();
    expect(keycloak.token).toBeDefined(); // keycloak-js keeps the tokens: perhaps only the network is down
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toEqual([]);

    keycloak.loginRequired = false; // keycloak-js would redirect this tab to the login page; not in a test
    fetch.mockResolvedValueOnce(new Response(JSON.stringify({ error: 'invalid_grant' }), { status: 400 }));
    await expect(keycloak.updateToken(-1)).rejects.toThrow();
    expect(keycloak.token).toBeUndefined();
    await waitFor(() => heard.length > 0);
    expect(heard).toEqual([{ type: 'session-ended', reason: 'refresh-refused' }]);
    expect(String(fetch.mock.calls[1]?.[0])).toBe(
      'http://idp.test:8080/realms/babyconnect/protocol/openid-connect/token',
    );
  });

  it('does not let a refresh that was under way bring the tokens back after another tab ended the session', async () => {
    sync.start();
    let answer!: (response: Response) => void;
    vi.spyOn(globalThis, 'fetch').mockReturnValueOnce(new Promise<Response>((resolve) => (answer = resolve)));
    const refresh = keycloak.updateToken(-1);

    otherTab.postMessage({ type: 'session-ended', reason: 'logout' } satisfies SessionEndedMessage);
    await waitFor(() => sync.endedElsewhere());
    answer(new Response(JSON.stringify(tokens()), { status: 200, headers: { 'content-type': 'application/json' } }));
    await refresh;

    expect(keycloak.token).toBeUndefined();
    expect(keycloak.authenticated).toBe(false);
  });

  it('ignores messages of another shape', async () => {
    sync.start();
    for (const data of [null, 'session-ended', { type: 'session-ended' }, { type: 'x', reason: 'logout' }]) {
      expect(isSessionEndedMessage(data)).toBe(false);
      otherTab.postMessage(data);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sync.endedElsewhere()).toBeNull();
    expect(keycloak.token).toBeDefined();
  });
});
