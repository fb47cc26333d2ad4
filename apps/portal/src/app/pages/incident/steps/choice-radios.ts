import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatRadioModule } from '@angular/material/radio';

export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** One question answered by one choice (radio buttons), labelled, with the API's problem at it. */
@Component({
  selector: 'app-choice-radios',
  imports: [ReactiveFormsModule, MatRadioModule],
  template: `
    <div class="choice">
      <span class="label" [id]="id() + '-label'">{{ label() }}</span>
      <mat-radio-group
        [formControl]="control()"
        [attr.aria-labelledby]="id() + '-label'"
        [attr.aria-describedby]="error() ? id() + '-error' : null"
        [attr.aria-invalid]="error() ? 'true' : null"
        [attr.data-testid]="id()"
      >
        @for (option of options(); track option.value) {
          <mat-radio-button [value]="option.value">{{ option.label }}</mat-radio-button>
        }
      </mat-radio-group>
      @if (error(); as message) {
        <p class="field-error" [id]="id() + '-error'">{{ message }}</p>
      }
    </div>
  `,
  styles: `
    .choice {
      margin: 4px 0 12px;
    }
    .label {
      display: block;
      font-weight: 500;
    }
    mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 0 8px;
    }
    .field-error {
      color: var(--mat-sys-error);
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChoiceRadios {
  readonly id = input.required<string>();
  readonly label = input.required<string>();
  readonly control = input.required<FormControl<string>>();
  readonly options = input.required<readonly Choice[]>();
  readonly error = input<string | null>(null);
}
