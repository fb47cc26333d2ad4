import { DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AbstractControl } from '@angular/forms';
import type { Observable } from 'rxjs';
import { GraphqlRequestError } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { describeError } from '../../shared/session/session.service';
import { IncidentContext } from './incident-context';
import { type FieldProblem, type Incident, diffRows, fieldProblemsOf, problemFor } from './incident-view';
import '../../shared/i18n/texts/incident';

/** A labelled answer, as shown side by side in a conflict. */
export interface Answer {
  readonly label: string;
  readonly value: string;
}

export interface MutationCall {
  readonly id: string;
  /** The version the person saw; after a conflict the reloaded one, so a second save goes against it. */
  readonly expectedVersion: number;
  /** True once the person ticked "no client data" after a privacy warning. */
  readonly confirmPrivacyWarnings: boolean;
}

export interface RunOptions {
  /** Announced and shown after the save. */
  readonly success: string;
  /** The API's field names → the form's controls, so a problem shows at its field (mat-error, aria-invalid). */
  readonly controls?: Readonly<Record<string, AbstractControl>>;
  /** What the person tried to save, in words (for a conflict: shown beside what is stored now). */
  readonly mine?: () => readonly Answer[];
  /** The same answers as they are stored in an incident. */
  readonly stored?: (incident: Incident) => readonly Answer[];
  readonly onSuccess?: (incident: Incident) => void;
}

interface Conflict {
  readonly message: string;
  readonly mine: readonly Answer[];
  readonly stored: ((incident: Incident) => readonly Answer[]) | undefined;
}

/**
 * Runs one step's mutation and handles every answer the same way on every step:
 * - success: the page takes the new version, the result is announced;
 * - `BAD_USER_INPUT`: each problem at its field;
 * - `PRIVACY_CONFIRMATION_REQUIRED`: the warnings, and a checkbox whose tick resends with `confirmPrivacyWarnings`;
 * - `CONFLICT` (someone else saved first, or the stage moved on): the form keeps what was typed, the incident is
 *   reloaded, and what changed is shown next to the person's values until a save succeeds;
 * - anything else: the message.
 * Create it in a component's field initialiser (it injects).
 */
export class MutationRunner {
  private readonly context = inject(IncidentContext);
  private readonly t = inject(TranslationService).t;
  private readonly destroyRef = inject(DestroyRef);

  readonly busy = signal(false);
  readonly problems = signal<readonly FieldProblem[]>([]);
  readonly error = signal<string | null>(null);
  readonly saved = signal<string | null>(null);
  readonly privacyWarnings = signal<readonly FieldProblem[]>([]);
  readonly privacyConfirmed = signal(false);
  private readonly conflictState = signal<Conflict | null>(null);
  readonly conflict = computed(() => this.conflictState()?.message ?? null);
  /** What is stored now beside what the person typed, where they differ. */
  readonly conflictRows = computed(() => {
    const conflict = this.conflictState();
    const incident = this.context.incident();
    return conflict?.stored && incident ? diffRows(conflict.stored(incident), conflict.mine) : [];
  });

  problemFor(...names: readonly string[]): string | null {
    return problemFor(this.problems(), ...names);
  }

  run(mutate: (call: MutationCall) => Observable<Incident>, options: RunOptions): void {
    const before = this.context.incident();
    if (!before || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.saved.set(null);
    this.problems.set([]);
    const confirm = this.privacyWarnings().length > 0 && this.privacyConfirmed();
    const mine = options.mine?.() ?? [];
    mutate({ id: before.id, expectedVersion: before.version, confirmPrivacyWarnings: confirm })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (after) => {
          this.busy.set(false);
          this.conflictState.set(null);
          this.privacyWarnings.set([]);
          this.privacyConfirmed.set(false);
          this.saved.set(options.success);
          // The new version first: a follow-up save in onSuccess goes against it.
          this.context.saved(before, after);
          this.context.announce(options.success);
          options.onSuccess?.(after);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.failed(error, options, mine);
        },
      });
  }

  private failed(error: unknown, options: RunOptions, mine: readonly Answer[]): void {
    const code = error instanceof GraphqlRequestError ? error.code : undefined;
    const message = describeError(error, this.t) ?? '';
    switch (code) {
      case 'CONFLICT':
        this.conflictState.set({ message, mine, stored: options.stored });
        this.context.reload();
        this.context.announce(this.t('incident.conflict.announce'));
        return;
      case 'PRIVACY_CONFIRMATION_REQUIRED':
        this.privacyWarnings.set(fieldProblemsOf(error));
        this.privacyConfirmed.set(false);
        this.context.announce(this.t('incident.privacy.announce'));
        return;
      case 'BAD_USER_INPUT': {
        const problems = fieldProblemsOf(error);
        this.problems.set(problems);
        this.error.set(message);
        for (const [field, control] of Object.entries(options.controls ?? {})) {
          const text = problemFor(problems, field);
          if (text) {
            control.setErrors({ ...(control.errors ?? {}), server: text });
            control.markAsTouched();
          }
        }
        return;
      }
      default:
        this.error.set(message);
    }
  }
}
