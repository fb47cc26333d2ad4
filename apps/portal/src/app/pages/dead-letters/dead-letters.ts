import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DeadLettersDocument, RetryDeadLetterDocument } from '../../shared/api/operations/dead-letters.generated';
import { GraphqlClient } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { SessionService, describeError } from '../../shared/session/session.service';
import { deadLetterView } from './dead-letters-view';
import '../../shared/i18n/texts/notifications';

/**
 * "Onbestelbare berichten", the platform admin's page: mails that could not be delivered with the mail server's
 * reason, a retry per message (after the cause is fixed), and the organisations whose FG no mail can reach.
 */
@Component({
  selector: 'app-dead-letters',
  imports: [MatButtonModule, MatCardModule, MatIconModule, MatProgressBarModule],
  templateUrl: './dead-letters.html',
  styleUrl: './dead-letters.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeadLetters {
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly t = this.i18n.t;
  protected readonly session = inject(SessionService);

  protected readonly allowed = computed(() => this.session.can('read', 'NotificationDelivery'));
  private readonly resource = rxResource({
    params: () => (this.allowed() && !this.session.meLoading() ? true : undefined),
    stream: () => this.graphql.request(DeadLettersDocument),
  });
  protected readonly loading = computed(() => this.resource.isLoading() || this.session.meLoading());
  protected readonly loadError = computed(() => describeError(this.resource.error(), this.t));
  private readonly data = computed(() => (this.resource.hasValue() ? this.resource.value() : undefined));
  protected readonly letters = computed(() =>
    (this.data()?.deadLetters ?? []).map((l) => deadLetterView(l, this.i18n.lang(), this.t)),
  );
  protected readonly unreachable = computed(() => this.data()?.unreachableOrganisations ?? []);
  protected readonly loaded = computed(() => this.data() !== undefined);
  protected readonly retrying = signal<string | null>(null);
  protected readonly status = signal<{ ok: boolean; text: string } | null>(null);

  protected reload(): void {
    this.resource.reload();
  }

  protected retry(id: string): void {
    if (this.retrying()) return;
    this.retrying.set(id);
    this.status.set(null);
    this.graphql
      .request(RetryDeadLetterDocument, { id })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.retrying.set(null);
          this.status.set({ ok: true, text: this.t('dead.retried') });
          this.resource.reload();
        },
        error: (error: unknown) => {
          this.retrying.set(null);
          this.status.set({ ok: false, text: `${this.t('dead.retryError')} ${describeError(error, this.t) ?? ''}` });
        },
      });
  }
}
