import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { type FormControl, type FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatInputModule } from '@angular/material/input';
import { startWith, switchMap } from 'rxjs';
import type { CountKind } from '../../../shared/api/generated/graphql';
import { TranslationService } from '../../../shared/i18n/translation.service';
import { enumChoices } from '../incident-view';
import { ChoiceRadios } from './choice-radios';
import '../../../shared/i18n/texts/incident';

export type CountGroup = FormGroup<{
  kind: FormControl<CountKind>;
  value: FormControl<number | null>;
  min: FormControl<number | null>;
  max: FormControl<number | null>;
}>;

/** An approximate number: exactly n, a range from–to, or unknown (the checklist's records, persons, recipients). */
@Component({
  selector: 'app-count-field',
  imports: [ReactiveFormsModule, MatInputModule, ChoiceRadios],
  template: `
    @let g = group();
    <fieldset [attr.data-testid]="id()" [formGroup]="g">
      <legend>{{ label() }}</legend>
      <app-choice-radios
        [id]="id() + '-kind'"
        [label]="t('incident.count.kind')"
        [control]="g.controls.kind"
        [options]="kinds()"
      />
      @if (kind() === 'EXACT') {
        <mat-form-field appearance="outline">
          <mat-label>{{ t('incident.count.value') }}</mat-label>
          <input matInput type="number" min="0" step="1" formControlName="value" [attr.data-testid]="id() + '-value'" />
          @if (error('value'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
      } @else if (kind() === 'RANGE') {
        <div class="range">
          <mat-form-field appearance="outline">
            <mat-label>{{ t('incident.count.min') }}</mat-label>
            <input matInput type="number" min="0" step="1" formControlName="min" [attr.data-testid]="id() + '-min'" />
            @if (error('min'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('incident.count.max') }}</mat-label>
            <input matInput type="number" min="0" step="1" formControlName="max" [attr.data-testid]="id() + '-max'" />
            @if (error('max'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
        </div>
      }
    </fieldset>
  `,
  styles: `
    fieldset {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      margin: 8px 0 12px;
      padding: 8px 16px;
    }
    legend {
      font: var(--mat-sys-title-small);
      padding: 0 4px;
    }
    .range {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    mat-form-field {
      width: 12rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CountField {
  readonly id = input.required<string>();
  readonly label = input.required<string>();
  readonly group = input.required<CountGroup>();
  /** The API's problems by part (`value`, `min`, `max`). */
  readonly problems = input<Readonly<Record<string, string | null>>>({});
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;
  protected readonly kinds = computed(() => enumChoices('CountKind', this.i18n.lang()));
  protected readonly kind = toSignal(
    toObservable(this.group).pipe(
      switchMap((g) => g.controls.kind.valueChanges.pipe(startWith(g.controls.kind.value))),
    ),
    { initialValue: 'UNKNOWN' as CountKind },
  );

  protected error(part: string): string | null {
    return this.problems()[part] ?? null;
  }
}
