import { APP_INITIALIZER, EnvironmentInjector, createEnvironmentInjector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  AutoRefreshTokenService,
  INCLUDE_BEARER_TOKEN_INTERCEPTOR_CONFIG,
  type IncludeBearerTokenCondition,
} from 'keycloak-angular';
import Keycloak from 'keycloak-js';
import { TEST_CONFIG } from '../../../testing/portal-testing';
import { KEYCLOAK_INIT_OPTIONS, provideAuth } from './provide-auth';

describe('provideAuth', () => {
  function setUp() {
    const injector = createEnvironmentInjector([provideAuth(TEST_CONFIG)], TestBed.inject(EnvironmentInjector));
    const keycloak = injector.get(Keycloak);
    const init = vi.fn((_options?: unknown) => Promise.resolve(true));
    keycloak.init = init;
    return { injector, keycloak, init };
  }

  it('configures keycloak-js from the issuer: Keycloak URL layout, client id, PKCE S256', async () => {
    const injector = createEnvironmentInjector([provideAuth(TEST_CONFIG)], TestBed.inject(EnvironmentInjector));
    const keycloak = injector.get(Keycloak);
    // init without onLoad: reads the configuration, no redirect
    await keycloak.init({ ...KEYCLOAK_INIT_OPTIONS, onLoad: undefined });
    const loginUrl = new URL(await keycloak.createLoginUrl({ redirectUri: 'http://portal.test/' }));
    expect(`${loginUrl.origin}${loginUrl.pathname}`).toBe(
      'http://idp.test:8080/realms/babyconnect/protocol/openid-connect/auth',
    );
    expect(loginUrl.searchParams.get('client_id')).toBe('babyconnect-portal');
    expect(loginUrl.searchParams.get('response_type')).toBe('code');
    expect(loginUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(loginUrl.searchParams.get('scope')).toBe('openid profile email');
  });

  it('initialises with code flow + PKCE S256, login required, no session iframe, and starts auto refresh', async () => {
    const { injector, init } = setUp();
    const initializers = injector.get(APP_INITIALIZER) as unknown as (() => Promise<unknown> | void)[];
    await runInInjectionContext(injector, () => Promise.all(initializers.map((run) => run())));
    expect(init).toHaveBeenCalledWith(KEYCLOAK_INIT_OPTIONS);
    expect(KEYCLOAK_INIT_OPTIONS).toMatchObject({
      onLoad: 'login-required',
      flow: 'standard',
      pkceMethod: 'S256',
      checkLoginIframe: false,
    });
    expect((injector.get(AutoRefreshTokenService) as unknown as { initialized: boolean }).initialized).toBe(true);
  });

  it('adds the bearer token to the API only', () => {
    const { injector } = setUp();
    const [condition] = injector.get(INCLUDE_BEARER_TOKEN_INTERCEPTOR_CONFIG) as IncludeBearerTokenCondition[];
    expect(condition?.urlPattern.test(`${TEST_CONFIG.apiUrl}/graphql`)).toBe(true);
    expect(condition?.urlPattern.test('http://idp.test:8080/realms/babyconnect/protocol/openid-connect/token')).toBe(
      false,
    );
  });
});
