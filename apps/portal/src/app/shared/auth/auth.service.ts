import { DOCUMENT, Injectable, computed, inject } from '@angular/core';
import Keycloak, { type KeycloakTokenParsed } from 'keycloak-js';
import { KEYCLOAK_EVENT_SIGNAL } from 'keycloak-angular';
import { OrganisationContext } from '../organisation/organisation-context.service';

/** The logged-in person as far as the token tells (the API's `me` is the authority on roles). */
export interface TokenUser {
  readonly subject: string | null;
  readonly name: string;
  readonly username: string | null;
  readonly email: string | null;
}

/** Reads the person from token claims (never `loadUserProfile()`: that calls Keycloak's account API). */
export function userFromClaims(claims: KeycloakTokenParsed | undefined | null): TokenUser | null {
  if (!claims) {
    return null;
  }
  const text = (key: string): string | null => {
    const value: unknown = claims[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  const given = [text('given_name'), text('family_name')].filter((part) => part !== null).join(' ');
  const username = text('preferred_username');
  const email = text('email');
  return {
    subject: claims.sub ?? null,
    name: text('name') ?? (given || username || email || claims.sub || '?'),
    username,
    email,
  };
}

/** Thin signal-based facade over keycloak-js, so components and tests do not touch Keycloak directly. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly keycloak = inject(Keycloak);
  private readonly keycloakEvent = inject(KEYCLOAK_EVENT_SIGNAL);
  private readonly organisation = inject(OrganisationContext);
  private readonly document = inject(DOCUMENT);

  /** Re-evaluated on every Keycloak event (ready, refresh, logout, …). */
  readonly authenticated = computed(() => {
    this.keycloakEvent();
    return this.keycloak.authenticated === true;
  });

  readonly user = computed(() => {
    this.keycloakEvent();
    return userFromClaims(this.keycloak.idTokenParsed ?? this.keycloak.tokenParsed);
  });

  /**
   * Back to the page the person is on after logging in (a mail's deep link such as a partner's
   * `/keten/partnermeldingen/:id` survives a session that ended meanwhile). The first login needs nothing:
   * keycloak-js (`login-required`) returns to the URL that was opened.
   */
  login(): Promise<void> {
    return this.keycloak.login({ redirectUri: this.currentUrl() });
  }

  /** Ends the session at the provider too, and forgets the organisation choice of this tab. */
  logout(): Promise<void> {
    this.organisation.clear();
    return this.keycloak.logout({ redirectUri: this.homeUrl() });
  }

  /** The page's own URL without a fragment (keycloak-js puts its callback parameters there). */
  private currentUrl(): string {
    const url = new URL(this.document.location?.href ?? this.homeUrl());
    url.hash = '';
    return url.href;
  }

  private homeUrl(): string {
    return new URL('.', this.document.baseURI).href;
  }
}
