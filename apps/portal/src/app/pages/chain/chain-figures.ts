import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { map } from 'rxjs';
import { ChainFiguresDocument } from '../../shared/api/operations/chain.generated';
import { GraphqlClient } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { SessionService, describeError } from '../../shared/session/session.service';
import { figuresTable } from './chain-view';
import '../../shared/i18n/texts/chain';

/**
 * HINQ's figures across the chain (`/keten/cijfers`, issue 17 item 6, issue 18 item 3): per partner per quarter the
 * reports (and how many the viewer-log detection raised), breaches, near misses, chain incidents and the detection
 * alerts dismissed with a reason. A quarter with neither a report nor a dismissed alert is flagged as what it usually
 * is — poor detection, not good security (the background document's warning).
 */
@Component({
  selector: 'app-chain-figures',
  imports: [MatIconModule, MatProgressBarModule],
  template: `
    <h1 class="page-title">{{ t('chain.figures.title') }}</h1>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('app.loading')" />
    }
    @if (session.meErrorMessage(); as message) {
      <p class="error" role="alert">{{ t('home.meError') }} {{ message }}</p>
    } @else if (session.mustChoose()) {
      <p data-testid="choose-prompt">{{ t('org.choosePrompt') }}</p>
    } @else if (session.me() && !allowed()) {
      <p class="error" data-testid="not-allowed">
        <mat-icon aria-hidden="true" svgIcon="error" /> {{ t('chain.figures.notAllowed') }}
      </p>
    } @else if (allowed()) {
      <p class="intro">{{ t('chain.figures.intro') }}</p>
      <p class="warning" data-testid="figures-warning">
        <mat-icon aria-hidden="true" svgIcon="error" /> {{ t('chain.figures.lowWarning') }}
      </p>
      @if (loadError(); as message) {
        <p class="error" role="alert">{{ t('chain.figures.loadError') }} {{ message }}</p>
      }
      @if (table(); as table) {
        <div class="table-wrap">
          <table class="grid" data-testid="figures-table">
            <caption class="sr-only">
              {{
                t('chain.figures.caption')
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ t('chain.figures.organisation') }}</th>
                @for (q of table.quarters; track q) {
                  <th scope="col">{{ q }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of table.rows; track row.organisation) {
                <tr
                  data-testid="figures-row"
                  [attr.data-name]="row.organisation"
                  [attr.data-low]="row.lowQuarters.length > 0"
                >
                  <th scope="row">{{ row.organisation }}</th>
                  @for (cell of row.cells; track $index) {
                    <td [attr.data-low]="cell?.lowReportingSignal ?? false">
                      @if (cell; as c) {
                        <span class="small">{{ t('chain.figures.reported', { count: c.reported }) }}</span>
                        @if (c.detectionAlerts > 0) {
                          <span class="small">{{
                            t('chain.figures.detectionAlerts', { count: c.detectionAlerts })
                          }}</span>
                        }
                        <span class="small">{{ t('chain.figures.breaches', { count: c.breaches }) }}</span>
                        <span class="small">{{ t('chain.figures.nearMisses', { count: c.nearMisses }) }}</span>
                        <span class="small">{{ t('chain.figures.chainIncidents', { count: c.chainIncidents }) }}</span>
                        @if (c.dismissedAlerts > 0) {
                          <span class="small" data-testid="figures-dismissed">{{
                            t('chain.figures.dismissedAlerts', { count: c.dismissedAlerts })
                          }}</span>
                        }
                        @if (c.lowReportingSignal) {
                          <span class="low" data-testid="figures-low">
                            <mat-icon aria-hidden="true" svgIcon="error" /> {{ t('chain.figures.low') }}
                          </span>
                        }
                      } @else {
                        —
                      }
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    }
  `,
  styleUrl: './chain.scss',
  styles: `
    .low {
      display: flex;
      align-items: center;
      gap: 4px;
      color: var(--mat-sys-error);
      font: var(--mat-sys-label-medium);
    }
    .small {
      color: inherit;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChainFigures {
  private readonly graphql = inject(GraphqlClient);
  protected readonly t = inject(TranslationService).t;
  protected readonly session = inject(SessionService);

  protected readonly allowed = computed(() => this.session.can('read', 'ChainFigures'));
  private readonly resource = rxResource({
    params: () => (this.allowed() && !this.session.meLoading() ? this.session.me()?.actingOrganisation?.id : undefined),
    stream: () => this.graphql.request(ChainFiguresDocument).pipe(map((data) => data.chainFigures)),
  });
  protected readonly loading = computed(() => this.resource.isLoading() || this.session.meLoading());
  protected readonly loadError = computed(() => describeError(this.resource.error(), this.t));
  protected readonly table = computed(() => (this.resource.hasValue() ? figuresTable(this.resource.value()) : null));
}
