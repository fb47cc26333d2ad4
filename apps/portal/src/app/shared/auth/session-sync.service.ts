import { Injectable, type OnDestroy, inject, signal } from '@angular/core';
import Keycloak from 'keycloak-js';
import { OrganisationContext } from '../organisation/organisation-context.service';

/** The BroadcastChannel every tab of the portal (same origin) listens on. */
export const SESSION_CHANNEL = 'babyconnect.portal.session';

/** Why the session ended in another tab: logged out there (by the person or after inactivity), or refused. */
export type SessionEndReason = 'logout' | 'refresh-refused';

export interface SessionEndedMessage {
  readonly type: 'session-ended';
  readonly reason: SessionEndReason;
}

export function isSessionEndedMessage(data: unknown): data is SessionEndedMessage {
  const message = data as Partial<SessionEndedMessage> | null;
  return (
    typeof message === 'object' &&
    message !== null &&
    message.type === 'session-ended' &&
    (message.reason === 'logout' || message.reason === 'refresh-refused')
  );
}

/**
 * Ends the session in every tab of the browser at once. keycloak-js keeps the tokens per tab, in memory: without
 * this, a logout in one tab left the other tabs calling the API with their old access token until it expired.
 *
 * - This tab ends the session (any `keycloak.logout()`: the logout button, and keycloak-angular's logout after
 *   inactivity) or the provider refuses its refresh token: the other tabs are told on a BroadcastChannel.
 * - Another tab tells this one: the tokens are dropped here at once (no bearer token goes to the API any more),
 *   the organisation choice is forgotten, and the shell shows that the person was logged out, with a login
 *   button. It does not redirect to the provider by itself: the other tab's logout may still be on its way
 *   there, and an early redirect would find the old provider session and log in again silently.
 */
// Provided by provideAuth, next to the Keycloak instance it hooks into.
@Injectable()
export class SessionSync implements OnDestroy {
  private readonly keycloak = inject(Keycloak);
  private readonly organisation = inject(OrganisationContext);
  private channel: BroadcastChannel | null = null;
  private readonly ended = signal<SessionEndReason | null>(null);

  /** Set when another tab ended the session; the shell says so. */
  readonly endedElsewhere = this.ended.asReadonly();

  /** Listens to the other tabs and hooks this tab's logout and refresh failures. Called once at start-up. */
  start(): void {
    if (this.channel || typeof BroadcastChannel !== 'function') {
      return; // started already, or no BroadcastChannel (then every tab ends at its own token expiry, as before)
    }
    const channel = new BroadcastChannel(SESSION_CHANNEL);
    this.channel = channel;
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (isSessionEndedMessage(event.data)) {
        this.endHere(event.data.reason);
      }
    };

    // One place for every logout of this tab: keycloak-angular calls keycloak.logout() itself after inactivity.
    const logout = this.keycloak.logout;
    this.keycloak.logout = (options) => {
      this.announce('logout');
      return logout(options);
    };

    // keycloak-angular set these callbacks to feed its event signal; keep them and add ours. Callbacks rather
    // than the signal: the signal keeps only the newest event, and a refused refresh starts a redirect.
    const onRefreshError = this.keycloak.onAuthRefreshError;
    this.keycloak.onAuthRefreshError = () => {
      onRefreshError?.();
      // keycloak-js drops the tokens when the provider answers 400 (session gone); a network error keeps them.
      if (!this.keycloak.token) {
        this.announce('refresh-refused');
      }
    };
    const onRefreshSuccess = this.keycloak.onAuthRefreshSuccess;
    this.keycloak.onAuthRefreshSuccess = () => {
      onRefreshSuccess?.();
      // A refresh that was under way when another tab ended the session must not bring the tokens back.
      if (this.ended()) {
        this.dropTokens();
      }
    };
  }

  ngOnDestroy(): void {
    this.channel?.close();
    this.channel = null;
  }

  private announce(reason: SessionEndReason): void {
    const message: SessionEndedMessage = { type: 'session-ended', reason };
    this.channel?.postMessage(message);
  }

  private endHere(reason: SessionEndReason): void {
    this.ended.set(reason);
    this.organisation.clear();
    this.dropTokens();
  }

  private dropTokens(): void {
    // clearToken() would redirect to the login page at once under onLoad 'login-required' (see above): the
    // person logs in again with the shell's button, after the other tab's logout has reached the provider.
    this.keycloak.loginRequired = false;
    this.keycloak.clearToken();
  }
}
