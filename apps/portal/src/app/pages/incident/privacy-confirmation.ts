import { ChangeDetectionStrategy, Component, inject, input, model } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { TranslationService } from '../../shared/i18n/translation.service';
import type { FieldProblem } from './incident-view';
import '../../shared/i18n/texts/incident';

/**
 * The privacy guard's answer (`PRIVACY_CONFIRMATION_REQUIRED`): what looked like a client's identity, per field,
 * never the value, and the box the person ticks to send the text anyway ("no client data"). The same on every form
 * that keeps free text; shown only while there are warnings. The form resends with `confirmPrivacyWarnings` once
 * `confirmed` is true.
 */
@Component({
  selector: 'app-privacy-confirmation',
  imports: [MatCheckboxModule, MatIconModule],
  template: `
    @if (warnings().length > 0) {
      <div class="privacy" role="alert" data-testid="privacy-warning">
        <p class="title"><mat-icon aria-hidden="true" svgIcon="error" /> {{ t('incident.privacy.title') }}</p>
        <ul>
          @for (warning of warnings(); track $index) {
            <li>{{ warning.message }}</li>
          }
        </ul>
        <mat-checkbox data-testid="privacy-confirm" [checked]="confirmed()" (change)="confirmed.set($event.checked)">{{
          t('incident.privacy.confirm')
        }}</mat-checkbox>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .privacy {
      border-radius: 8px;
      padding: 8px 16px;
      margin: 8px 0;
      max-width: 75ch;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .title {
      display: flex;
      align-items: center;
      gap: 6px;
      margin: 4px 0;
      font: var(--mat-sys-title-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PrivacyConfirmation {
  readonly warnings = input.required<readonly FieldProblem[]>();
  readonly confirmed = model(false);
  protected readonly t = inject(TranslationService).t;
}
