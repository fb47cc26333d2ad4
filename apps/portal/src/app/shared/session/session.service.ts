import { Injectable, computed, effect, inject, linkedSignal, untracked } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';
import { GraphqlClient, GraphqlRequestError } from '../api/graphql-client.service';
import type { Me, Membership } from '../api/api.types';
import { MeDocument } from '../api/operations/me.generated';
import { HealthService } from '../api/health.service';
import { AuthService } from '../auth/auth.service';
import type { TranslationKey } from '../i18n/nl';
import { TranslationService } from '../i18n/translation.service';
import { OrganisationContext } from '../organisation/organisation-context.service';
import { abilityFromRules, type Action, type Subject } from '../permissions/ability';

/**
 * Who is logged in and for which organisation (`me`), and the API's readiness. `me` is fetched again
 * whenever the chosen organisation changes; the previous value stays visible while it reloads so the
 * toolbar (and the keyboard focus in it) does not jump.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly graphql = inject(GraphqlClient);
  private readonly healthService = inject(HealthService);
  private readonly auth = inject(AuthService);
  private readonly organisation = inject(OrganisationContext);
  private readonly i18n = inject(TranslationService);

  private readonly meResource = rxResource({
    // a primitive (not a fresh object) so that only a real change reloads; '' = no organisation chosen
    params: () => (this.auth.authenticated() ? (this.organisation.selectedId() ?? '') : undefined),
    stream: () => this.graphql.request(MeDocument).pipe(map((data) => data.me)),
  });

  readonly me = linkedSignal<{ value: Me | undefined; loading: boolean }, Me | undefined>({
    source: () => ({
      value: this.meResource.hasValue() ? this.meResource.value() : undefined,
      loading: this.meResource.isLoading(),
    }),
    computation: (source, previous) => source.value ?? (source.loading ? previous?.value : undefined),
  });
  readonly meLoading = this.meResource.isLoading;
  readonly meError = computed(() => this.meResource.error());
  /** Readable message for `meError`: the API's own message for GraphQL errors. */
  readonly meErrorMessage = computed(() => describeError(this.meError(), this.i18n.t));

  /** The membership of the acting organisation (its roles), if any. */
  readonly actingMembership = computed<Membership | undefined>(() => {
    const me = this.me();
    const acting = me?.actingOrganisation;
    return acting ? me.memberships.find((m) => m.organisation.id === acting.id) : undefined;
  });
  /** What the person may do in the acting organisation (`me.abilityRules`); nothing until `me` is known. */
  readonly ability = computed(() => abilityFromRules(this.me()?.abilityRules));

  /** Several organisations and none acting: the person must choose. */
  readonly mustChoose = computed(() => {
    const me = this.me();
    return !!me && !me.actingOrganisation && me.memberships.length > 1;
  });

  private readonly healthResource = rxResource({
    params: () => (this.auth.authenticated() ? true : undefined),
    stream: () => this.healthService.check(),
  });
  readonly health = computed(() => (this.healthResource.hasValue() ? this.healthResource.value() : undefined));
  readonly healthLoading = this.healthResource.isLoading;

  constructor() {
    // A choice kept in this tab that the API refuses (e.g. another person logged in since): forget it once.
    effect(() => {
      const error = this.meError();
      if (
        error instanceof GraphqlRequestError &&
        error.code === 'FORBIDDEN' &&
        untracked(this.organisation.selectedId)
      ) {
        this.organisation.clear();
      }
    });
    // A choice for an organisation the person has no membership in (and is no platform admin): forget it.
    effect(() => {
      const me = this.me();
      const selected = untracked(this.organisation.selectedId);
      if (me && selected && !me.platformAdmin && !me.memberships.some((m) => m.organisation.id === selected)) {
        this.organisation.clear();
      }
    });
  }

  /** Whether the acting organisation's rules allow `action` on `subject` (reactive: read it in a computed). */
  can(action: Action, subject: Subject): boolean {
    return this.ability().can(action, subject);
  }

  chooseOrganisation(organisationId: string): void {
    this.organisation.choose(organisationId);
  }

  reloadMe(): void {
    this.meResource.reload();
  }

  recheckHealth(): void {
    this.healthResource.reload();
  }
}

export function describeError(
  error: unknown,
  t: (key: TranslationKey, params?: Record<string, string | number>) => string,
): string | null {
  if (error == null) {
    return null;
  }
  if (error instanceof GraphqlRequestError) {
    switch (error.kind) {
      case 'graphql':
        return error.message;
      case 'http':
        return t('error.http', { status: error.status ?? '?' });
      default:
        return t('error.network');
    }
  }
  return error instanceof Error ? error.message : String(error);
}
