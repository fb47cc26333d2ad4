import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { MatInputModule } from '@angular/material/input';
import { combineLatest, debounceTime, map } from 'rxjs';
import type { IncidentFilterInput, IncidentSort } from '../../shared/api/generated/graphql';
import { IncidentsDocument } from '../../shared/api/operations/incidents.generated';
import { GraphqlClient } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { incidentLabel } from '../../shared/labels/incident-labels';
import { SessionService, describeError } from '../../shared/session/session.service';
import { serverClockOffset } from './countdown';
import {
  CLOCK_STATES,
  type DashboardFilter,
  type IncidentNode,
  type IncidentPage,
  NO_FILTER,
  SORTS,
  STAGES,
  TEXT_MAX,
  attentionRows,
  filterProblem,
  incidentRow,
  isFiltered,
  sortOf,
  toFilterInput,
} from './dashboard-view';
import '../../shared/i18n/texts/dashboard';

/** Rows per request (the API's default). */
export const PAGE_SIZE = 50;
/** How often the countdowns move on: every 30 seconds, without asking the API again. */
export const TICK_MS = 30_000;
/** Rows per attention query: more than a person can act on at once. */
const ATTENTION_SIZE = 20;
/** A search is sent once the person stops typing for this long (not on every key). */
const TYPING_PAUSE_MS = 300;

/**
 * "Datalekken": the acting organisation's incidents with a live countdown to each AP deadline, and on top what
 * needs the reader now. A privacy officer, FG or auditor sees every incident; an employee sees "Uw meldingen", her
 * own reports and only their status (the API decides; the page only words it).
 */
