import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { map } from 'rxjs';
import type { MailLocale, MyNotificationSettingsInput } from '../../shared/api/generated/graphql';
import {
  MyNotificationSettingsDocument,
  UpdateMyNotificationSettingsDocument,
} from '../../shared/api/operations/notification-settings.generated';
import { GraphqlClient } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { SessionService, describeError } from '../../shared/session/session.service';
import { type MySettings, subscriptionViews } from './my-notifications-view';
import '../../shared/i18n/texts/notifications';

/**
 * "Mijn berichten", for every signed-in person: which mails their roles bring them (per organisation and role), at
 * which address, the language of their mails, and the FG's daily digest. Each change is saved at once.
 */
@Component({
  selector: 'app-my-notifications',
  imports: [MatCardModule, MatIconModule, MatProgressBarModule, MatRadioModule, MatSlideToggleModule],
  templateUrl: './my-notifications.html',
  styleUrl: './my-notifications.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyNotifications {
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly t = this.i18n.t;
  protected readonly session = inject(SessionService);
  protected readonly locales: readonly { value: MailLocale; label: 'lang.nl' | 'lang.en' }[] = [
    { value: 'NL', label: 'lang.nl' },
    { value: 'EN', label: 'lang.en' },
  ];

  private readonly resource = rxResource({
    // Memberships decide the subscriptions: reload when they (the person's me) change.
    params: () => this.session.me()?.user.id,
    stream: () => this.graphql.request(MyNotificationSettingsDocument).pipe(map((d) => d.myNotificationSettings)),
  });
  /** What the page shows: the last answer of the API, loaded or saved. */
  protected readonly settings = linkedSignal<MySettings | undefined, MySettings | undefined>({
    source: () => (this.resource.hasValue() ? this.resource.value() : undefined),
    computation: (loaded) => loaded,
  });
  protected readonly loading = computed(() => this.resource.isLoading());
  protected readonly loadError = computed(() => describeError(this.resource.error(), this.t));
  protected readonly organisations = computed(() => {
    const settings = this.settings();
    return settings ? subscriptionViews(settings, this.i18n.lang(), this.t) : [];
  });
  protected readonly saving = signal(false);
  protected readonly status = signal<{ ok: boolean; text: string } | null>(null);

  protected setLocale(locale: MailLocale): void {
    this.save({ locale });
  }

  protected setDigest(on: boolean): void {
    this.save({ dailyDigest: on });
  }

  private save(input: MyNotificationSettingsInput): void {
    this.saving.set(true);
    this.status.set(null);
    this.graphql
      .request(UpdateMyNotificationSettingsDocument, { input })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (data) => {
          this.saving.set(false);
          this.settings.set(data.updateMyNotificationSettings);
          this.status.set({ ok: true, text: this.t('notify.saved') });
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.status.set({ ok: false, text: `${this.t('notify.saveError')} ${describeError(error, this.t) ?? ''}` });
        },
      });
  }
}
