import { Injectable, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';
import type { ProtocolStep } from '../../shared/api/generated/graphql';
import { IncidentDocument } from '../../shared/api/operations/incident.generated';
import { GraphqlClient } from '../../shared/api/graphql-client.service';
import { SessionService } from '../../shared/session/session.service';
import { type Incident, currentStep, stepAfterSave } from './incident-view';

/**
 * The one incident the page shows, shared by the page and its step components (provided by the page, so each
 * opened incident has its own): loading, the latest version the API answered, which step is shown, what the
 * person may do, and the page's one live region for save results.
 */
@Injectable()
export class IncidentContext {
  private readonly graphql = inject(GraphqlClient);
  private readonly session = inject(SessionService);

  readonly id = signal<string | null>(null);
  readonly mayRead = computed(() => this.session.can('read', 'Incident'));
  readonly mayUpdate = computed(() => this.session.can('update', 'Incident'));
  readonly mayAdvise = computed(() => this.session.can('advise', 'Incident'));

  /** Reloads on another id or another acting organisation (a primitive key: only a real change reloads). */
  private readonly key = computed(() => {
    const id = this.id();
    const organisation = this.session.me()?.actingOrganisation?.id;
    return id && organisation && this.mayRead() ? `${organisation}/${id}` : undefined;
  });
  private readonly resource = rxResource({
    params: () => this.key(),
    stream: () => this.graphql.request(IncidentDocument, { id: this.id() ?? '' }).pipe(map((data) => data.incident)),
  });

  /** The latest version known: from the load, or from a mutation's answer (no second request needed). */
  readonly incident = linkedSignal<Incident | undefined>(() =>
    this.resource.hasValue() ? this.resource.value() : undefined,
  );
  readonly loading = computed(() => this.resource.isLoading() || this.session.meLoading());
  readonly loadError = computed(() => this.resource.error());

  /** The step the person looks at: the incident's current step when it is opened, then the person's choice. */
  readonly shownStep = linkedSignal<Incident | undefined, ProtocolStep>({
    source: this.incident,
    computation: (incident, previous) =>
      previous && incident && previous.source?.id === incident.id
        ? previous.value
        : incident
          ? currentStep(incident.steps)
          : 'IDENTIFICATION',
  });
  /** Set when a save moved the shown step on, so the page can move the keyboard focus to its heading. */
  readonly advanced = signal(0);

  private readonly spoken = signal('');
  /** Said politely by screen readers: save results only (never the clock's ticks). */
  readonly announcement = this.spoken.asReadonly();

  reload(): void {
    this.resource.reload();
  }

  select(step: ProtocolStep): void {
    this.shownStep.set(step);
  }

  /** A mutation's answer: the new version; the stepper moves on when the shown step was just completed. */
  saved(before: Incident, after: Incident): void {
    this.incident.set(after);
    const shown = this.shownStep();
    const next = stepAfterSave(before, after, shown);
    if (next !== shown) {
      this.shownStep.set(next);
      this.advanced.update((n) => n + 1);
    }
  }

  announce(text: string): void {
    // The same result twice must be said twice: a live region only speaks when its text changes.
    this.spoken.update((previous) => (previous === text ? `${text}\u00a0` : text));
  }
}
