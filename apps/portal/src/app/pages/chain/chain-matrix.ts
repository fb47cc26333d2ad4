import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslationService } from '../../shared/i18n/translation.service';
import { describeError } from '../../shared/session/session.service';
import { ChainContext } from './chain-context';
import { matrixRow } from './chain-view';
import '../../shared/i18n/texts/chain';

/**
 * The partner matrix (issue 17 item 6), for the reporter and HINQ: per partner when it must be informed by (its
 * 24-hour clock, live), when it was informed and acknowledged, its moment of awareness with the rule in words, and
 * whether it took its own AP decision and informed its data subjects.
 */
@Component({
  selector: 'app-chain-matrix',
  template: `
    <section aria-labelledby="chain-matrix-title" data-testid="chain-matrix">
      <h2 id="chain-matrix-title">{{ t('chain.matrix.title') }}</h2>
      @if (error(); as message) {
        <p class="error" role="alert">{{ t('chain.matrix.error') }} {{ message }}</p>
      }
      @if (rows().length > 0) {
        <div class="table-wrap">
          <table class="grid">
            <caption class="sr-only">
              {{
                t('chain.matrix.title')
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ t('chain.matrix.partner') }}</th>
                <th scope="col">{{ t('chain.matrix.informBy') }}</th>
                <th scope="col">{{ t('chain.matrix.informedAt') }}</th>
                <th scope="col">{{ t('chain.matrix.acknowledgedAt') }}</th>
                <th scope="col">{{ t('chain.matrix.awareness') }}</th>
                <th scope="col">{{ t('chain.matrix.ownAp') }}</th>
                <th scope="col">{{ t('chain.matrix.dataSubjects') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (r of rows(); track r.id) {
                <tr data-testid="matrix-row" [attr.data-name]="r.partner" [attr.data-status]="r.status">
                  <th scope="row">
                    {{ r.partner }}
                    <span class="small" data-testid="matrix-status">{{ r.statusText }}</span>
                  </th>
                  <td data-testid="matrix-clock" [attr.data-state]="r.clock.state">
                    <span class="countdown" [class.due-soon]="r.clock.dueSoon" [class.overdue]="r.clock.overdue">{{
                      r.clock.text
                    }}</span>
                    <span class="small">{{ t('chain.deadlineAt', { deadline: r.clock.deadlineText }) }}</span>
                  </td>
                  <td data-testid="matrix-informed">{{ r.informedAt }}</td>
                  <td data-testid="matrix-acknowledged">{{ r.acknowledgedAt }}</td>
                  <td data-testid="matrix-awareness">
                    @if (r.awareness; as a) {
                      {{ a.basis }}, {{ a.at }}
                      <span class="small">{{ a.rule }}</span>
                    } @else {
                      —
                    }
                  </td>
                  <td data-testid="matrix-own-ap">{{ r.ownApDecision }}</td>
                  <td data-testid="matrix-data-subjects">{{ r.dataSubjects }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else if (context.overview.hasValue()) {
        <p data-testid="matrix-empty">{{ t('chain.matrix.empty') }}</p>
      }
    </section>
  `,
  styleUrl: './chain.scss',
  styles: `
    :host {
      padding: 0;
      max-width: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChainMatrix {
  readonly now = input.required<Date>();
  protected readonly context = inject(ChainContext);
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;

  protected readonly error = computed(() => describeError(this.context.overview.error(), this.t));
  protected readonly rows = computed(() => {
    const now = this.now();
    const lang = this.i18n.lang();
    const rows = this.context.overview.hasValue() ? this.context.overview.value() : [];
    return rows.map((row) => matrixRow(row, now, lang, this.t));
  });
}
