import { type OrganisationRole, abilityRulesFor } from '@babyconnect/contracts';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { type EnvironmentProviders, type Provider, signal } from '@angular/core';
import { provideRouter } from '@angular/router';
import Keycloak from 'keycloak-js';
import type { Me } from '../app/shared/api/api.types';
import { apiHeadersInterceptor } from '../app/shared/api/api-headers.interceptor';
import { AuthService, type TokenUser } from '../app/shared/auth/auth.service';
import { SessionSync } from '../app/shared/auth/session-sync.service';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../app/shared/config/runtime-config';
import { provideIcons } from '../app/shared/icons/provide-icons';

export const TEST_CONFIG: RuntimeConfig = {
  apiUrl: 'http://api.test:3000',
  oidc: { issuer: 'http://idp.test:8080/realms/babyconnect', clientId: 'babyconnect-portal' },
};

export const KEYCLOAK_TEST_CONFIG = {
  url: 'http://idp.test:8080',
  realm: 'babyconnect',
  clientId: 'babyconnect-portal',
};

export const WIEG = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Verloskundigenpraktijk De Wieg',
  kind: 'MIDWIFERY_PRACTICE',
  alias: 'de-wieg',
} as const;
export const NEST = {
  id: '22222222-2222-4222-8222-222222222222',
  name: 'Verloskundigenpraktijk Het Nest',
  kind: 'MIDWIFERY_PRACTICE',
  alias: 'het-nest',
} as const;
export const HOSPITAL = {
  id: '33333333-3333-4333-8333-333333333333',
  name: 'Ziekenhuis Rijnoever',
  kind: 'HOSPITAL',
  alias: 'rijnoever',
} as const;

const ref = ({
  id,
  name,
  kind,
}: {
  id: string;
  name: string;
  kind: Me['memberships'][number]['organisation']['kind'];
}) => ({ id, name, kind });

/** The API's CASL rules (libs/contracts) for roles in the acting organisation, as `me.abilityRules` carries them. */
export function rulesFor(roles: readonly string[], platformAdmin = false): string {
  return JSON.stringify(abilityRulesFor({ roles: roles as OrganisationRole[], platformAdmin }));
}

/** `me` of someone with one organisation (acting organisation chosen by the API). */
export function meSingle(roles: readonly string[] = ['privacy-officer', 'employee']): Me {
  return {
    user: { id: 'u-1', displayName: 'Petra Privacy', email: 'petra@example.org' },
    platformAdmin: false,
    abilityRules: rulesFor(roles),
    actingOrganisation: ref(WIEG),
    memberships: [{ organisation: WIEG, roles }],
  };
}

/** `me` of an FG with several organisations; `acting` null = none chosen yet. */
export function meMulti(actingId: string | null = null): Me {
  const memberships = [
    { organisation: WIEG, roles: ['dpo'] },
    { organisation: NEST, roles: ['employee'] },
    { organisation: HOSPITAL, roles: ['dpo', 'auditor'] },
  ];
  const acting = memberships.find((m) => m.organisation.id === actingId)?.organisation;
  return {
    user: { id: 'u-2', displayName: 'Fenna FG', email: 'fenna@example.org' },
    platformAdmin: false,
    abilityRules: rulesFor(memberships.find((m) => m.organisation.id === actingId)?.roles ?? []),
    actingOrganisation: acting ? ref(acting) : null,
    memberships,
  };
}

export const TOKEN_USER: TokenUser = {
  subject: 'u-1',
  name: 'Petra Privacy',
  username: 'wieg-privacy',
  email: 'petra@example.org',
};

/** AuthService without Keycloak. */
export function fakeAuth(user: TokenUser | null = TOKEN_USER) {
  return {
    authenticated: signal(user !== null),
    user: signal(user),
    login: vi.fn(() => Promise.resolve()),
    logout: vi.fn(() => Promise.resolve()),
  };
}

/**
 * HttpClient (with the portal's API header interceptor) against HttpTestingController, config, router, the
 * portal's icons, fake auth.
 */
export function providePortalTesting(auth = fakeAuth()): (Provider | EnvironmentProviders)[] {
  return [
    { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
    provideHttpClient(withInterceptors([apiHeadersInterceptor])),
    provideHttpClientTesting(),
    provideRouter([]),
    provideIcons(),
    { provide: AuthService, useValue: auth },
    // A real keycloak-js client, never initialised (no redirect): for services that hook into it (SessionSync).
    { provide: Keycloak, useFactory: () => new Keycloak(KEYCLOAK_TEST_CONFIG) },
    SessionSync,
  ];
}

/** Visible words of an element, separated by single spaces (Angular strips whitespace between elements). */
export function words(element: Element | null | undefined): string | undefined {
  if (!element) {
    return undefined;
  }
  const parts: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    if (text) {
      parts.push(text.replace(/\s+/g, ' '));
    }
  }
  return parts.join(' ');
}

/** Polls until `find` returns something (e.g. a `@defer` block rendered), or fails after `timeoutMs`. */
export async function waitFor<T>(find: () => T | null | undefined, timeoutMs = 2000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found) {
      return found;
    }
    if (Date.now() > until) {
      throw new Error('waitFor: timed out');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
