import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { map } from 'rxjs';
import { IncidentNotificationsDocument } from '../../shared/api/operations/incident.generated';
import { GraphqlClient } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { describeError } from '../../shared/session/session.service';
import { IncidentContext } from './incident-context';
import type { Incident } from './incident-view';
import { notificationRows } from './notification-rows';
import '../../shared/i18n/texts/incident';

/**
 * "Berichten": the e-mails about this incident (issue 16 item 6), oldest first: what about, to whom (role and
 * masked address), their delivery status and when. Read again with every new version (a change may queue a
 * mail in its own transaction) and on request, since delivery goes on without the incident changing.
 */
@Component({
  selector: 'app-incident-notifications',
  imports: [MatButtonModule],
  template: `
    <section aria-labelledby="mail-title" data-testid="notifications">
      <h2 id="mail-title">{{ t('incident.mail.title') }}</h2>
      <p class="hint">{{ t('incident.mail.hint') }}</p>
      @if (error(); as message) {
        <p class="error" role="alert" data-testid="notifications-error">{{ t('incident.mail.error') }} {{ message }}</p>
      }
      @if (rows(); as rows) {
        @if (rows.length > 0) {
          <ul class="mails" [attr.aria-label]="t('incident.mail.caption')">
            @for (r of rows; track r.id) {
              <li data-testid="notification" [attr.data-event]="r.event" [attr.data-status]="r.status">
                <p class="head">
                  <span class="event" data-testid="notification-event">{{ r.eventText }}</span> ·
                  <span class="status" data-testid="notification-status">{{ r.statusText }}</span>
                </p>
                <p class="line">
                  {{ t('incident.mail.to') }}:
                  <span data-testid="notification-to">{{ r.to }}</span>
                </p>
                <p class="line">
                  <time [attr.datetime]="r.at">{{ r.when }}</time>
                  @if (r.attempts) {
                    · {{ r.attempts }}
                  }
                  @if (r.next) {
                    · {{ r.next }}
                  }
                </p>
                @if (r.failure) {
                  <p class="line failure" data-testid="notification-failure">{{ r.failure }}</p>
                }
              </li>
            }
          </ul>
        } @else {
          <p class="hint" data-testid="notifications-none">{{ t('incident.mail.none') }}</p>
        }
      }
      <div class="actions">
        <button
          mat-stroked-button
          type="button"
          data-testid="notifications-refresh"
          [disabled]="resource.isLoading()"
          (click)="refresh()"
        >
          {{ t('incident.mail.refresh') }}
        </button>
      </div>
    </section>
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 8px;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      max-width: 90ch;
    }
    .mails {
      list-style: none;
      padding: 0;
      max-width: 90ch;
    }
    .mails > li {
      border-top: 1px solid var(--mat-sys-outline-variant);
      padding: 6px 0;
    }
    .head,
    .line {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .event {
      font-weight: 500;
    }
    li[data-status='DEAD'] .status,
    li[data-status='RETRYING'] .status,
    .failure,
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IncidentNotifications {
  readonly incident = input.required<Incident>();
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  private readonly context = inject(IncidentContext);
  protected readonly t = this.i18n.t;

  protected readonly resource = rxResource({
    params: () => `${this.incident().id}@${this.incident().version}`,
    stream: () =>
      this.graphql
        .request(IncidentNotificationsDocument, { incidentId: this.incident().id })
        .pipe(map((data) => data.incidentNotifications)),
  });
  protected readonly error = computed(() => describeError(this.resource.error(), this.t));
  protected readonly rows = computed(() => {
    if (!this.resource.hasValue()) return null;
    const lang = this.i18n.lang();
    return notificationRows(this.resource.value(), lang, this.t);
  });
  private readonly announceNext = signal(false);

  constructor() {
    // A refresh asked for by the person is said (the list changing on its own is not).
    effect(() => {
      const rows = this.rows();
      if (!rows || this.resource.isLoading()) return;
      untracked(() => {
        if (!this.announceNext()) return;
        this.announceNext.set(false);
        this.context.announce(this.t('incident.mail.refreshed', { count: rows.length }));
      });
    });
  }

  protected refresh(): void {
    this.announceNext.set(true);
    this.resource.reload();
  }
}
