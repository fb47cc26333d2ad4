import { Injectable, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';
import {
  ChainDirectoryDocument,
  ChainIncidentDocument,
  ChainOverviewDocument,
} from '../../shared/api/operations/chain.generated';
import { GraphqlClient } from '../../shared/api/graphql-client.service';
import { SessionService } from '../../shared/session/session.service';
import { type ChainIncident, type PartnerNotification, chainRights } from './chain-view';

/**
 * The one chain incident `/keten/:id` shows, shared by the page and its parts (provided by the page): the chain
 * part, the partner matrix (reporter and HINQ only), the organisation directory (for choosing partners), what the
 * acting organisation may do, and the page's one live region.
 */
@Injectable()
export class ChainContext {
  private readonly graphql = inject(GraphqlClient);
  private readonly session = inject(SessionService);

  readonly id = signal<string | null>(null);
  readonly mayRead = computed(() => this.session.can('read', 'ChainIncident'));

  /** Reloads on another id or another acting organisation (a primitive key: only a real change reloads). */
  private readonly key = computed(() => {
    const id = this.id();
    const organisation = this.session.me()?.actingOrganisation?.id;
    return id && organisation && this.mayRead() ? `${organisation}/${id}` : undefined;
  });
  private readonly resource = rxResource({
    params: () => this.key(),
    stream: () =>
      this.graphql.request(ChainIncidentDocument, { id: this.id() ?? '' }).pipe(map((data) => data.chainIncident)),
  });
  /** The latest version known: from the load, or from a mutation's answer. */
  readonly chain = linkedSignal<ChainIncident | undefined>(() =>
    this.resource.hasValue() ? this.resource.value() : undefined,
  );
  readonly loading = computed(() => this.resource.isLoading() || this.session.meLoading());
  readonly loadError = computed(() => this.resource.error());

  readonly rights = computed(() => {
    const chain = this.chain();
    return chain ? chainRights(chain, (action, subject) => this.session.can(action, subject)) : null;
  });

  /** The matrix: only the reporter and HINQ (a partner would get FORBIDDEN). Reloaded after each change. */
  private readonly overviewKey = computed(() => {
    const chain = this.chain();
    const rights = this.rights();
    if (!chain || !rights || rights.partnerOnly) return undefined;
    return `${this.key()}@${JSON.stringify(chain.partners.map((p) => [p.id, p.status]))}`;
  });
  readonly overview = rxResource({
    params: () => this.overviewKey(),
    stream: () =>
      this.graphql.request(ChainOverviewDocument, { id: this.id() ?? '' }).pipe(map((data) => data.chainOverview.rows)),
  });

  /** The organisation directory, for choosing partners (reporter and HINQ only). */
  readonly directory = rxResource({
    params: () => (this.rights()?.coordinate ? this.key() : undefined),
    stream: () => this.graphql.request(ChainDirectoryDocument).pipe(map((data) => data.organisations)),
  });

  private readonly spoken = signal('');
  /** Said politely by screen readers: results of the person's actions (never the clocks' ticks). */
  readonly announcement = this.spoken.asReadonly();

  reload(): void {
    this.resource.reload();
    this.overview.reload();
  }

  /** A mutation answered the whole chain incident. */
  saved(chain: ChainIncident, text: string): void {
    this.chain.set(chain);
    this.announce(text);
  }

  /** A mutation answered one partner notification: put it in place (the matrix reloads on a new status). */
  partnerSaved(partner: PartnerNotification, text: string): void {
    const chain = this.chain();
    if (chain) {
      this.chain.set({ ...chain, partners: chain.partners.map((p) => (p.id === partner.id ? partner : p)) });
    }
    this.overview.reload();
    this.announce(text);
  }

  announce(text: string): void {
    // The same result twice must be said twice: a live region only speaks when its text changes.
    this.spoken.update((previous) => (previous === text ? `${text}\u00a0` : text));
  }
}
