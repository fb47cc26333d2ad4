import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import type { Observable } from 'rxjs';
import { GraphqlRequestError } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { describeError } from '../../shared/session/session.service';
import { type FieldProblem, fieldProblemsOf, problemFor } from '../incident/incident-view';
import { PrivacyConfirmation } from '../incident/privacy-confirmation';
import '../../shared/i18n/texts/incident';

/**
 * One chain mutation and what it answered, the same way on every chain page: busy, the problems per field
 * (`BAD_USER_INPUT`), privacy warnings with the confirmation that resends (`PRIVACY_CONFIRMATION_REQUIRED`), any
 * other refusal as its message (the API's own words: CONFLICT, FORBIDDEN…), or the success text. Create it in a
 * component's field initialiser (it injects).
 */
export class ChainAction {
  private readonly t = inject(TranslationService).t;
  private readonly destroyRef = inject(DestroyRef);

  readonly busy = signal(false);
  readonly problems = signal<readonly FieldProblem[]>([]);
  readonly error = signal<string | null>(null);
  readonly done = signal<string | null>(null);
  readonly privacyWarnings = signal<readonly FieldProblem[]>([]);
  readonly privacyConfirmed = signal(false);

  problemFor(...names: readonly string[]): string | null {
    return problemFor(this.problems(), ...names);
  }

  /** `confirm`: true once the person ticked "no client data" after a privacy warning. */
  run<T>(
    mutate: (confirm: boolean) => Observable<T>,
    success: string,
    onSuccess: (result: T) => void,
    onFailure?: (error: unknown) => void,
  ): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.done.set(null);
    this.problems.set([]);
    const confirm = this.privacyWarnings().length > 0 && this.privacyConfirmed();
    mutate(confirm)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.busy.set(false);
          this.privacyWarnings.set([]);
          this.privacyConfirmed.set(false);
          this.done.set(success);
          onSuccess(result);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const code = error instanceof GraphqlRequestError ? error.code : undefined;
          if (code === 'PRIVACY_CONFIRMATION_REQUIRED') {
            this.privacyWarnings.set(fieldProblemsOf(error));
            this.privacyConfirmed.set(false);
          } else {
            if (code === 'BAD_USER_INPUT') this.problems.set(fieldProblemsOf(error));
            this.error.set(describeError(error, this.t));
          }
          onFailure?.(error);
        },
      });
  }
}

/** What a chain action answered: privacy warnings (with the confirmation), the error, or that it was done. */
@Component({
  selector: 'app-chain-action-feedback',
  imports: [MatIconModule, PrivacyConfirmation],
  template: `
    @let a = action();
    <app-privacy-confirmation [warnings]="a.privacyWarnings()" [(confirmed)]="a.privacyConfirmed" />
    @if (a.error(); as message) {
      <p class="error" role="alert" [attr.data-testid]="testId() + '-error'">
        <mat-icon aria-hidden="true" svgIcon="error" /> {{ message }}
      </p>
    }
    <p class="done" role="status" [attr.data-testid]="testId() + '-done'">
      @if (a.done(); as text) {
        <mat-icon aria-hidden="true" svgIcon="check_circle" /> {{ text }}
      }
    </p>
  `,
  styles: `
    :host {
      display: block;
    }
    .error,
    .done {
      display: flex;
      align-items: center;
      gap: 6px;
      margin: 4px 0;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .done:empty {
      display: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChainActionFeedback {
  readonly action = input.required<ChainAction>();
  /** Prefix of the feedback's test ids: `<id>-error`, `<id>-done`. */
  readonly testId = input('chain-action');
  protected readonly t = inject(TranslationService).t;
}
