import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import {
  AcknowledgePartnerNotificationDocument,
  PartnerNotificationDocument,
} from '../../shared/api/operations/chain.generated';
import { GraphqlClient, GraphqlRequestError } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { incidentLabel } from '../../shared/labels/incident-labels';
import { SessionService, describeError } from '../../shared/session/session.service';
import { formatInstant } from '../incident/incident-view';
import { ChainAction, ChainActionFeedback } from './chain-action';
import { type PartnerNotification, awarenessRule } from './chain-view';
import '../../shared/i18n/texts/chain';

/**
 * The partner's page from the mail's link (`/keten/partnermeldingen/:id`; after login the portal returns here):
 * the notification, the awareness rule that starts the partner's own 72 hours, "Ontvangst bevestigen" for its FG or
 * privacy officer, and then the way to its own linked incident, where it runs steps 1–7 itself.
 */
@Component({
  selector: 'app-partner-acknowledge',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, RouterLink, ChainActionFeedback],
  template: `
    <h1 class="page-title">{{ t('chain.ack.title') }}</h1>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('app.loading')" />
    }
    @if (session.meErrorMessage(); as message) {
      <p class="error" role="alert">{{ t('home.meError') }} {{ message }}</p>
    } @else if (session.mustChoose()) {
      <p data-testid="choose-prompt">{{ t('org.choosePrompt') }}</p>
    } @else if (session.me() && !mayRead()) {
      <p class="error" data-testid="not-allowed">
        <mat-icon aria-hidden="true" svgIcon="error" /> {{ t('chain.notAllowed') }}
      </p>
    } @else if (notFound()) {
      <p class="error" role="alert" data-testid="ack-not-found">
        <mat-icon aria-hidden="true" svgIcon="error" /> {{ t('chain.ack.notFound') }}
      </p>
    } @else if (loadError(); as message) {
      <p class="error" role="alert">{{ t('chain.incident.loadError') }} {{ message }}</p>
    }
    @if (view(); as n) {
      <section
        class="panel"
        aria-labelledby="ack-notification"
        data-testid="ack-notification"
        [attr.data-status]="n.status"
      >
        <h2 id="ack-notification">
          {{ t('chain.ack.from', { reporter: n.reportingOrganisation.name, reference: n.reference }) }}
        </h2>
        <dl class="facts">
          <dt>{{ t('chain.ack.for') }}</dt>
          <dd data-testid="ack-partner">{{ n.partnerOrganisation.name }}</dd>
          <dt>{{ t('chain.col.scenario') }}</dt>
          <dd>{{ n.scenarioText }}</dd>
          <dt>{{ t('chain.own.status') }}</dt>
          <dd data-testid="ack-status">{{ n.statusText }}</dd>
          <dt>{{ t('chain.partner.sentAt') }}</dt>
          <dd>{{ n.sent }}</dd>
          @if (n.content; as c) {
            <dt>{{ t('chain.content.nature') }}</dt>
            <dd data-testid="ack-nature">{{ c.nature }}</dd>
            <dt>{{ t('chain.content.impact') }}</dt>
            <dd>{{ c.impact }}</dd>
            <dt>{{ t('chain.content.measures') }}</dt>
            <dd>{{ c.measures }}</dd>
            <dt>{{ t('chain.content.records') }}</dt>
            <dd>{{ c.affectedRecords ?? t('chain.unknown') }}</dd>
          }
        </dl>
        @if (n.ownApDecisionRequired) {
          <p class="warning" data-testid="ack-own-decision">
            <mat-icon aria-hidden="true" svgIcon="error" /> {{ t('chain.ack.ownDecision') }}
          </p>
        }
        <h3>{{ t('chain.ack.awarenessTitle') }}</h3>
        <p data-testid="ack-awareness-rule">{{ n.rule ?? t('chain.ack.awarenessBeforeSending') }}</p>
        @if (n.awarenessText; as a) {
          <p data-testid="ack-awareness">{{ a }}</p>
        }
        @if (n.acknowledgedAt) {
          <p class="done-line" data-testid="ack-done">
            <mat-icon aria-hidden="true" svgIcon="check_circle" />
            {{ t('chain.ack.acknowledged', { at: n.acknowledged, name: n.acknowledgedByName ?? '—' }) }}
          </p>
        } @else if (n.status === 'SENT') {
          @if (mayAcknowledge()) {
            <button
              mat-flat-button
              type="button"
              data-testid="ack-button"
              [disabled]="action.busy()"
              (click)="acknowledge()"
            >
              {{ t('chain.ack.button') }}
            </button>
          } @else {
            <p class="hint" data-testid="ack-who">{{ t('chain.ack.who') }}</p>
          }
        }
        <app-chain-action-feedback [action]="action" testId="ack" />
        <div class="actions">
          @if (n.linkedIncidentId) {
            <a mat-stroked-button [routerLink]="['/meldingen', n.linkedIncidentId]" data-testid="ack-linked">{{
              t('chain.ack.linked')
            }}</a>
          }
          <a mat-button [routerLink]="['/keten', n.chainIncidentId]" data-testid="ack-chain">{{
            t('chain.ack.chain')
          }}</a>
        </div>
      </section>
    }
  `,
  styleUrl: './chain.scss',
  styles: `
    .done-line {
      display: flex;
      align-items: center;
      gap: 6px;
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerAcknowledge {
  /** The route's `:id` (component input binding). */
  readonly id = input.required<string>();

  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;
  protected readonly session = inject(SessionService);
  protected readonly action = new ChainAction();

  protected readonly mayRead = computed(() => this.session.can('read', 'ChainIncident'));
  protected readonly mayAcknowledge = computed(() => this.session.can('acknowledge', 'ChainIncident'));
  private readonly resource = rxResource({
    params: () => {
      const organisation = this.session.me()?.actingOrganisation?.id;
      return organisation && this.mayRead() ? `${organisation}/${this.id()}` : undefined;
    },
    stream: () =>
      this.graphql
        .request(PartnerNotificationDocument, { id: this.id() })
        .pipe(map((data) => data.partnerNotification)),
  });
  private readonly notification = linkedSignal<PartnerNotification | undefined>(() =>
    this.resource.hasValue() ? this.resource.value() : undefined,
  );
  protected readonly loading = computed(() => this.resource.isLoading() || this.session.meLoading());
  protected readonly notFound = computed(() => {
    const error = this.resource.error();
    return error instanceof GraphqlRequestError && error.code === 'NOT_FOUND';
  });
  protected readonly loadError = computed(() =>
    this.notFound() ? null : describeError(this.resource.error(), this.t),
  );

  protected readonly view = computed(() => {
    const n = this.notification();
    if (!n) return null;
    const lang = this.i18n.lang();
    return {
      ...n,
      scenarioText: incidentLabel('ChainScenario', n.scenario, lang),
      statusText: incidentLabel('PartnerNotificationStatus', n.status, lang),
      sent: formatInstant(n.sentAt, lang),
      acknowledged: formatInstant(n.acknowledgedAt, lang),
      rule: awarenessRule(n.awareness, lang),
      awarenessText: n.awareness
        ? this.t('chain.ack.awarenessAt', {
            basis: incidentLabel('AwarenessBasis', n.awareness.basis, lang),
            at: formatInstant(n.awareness.at, lang),
          })
        : null,
    };
  });

  protected acknowledge(): void {
    const id = this.id();
    this.action.run(
      () =>
        this.graphql
          .request(AcknowledgePartnerNotificationDocument, { id })
          .pipe(map((data) => data.acknowledgePartnerNotification)),
      this.t('chain.ack.saved'),
      (next) => this.notification.set(next),
    );
  }
}
