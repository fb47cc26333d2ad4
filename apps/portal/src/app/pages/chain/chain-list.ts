import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { ChainIncidentsDocument } from '../../shared/api/operations/chain.generated';
import { GraphqlClient } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { SessionService, describeError } from '../../shared/session/session.service';
import { chainListRow } from './chain-view';
import '../../shared/i18n/texts/chain';
import '../../shared/i18n/texts/incident';

/** How often the partner countdowns move on without asking the API again. */
export const LIST_TICK_MS = 30_000;

/**
 * "Keten" (`/keten`): the chain incidents the acting organisation takes part in — every one for HINQ's coordinator,
 * the ones it reported or was informed about for anyone else (the API decides) — with the scenario and the partner
 * deadline's live countdown (24 hours from discovery).
 */
@Component({
  selector: 'app-chain-list',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, RouterLink],
  template: `
    <h1 class="page-title">{{ t('chain.list.title') }}</h1>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('app.loading')" />
    }
    @if (session.meErrorMessage(); as message) {
      <p class="error" role="alert">{{ t('home.meError') }} {{ message }}</p>
    } @else if (session.mustChoose()) {
      <p data-testid="choose-prompt">{{ t('org.choosePrompt') }}</p>
    } @else if (session.me() && !allowed()) {
      <p class="error" data-testid="not-allowed">
        <mat-icon aria-hidden="true" svgIcon="error" /> {{ t('chain.notAllowed') }}
      </p>
    } @else if (allowed()) {
      <p class="intro">{{ t('chain.list.intro') }}</p>
      <div class="actions">
        <button mat-stroked-button type="button" data-testid="chain-list-refresh" (click)="list.reload()">
          <mat-icon aria-hidden="true" svgIcon="refresh" /> {{ t('chain.list.refresh') }}
        </button>
        @if (mayReadFigures()) {
          <a mat-stroked-button routerLink="/keten/cijfers" data-testid="chain-figures-link">{{
            t('chain.figures.title')
          }}</a>
        }
      </div>
      @if (loadError(); as message) {
        <p class="error" role="alert" data-testid="chain-list-error">
          <mat-icon aria-hidden="true" svgIcon="error" /> {{ t('chain.list.loadError') }} {{ message }}
        </p>
      }
      @if (rows().length > 0) {
        <div class="table-wrap">
          <table class="grid" data-testid="chain-list">
            <caption class="sr-only">
              {{
                t('chain.list.caption')
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ t('chain.col.reference') }}</th>
                <th scope="col">{{ t('chain.col.reporter') }}</th>
                <th scope="col">{{ t('chain.col.scenario') }}</th>
                <th scope="col">{{ t('chain.col.role') }}</th>
                <th scope="col">{{ t('chain.col.partners') }}</th>
                <th scope="col">{{ t('chain.col.deadline') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.id) {
                <tr data-testid="chain-row" [attr.data-reference]="row.reference" [attr.data-id]="row.id">
                  <td>
                    <a [routerLink]="['/keten', row.id]" class="reference" data-testid="chain-row-link">{{
                      row.reference
                    }}</a>
                    @if (row.exercise) {
                      <span class="badge exercise">{{ t('incident.exercise') }}</span>
                    }
                    <span class="small"
                      >{{ t('chain.col.discovered') }}
                      <time [attr.datetime]="row.discoveredAt">{{ row.discoveredText }}</time></span
                    >
                  </td>
                  <td>{{ row.reporter }}</td>
                  <td data-testid="chain-row-scenario">{{ row.scenarioText }}</td>
                  <td>{{ row.participationText }}</td>
                  <td>
                    {{ t('chain.list.partnerCount', { informed: row.partnersInformed, chosen: row.partnersChosen }) }}
                  </td>
                  <td data-testid="chain-row-clock" [attr.data-state]="row.clock.state">
                    <span class="countdown" [class.due-soon]="row.clock.dueSoon" [class.overdue]="row.clock.overdue">{{
                      row.clock.text
                    }}</span>
                    <time class="small" [attr.datetime]="row.clock.deadlineIso">{{
                      t('chain.deadlineAt', { deadline: row.clock.deadlineText })
                    }}</time>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else if (list.hasValue()) {
        <p data-testid="chain-list-empty">{{ t('chain.list.empty') }}</p>
      }
    }
  `,
  styleUrl: './chain.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChainList {
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;
  protected readonly session = inject(SessionService);

  protected readonly allowed = computed(() => this.session.can('read', 'ChainIncident'));
  protected readonly mayReadFigures = computed(() => this.session.can('read', 'ChainFigures'));
  protected readonly list = rxResource({
    params: () => (this.allowed() && !this.session.meLoading() ? this.session.me()?.actingOrganisation?.id : undefined),
    stream: () => this.graphql.request(ChainIncidentsDocument).pipe(map((data) => data.chainIncidents)),
  });
  protected readonly loading = computed(() => this.list.isLoading() || this.session.meLoading());
  protected readonly loadError = computed(() => describeError(this.list.error(), this.t));
  private readonly now = signal(new Date());
  protected readonly rows = computed(() => {
    const now = this.now();
    const lang = this.i18n.lang();
    return this.list.hasValue() ? this.list.value().map((chain) => chainListRow(chain, now, lang)) : [];
  });

  constructor() {
    const timer = setInterval(() => this.now.set(new Date()), LIST_TICK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
