import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { GraphqlRequestError } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { incidentLabel } from '../../shared/labels/incident-labels';
import { SessionService, describeError } from '../../shared/session/session.service';
import { formatInstant } from '../incident/incident-view';
import { ChainContent } from './chain-content';
import { ChainContext } from './chain-context';
import { LIST_TICK_MS } from './chain-list';
import { ChainMatrix } from './chain-matrix';
import { ChainPartnerCard } from './chain-partner-card';
import { ChainPartners } from './chain-partners';
import { ChainTimeline } from './chain-timeline';
import { awarenessRule, partnerCountdown } from './chain-view';
import '../../shared/i18n/texts/chain';
import '../../shared/i18n/texts/incident';
import '../../shared/i18n/texts/viewer-log';

/**
 * One chain incident (`/keten/:id`). For the reporter and HINQ's coordinator: the shared text (compose, adjust per
 * partner), choosing partners with reasoning, the partner matrix with live clocks, approve and send per partner,
 * and the shared timeline. For an informed partner: only its own notification and the timeline. Anyone else gets
 * "not found" from the API (an uninformed partner cannot learn that the chain incident exists).
 */
@Component({
  selector: 'app-chain-incident',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    ChainContent,
    ChainMatrix,
    ChainPartnerCard,
    ChainPartners,
    ChainTimeline,
  ],
  providers: [ChainContext],
  templateUrl: './chain-incident.html',
  styleUrl: './chain.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChainIncidentPage {
  /** The route's `:id` (component input binding). */
  readonly id = input.required<string>();

  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;
  protected readonly session = inject(SessionService);
  protected readonly context = inject(ChainContext);
  protected readonly chain = this.context.chain;
  protected readonly rights = this.context.rights;
  protected readonly now = signal(new Date());

  protected readonly notFound = computed(() => {
    const error = this.context.loadError();
    return error instanceof GraphqlRequestError && error.code === 'NOT_FOUND';
  });
  protected readonly loadError = computed(() =>
    this.notFound() ? null : describeError(this.context.loadError(), this.t),
  );
  protected readonly header = computed(() => {
    const chain = this.chain();
    if (!chain) return null;
    const lang = this.i18n.lang();
    return {
      scenario: incidentLabel('ChainScenario', chain.scenario, lang),
      scenarioExplain: this.t(`chain.scenario.${chain.scenario}`),
      participation: chain.participation.map((p) => incidentLabel('ChainParticipation', p, lang)).join(', '),
      discovered: formatInstant(chain.discoveredAt, lang),
      declared: formatInstant(chain.declaredAt, lang),
      clock: partnerCountdown({ state: 'OPEN', deadline: chain.partnerDeadline }, this.now(), lang),
    };
  });
  /** An informed partner's own notification (the only one it sees). */
  protected readonly own = computed(() => {
    const chain = this.chain();
    if (!chain || !this.rights()?.partnerOnly) return null;
    const lang = this.i18n.lang();
    return chain.partners.map((p) => ({
      ...p,
      statusText: incidentLabel('PartnerNotificationStatus', p.status, lang),
      sent: formatInstant(p.sentAt, lang),
      acknowledged: p.acknowledgedAt ? formatInstant(p.acknowledgedAt, lang) : null,
      rule: awarenessRule(p.awareness, lang),
    }));
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.context.id.set(id));
    });
    const timer = setInterval(() => this.now.set(new Date()), LIST_TICK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
