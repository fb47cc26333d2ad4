import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslationService } from '../../shared/i18n/translation.service';
import type { MutationRunner } from './mutation-runner';
import { PrivacyConfirmation } from './privacy-confirmation';
import '../../shared/i18n/texts/incident';

/**
 * What a step's save answered, the same on every step: a conflict with what changed beside what the person
 * typed, privacy warnings with the confirmation that resends, the error, or that it was saved. The page's live
 * region says the result; alerts here are for problems that need the person now.
 */
@Component({
  selector: 'app-mutation-feedback',
  imports: [MatIconModule, PrivacyConfirmation],
  template: `
    @let r = runner();
    @if (r.conflict(); as message) {
      <div class="box conflict" role="alert" data-testid="conflict">
        <p class="title"><mat-icon aria-hidden="true" svgIcon="error" /> {{ t('incident.conflict.title') }}</p>
        <p data-testid="conflict-message">{{ message }}</p>
        <p>{{ t('incident.conflict.kept') }}</p>
        @if (r.conflictRows().length > 0) {
          <table class="diff" data-testid="conflict-diff">
            <caption>
              {{
                t('incident.conflict.caption')
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ t('incident.conflict.answer') }}</th>
                <th scope="col">{{ t('incident.conflict.stored') }}</th>
                <th scope="col">{{ t('incident.conflict.mine') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of r.conflictRows(); track row.label) {
                <tr>
                  <th scope="row">{{ row.label }}</th>
                  <td data-testid="conflict-stored">{{ row.stored }}</td>
                  <td data-testid="conflict-mine">{{ row.mine }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
      </div>
    }
    <app-privacy-confirmation [warnings]="r.privacyWarnings()" [(confirmed)]="r.privacyConfirmed" />
    @if (r.error(); as message) {
      <p class="error" role="alert" data-testid="save-error">
        <mat-icon aria-hidden="true" svgIcon="error" /> {{ message }}
      </p>
    }
    @if (r.saved(); as text) {
      <p class="saved" data-testid="save-result"><mat-icon aria-hidden="true" svgIcon="check_circle" /> {{ text }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .box {
      border-radius: 8px;
      padding: 8px 16px;
      margin: 12px 0;
      max-width: 75ch;
    }
    .conflict {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .title,
    .error,
    .saved {
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .title {
      font: var(--mat-sys-title-small);
    }
    .error {
      color: var(--mat-sys-error);
    }
    .diff {
      border-collapse: collapse;
      margin: 8px 0;
    }
    .diff caption {
      text-align: left;
      font-weight: 500;
      padding-bottom: 4px;
    }
    .diff th,
    .diff td {
      text-align: left;
      vertical-align: top;
      padding: 4px 12px 4px 0;
      border-top: 1px solid currentColor;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MutationFeedback {
  readonly runner = input.required<MutationRunner>();
  protected readonly t = inject(TranslationService).t;
}
