import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { TranslationKey } from '../../shared/i18n/nl';
import '../../shared/i18n/texts/viewer-log';
import { TranslationService } from '../../shared/i18n/translation.service';
import type { CsvUpload } from './csv-upload';
import type { UploadRefusalView } from './viewer-log-view';

/** What a refusal is called, per kind; a page may name `invalid` its own way. */
export type RefusalTitles = Readonly<Record<UploadRefusalView['kind'], TranslationKey>>;

export const REFUSAL_TITLES: RefusalTitles = {
  tooLarge: 'viewerLog.refusal.tooLarge',
  notCsv: 'viewerLog.refusal.notCsv',
  header: 'viewerLog.refusal.header',
  invalid: 'viewerLog.refusal.invalid',
  other: 'viewerLog.refusal.other',
  network: 'viewerLog.refusal.network',
};

/**
 * A viewer-log upload's progress while it runs (percent sent, then `readingText` while the API reads the file)
 * and the API's refusal when it refused: its title, message, the expected and found header, the fields. Test ids
 * `<testId>-progress`, `<testId>-refusal`, `<testId>-expected-header`.
 */
@Component({
  selector: 'app-upload-feedback',
  imports: [MatIconModule, MatProgressBarModule],
  template: `
    @let u = upload();
    @if (u.uploading()) {
      <div class="progress" [attr.data-testid]="testId() + '-progress'">
        @if (u.progress(); as p) {
          @if (p < 100) {
            <mat-progress-bar mode="determinate" [value]="p" [attr.aria-label]="t('viewerLog.upload.sending')" />
            <span aria-live="polite">{{ t('viewerLog.upload.percent', { percent: p }) }}</span>
          } @else {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="readingText()" />
            <span aria-live="polite">{{ readingText() }}</span>
          }
        } @else {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('viewerLog.upload.sending')" />
        }
      </div>
    }
    @if (u.refusal(); as r) {
      <div class="warning" role="alert" [attr.data-testid]="testId() + '-refusal'" [attr.data-kind]="r.kind">
        <mat-icon aria-hidden="true" svgIcon="error" />
        <div>
          <p>
            <strong>{{ title() }}</strong>
            @if (r.message) {
              {{ r.message }}
            }
          </p>
          @if (r.expectedHeader) {
            <p>
              {{ t('viewerLog.refusal.expected') }}
              <code [attr.data-testid]="testId() + '-expected-header'">{{ r.expectedHeader }}</code>
            </p>
            @if (r.foundHeader) {
              <p>
                {{ t('viewerLog.refusal.found') }} <code>{{ r.foundHeader }}</code>
              </p>
            }
          }
          @if (r.fields.length) {
            <ul>
              @for (f of r.fields; track f.field) {
                <li>{{ f.message }}</li>
              }
            </ul>
          }
        </div>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .progress {
      display: flex;
      flex-direction: column;
      gap: 4px;
      max-width: 50ch;
    }
    .warning {
      display: flex;
      align-items: flex-start;
      gap: 8px;
      max-width: 90ch;
      margin-top: 12px;
      padding: 8px 16px;
      border-radius: 8px;
      border-left: 6px solid var(--mat-sys-error);
      background: var(--mat-sys-surface-container);

      p {
        margin: 4px 0;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadFeedback {
  readonly upload = input.required<CsvUpload<unknown>>();
  /** Prefix of the test ids. */
  readonly testId = input.required<string>();
  /** Said while the API reads the file (the whole file is sent). */
  readonly readingText = input.required<string>();
  readonly titles = input<RefusalTitles>(REFUSAL_TITLES);
  protected readonly t = inject(TranslationService).t;
  protected readonly title = computed(() => {
    const kind = this.upload().refusal()?.kind;
    return kind ? this.t(this.titles()[kind]) : '';
  });
}
