import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { FormControl } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { startWith, switchMap } from 'rxjs';
import type { Choice } from './choice-radios';

/** One question answered by any number of choices (a fieldset of checkboxes), with the API's problem at it. */
@Component({
  selector: 'app-choice-checkboxes',
  imports: [MatCheckboxModule],
  template: `
    <fieldset
      [attr.data-testid]="id()"
      [attr.aria-describedby]="error() ? id() + '-error' : null"
      [attr.aria-invalid]="error() ? 'true' : null"
    >
      <legend>{{ label() }}</legend>
      @for (option of options(); track option.value) {
        <mat-checkbox [checked]="value().includes(option.value)" (change)="toggle(option.value, $event.checked)">{{
          option.label
        }}</mat-checkbox>
      }
      @if (error(); as message) {
        <p class="field-error" [id]="id() + '-error'">{{ message }}</p>
      }
    </fieldset>
  `,
  styles: `
    fieldset {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      margin: 8px 0 12px;
      padding: 8px 16px;
    }
    legend {
      font: var(--mat-sys-title-small);
      padding: 0 4px;
    }
    .field-error {
      flex-basis: 100%;
      color: var(--mat-sys-error);
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChoiceCheckboxes {
  readonly id = input.required<string>();
  readonly label = input.required<string>();
  readonly control = input.required<FormControl<readonly string[]>>();
  readonly options = input.required<readonly Choice[]>();
  readonly error = input<string | null>(null);

  /** The control's value as a signal: a reset from outside (a new version loaded) shows without a click here. */
  protected readonly value = toSignal(
    toObservable(this.control).pipe(switchMap((control) => control.valueChanges.pipe(startWith(control.value)))),
    { initialValue: [] as readonly string[] },
  );

  protected toggle(value: string, checked: boolean): void {
    const control = this.control();
    const without = control.value.filter((v) => v !== value);
    // Kept in the options' order, so the same answer always reads the same.
    const next = checked
      ? this.options()
          .map((o) => o.value)
          .filter((v) => v === value || without.includes(v))
      : without;
    control.setValue(next);
    control.markAsDirty();
  }
}