@Component({
  selector: 'app-dashboard',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  templateUrl: './dashboard.html',
  styleUrl: './dashboard.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Dashboard {
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly t = this.i18n.t;
  protected readonly session = inject(SessionService);
  protected readonly stages = STAGES;
  protected readonly clockStates = CLOCK_STATES;
  protected readonly sorts = SORTS;
  protected readonly textMax = TEXT_MAX;

  protected readonly organisation = computed(() => this.session.me()?.actingOrganisation ?? null);
  protected readonly allowed = computed(() => this.session.can('report', 'Incident'));
  /** Privacy officer, FG, auditor: every incident in full. Otherwise (an employee): her own, status only. */
  protected readonly readsAll = computed(() => this.session.can('read', 'Incident'));

  protected readonly filterForm = new FormGroup({
    stage: new FormControl<DashboardFilter['stage']>('', { nonNullable: true }),
    clockState: new FormControl<DashboardFilter['clockState']>('', { nonNullable: true }),
    exercise: new FormControl<DashboardFilter['exercise']>('', { nonNullable: true }),
    text: new FormControl('', { nonNullable: true }),
    discoveredFrom: new FormControl('', { nonNullable: true }),
    discoveredTo: new FormControl('', { nonNullable: true }),
    sort: new FormControl<IncidentSort>('REPORTED_NEWEST', { nonNullable: true }),
  });
  protected readonly filter = signal<DashboardFilter>(NO_FILTER);
  protected readonly filtered = computed(() => isFiltered(this.filter()));
  /** Why the search or the period is not applied yet (too short, end before start), as a translation key. */
  protected readonly filterProblem = computed(() => filterProblem(this.filter()));

  /** What the list shows; reloads when the organisation or the filter changes (a string: reload on change only). */
  private readonly query = computed(() => {
    const organisationId = this.organisation()?.id;
    if (!organisationId || !this.allowed() || this.session.meLoading()) return undefined;
    return JSON.stringify([organisationId, toFilterInput(this.filter()), sortOf(this.filter())]);
  });

  private readonly firstPage = rxResource({
    params: () => this.query(),
    stream: ({ params }) => {
      const [, filter, sort] = JSON.parse(params) as [string, IncidentFilterInput | null, IncidentSort | null];
      const sentAt = Date.now();
      return this.graphql
        .request(IncidentsDocument, { first: PAGE_SIZE, filter, sort })
        .pipe(map((data) => ({ page: data.incidents, sentAt })));
    },
  });
  private readonly first = computed(() => (this.firstPage.hasValue() ? this.firstPage.value() : undefined));
  private readonly more = linkedSignal<unknown, readonly IncidentPage[]>({
    source: this.first,
    computation: () => [],
  });

  /** Due soon, overdue, waiting for assessment: asked separately, so none hides on a later page of the list. */
  private readonly attentionResource = rxResource({
    params: () => (this.readsAll() ? this.organisation()?.id : undefined),
    stream: () =>
      combineLatest(
        [{ clockState: 'OVERDUE' }, { clockState: 'DUE_SOON' }, { stage: 'REPORTED' }].map((filter) =>
          this.graphql
            .request(IncidentsDocument, { first: ATTENTION_SIZE, filter: filter as IncidentFilterInput })
            .pipe(map((data) => data.incidents.nodes)),
        ),
      ).pipe(map((lists) => lists.flat())),
  });

  /** This device's clock, corrected by the API's reading (see `serverClockOffset`); moves every 30 seconds. */
  protected readonly now = signal(new Date());
  private offset = 0;

  protected readonly loading = computed(() => this.firstPage.isLoading() || this.session.meLoading());
  protected readonly loadError = computed(() => describeError(this.firstPage.error(), this.t));
  private readonly nodes = computed<readonly IncidentNode[]>(() => {
    const first = this.first();
    return first ? [first.page, ...this.more()].flatMap((page) => page.nodes) : [];
  });
  protected readonly rows = computed(() => {
    const now = this.now();
    const lang = this.i18n.lang();
    return this.nodes().map((node) => incidentRow(node, now, lang));
  });
  protected readonly attention = computed(() => {
    const now = this.now();
    const lang = this.i18n.lang();
    const fromQueries = this.attentionResource.hasValue() ? this.attentionResource.value() : [];
    // The list's own rows too: an open clock that turned "due soon" since it was loaded belongs here now.
    return attentionRows([...fromQueries, ...this.nodes()].map((node) => incidentRow(node, now, lang)));
  });
  protected readonly nextCursor = computed(() => {
    const last = this.more().at(-1) ?? this.first()?.page;
    return last?.nextCursor ?? null;
  });
  protected readonly loadingMore = signal(false);
  protected readonly moreError = signal<string | null>(null);
  /** Said by screen readers: a clock that changed state, the number of rows after loading. Never every tick. */
  protected readonly announcement = signal('');
  private readonly announcedStates = new Map<string, string>();

  constructor() {
    const timer = setInterval(() => this.tick(), TICK_MS);
    this.destroyRef.onDestroy(() => clearInterval(timer));
    this.filterForm.valueChanges
      .pipe(debounceTime(TYPING_PAUSE_MS), takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.filter.set(this.filterForm.getRawValue()));
    // The server's clock from the first reading that has one.
    effect(() => {
      const first = this.first();
      const reading = first?.page.nodes.find((node) => node.apClock?.remainingMs != null);
      if (first && reading?.apClock) {
        // The answer came some time after it was asked; half-way is the best guess of when the API read its clock.
        const deviceAtReading = (first.sentAt + Date.now()) / 2;
        this.offset = serverClockOffset(reading.apClock.deadline, reading.apClock.remainingMs, deviceAtReading);
        this.now.set(new Date(Date.now() + this.offset));
      }
    });
    // Announce the number of rows after each load, and a clock's change of state (not its minutes).
    effect(() => {
      const rows = this.rows();
      if (this.loading()) return;
      const changed: string[] = [];
      for (const row of rows) {
        if (!row.clock) continue;
        const before = this.announcedStates.get(row.id);
        if (before !== undefined && before !== row.clock.state) {
          changed.push(this.t('dashboard.clockChanged', { reference: row.reference, state: row.clock.stateLabel }));
        }
        this.announcedStates.set(row.id, row.clock.state);
      }
      if (changed.length > 0) this.announcement.set(changed.join(' '));
    });
  }

  protected tick(): void {
    this.now.set(new Date(Date.now() + this.offset));
  }

  protected stageLabel(stage: string): string {
    return incidentLabel('IncidentStage', stage, this.i18n.lang());
  }

  protected clockLabel(state: string): string {
    return incidentLabel('NotificationClockState', state, this.i18n.lang());
  }

  protected clearFilters(): void {
    this.filterForm.reset({ sort: this.filterForm.controls.sort.value });
  }

  protected sortLabel(sort: string): string {
    return incidentLabel('IncidentSort', sort, this.i18n.lang());
  }

  protected reload(): void {
    this.firstPage.reload();
    this.attentionResource.reload();
  }

  protected loadMore(): void {
    const after = this.nextCursor();
    const first = this.first();
    if (!after || !first || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.moreError.set(null);
    const filter = toFilterInput(this.filter());
    const sort = sortOf(this.filter());
    this.graphql
      .request(IncidentsDocument, { first: PAGE_SIZE, after, filter, sort })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (data) => {
          this.loadingMore.set(false);
          if (this.first() !== first) return; // reloaded or filtered meanwhile: this page no longer follows
          this.more.update((pages) => [...pages, data.incidents]);
          this.announcement.set(this.t('dashboard.loaded', { count: this.rows().length }));
        },
        error: (error: unknown) => {
          this.loadingMore.set(false);
          this.moreError.set(describeError(error, this.t));
        },
      });
  }
}
