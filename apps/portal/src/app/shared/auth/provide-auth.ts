import { type EnvironmentProviders, inject, provideEnvironmentInitializer } from '@angular/core';
import {
  AutoRefreshTokenService,
  INCLUDE_BEARER_TOKEN_INTERCEPTOR_CONFIG,
  type IncludeBearerTokenCondition,
  createInterceptorCondition,
  provideKeycloak,
  UserActivityService,
  withAutoRefreshToken,
} from 'keycloak-angular';
import type { KeycloakInitOptions } from 'keycloak-js';
import { type RuntimeConfig, apiUrlPattern, keycloakLocationFromIssuer } from '../config/runtime-config';
import { SessionSync } from './session-sync.service';

/** keycloak-js init options: authorization code flow + PKCE S256, login required, no session iframe. */
export const KEYCLOAK_INIT_OPTIONS: KeycloakInitOptions = {
  onLoad: 'login-required',
  flow: 'standard',
  pkceMethod: 'S256',
  checkLoginIframe: false,
  scope: 'openid profile email',
};

/**
 * Keycloak from the runtime configuration. The bearer token goes to the API's URLs only; tokens are renewed
 * with the refresh token when they expire while the person is active, and the session ends after 30 minutes
 * without any activity (healthcare: no forgotten open sessions). Ending the session in one tab ends it in all.
 */
export function provideAuth(config: RuntimeConfig): EnvironmentProviders {
  const { url, realm } = keycloakLocationFromIssuer(config.oidc.issuer);
  return provideKeycloak({
    config: { url, realm, clientId: config.oidc.clientId },
    initOptions: KEYCLOAK_INIT_OPTIONS,
    features: [withAutoRefreshToken({ onInactivityTimeout: 'logout', sessionTimeout: 30 * 60 * 1000 })],
    providers: [
      // needed by withAutoRefreshToken (not provided by keycloak-angular itself)
      AutoRefreshTokenService,
      UserActivityService,
      {
        provide: INCLUDE_BEARER_TOKEN_INTERCEPTOR_CONFIG,
        useValue: [
          createInterceptorCondition<IncludeBearerTokenCondition>({ urlPattern: apiUrlPattern(config.apiUrl) }),
        ],
      },
      // A logout or a refused refresh in one tab ends the session in every tab of the browser.
      SessionSync,
      provideEnvironmentInitializer(() => inject(SessionSync).start()),
    ],
  });
}
