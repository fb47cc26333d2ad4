import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import type { ChainScenario } from '../../shared/api/generated/graphql';
import {
  DeclareChainScenarioDocument,
  IncidentChainSituationDocument,
} from '../../shared/api/operations/chain.generated';
import { GraphqlClient } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { incidentLabel } from '../../shared/labels/incident-labels';
import { SessionService, describeError } from '../../shared/session/session.service';
import { ChainAction, ChainActionFeedback } from './chain-action';
import { declarationAdvice } from './chain-view';
import '../../shared/i18n/texts/chain';

const SCENARIOS: readonly ChainScenario[] = ['A', 'B', 'C'];

/**
 * "Keten" on the incident page (issue 17 item 1): the privacy officer or FG says which situation of the protocol
 * applies — A (at HINQ or reported to HINQ), B (internal only), C (possibly other organisations' data). A and C
 * create a chain incident that HINQ coordinates; once there is one, this links to it (`/keten/:id`).
 */
@Component({
  selector: 'app-chain-declare',
  imports: [FormsModule, MatButtonModule, MatIconModule, MatRadioModule, RouterLink, ChainActionFeedback],
  template: `
    @if (mayRead()) {
      <section class="chain" aria-labelledby="chain-declare-title" data-testid="chain-declare">
        <h2 id="chain-declare-title">{{ t('chain.declare.title') }}</h2>
        @if (chain(); as chain) {
          <p data-testid="chain-declared">
            {{ t('chain.declare.exists', { reference: chain.reference, scenario: scenarioText(chain.scenario) }) }}
          </p>
          <a mat-stroked-button [routerLink]="['/keten', chain.id]" data-testid="chain-link">{{
            t('chain.declare.open')
          }}</a>
        } @else if (loadError(); as message) {
          <p class="error" role="alert">{{ t('chain.list.loadError') }} {{ message }}</p>
        } @else if (list.hasValue()) {
          @if (internal()) {
            <p data-testid="chain-internal">{{ t('chain.declare.internal') }}</p>
          }
          @if (mayDeclare()) {
            @if (advice() === 'recommended') {
              <p class="advice" data-testid="chain-advice">
                <mat-icon aria-hidden="true" svgIcon="error" /> {{ t('chain.declare.recommended') }}
              </p>
            }
            @if (open()) {
              <fieldset class="choices">
                <legend>{{ t('chain.declare.question') }}</legend>
                <mat-radio-group
                  [ngModel]="scenario()"
                  (ngModelChange)="scenario.set($event)"
                  data-testid="chain-scenario"
                  [attr.aria-label]="t('chain.declare.question')"
                >
                  @for (s of scenarios; track s) {
                    <mat-radio-button [value]="s" [attr.data-testid]="'chain-scenario-' + s">
                      <span class="choice">
                        <span class="name">{{ scenarioText(s) }}</span>
                        <span class="explain">{{ t(explainKey(s)) }}</span>
                      </span>
                    </mat-radio-button>
                  }
                </mat-radio-group>
              </fieldset>
              <button
                mat-flat-button
                type="button"
                data-testid="chain-declare-save"
                [disabled]="!scenario() || action.busy()"
                (click)="declare()"
              >
                {{ t('chain.declare.save') }}
              </button>
              <app-chain-action-feedback [action]="action" testId="chain-declare" />
            } @else {
              <p class="hint">{{ t('chain.declare.optional') }}</p>
              <button mat-stroked-button type="button" data-testid="chain-declare-open" (click)="open.set(true)">
                {{ t('chain.declare.start') }}
              </button>
            }
          } @else {
            <p class="hint" data-testid="chain-none">{{ t('chain.declare.none') }}</p>
          }
        }
      </section>
    }
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 8px;
    }
    .chain {
      max-width: 90ch;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .advice {
      display: flex;
      gap: 6px;
      align-items: center;
      font-weight: 500;
    }
    .choices {
      border: 0;
      padding: 0;
      margin: 0 0 12px;
    }
    legend {
      font-weight: 500;
      margin-bottom: 4px;
    }
    mat-radio-group {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .choice {
      display: flex;
      flex-direction: column;
      padding: 4px 0;
    }
    .name {
      font-weight: 500;
    }
    .explain {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChainDeclare {
  readonly incidentId = input.required<string>();
  readonly otherOrganisationsInvolved = input.required<string>();

  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  private readonly session = inject(SessionService);
  protected readonly t = this.i18n.t;
  protected readonly scenarios = SCENARIOS;
  protected readonly action = new ChainAction();

  protected readonly mayRead = computed(() => this.session.can('read', 'ChainIncident'));
  protected readonly mayDeclare = computed(() => this.session.can('update', 'ChainIncident'));
  protected readonly advice = computed(() => declarationAdvice(this.otherOrganisationsInvolved()));

  /** The situation declared for this breach (also B, kept on the breach itself) and its chain incident, if any. */
  protected readonly list = rxResource({
    params: () => (this.mayRead() ? `${this.session.me()?.actingOrganisation?.id}/${this.incidentId()}` : undefined),
    stream: () =>
      this.graphql
        .request(IncidentChainSituationDocument, { incidentId: this.incidentId() })
        .pipe(map((data) => data.incidentChainSituation)),
  });
  private readonly declared = signal<{ id: string; reference: string; scenario: ChainScenario } | null>(null);
  protected readonly chain = computed(
    () => (this.list.hasValue() ? this.list.value().chainIncident : null) ?? this.declared(),
  );
  protected readonly loadError = computed(() => describeError(this.list.error(), this.t));
  protected readonly scenario = signal<ChainScenario | null>(null);
  /** Declared internal (B) — at report time or here; C can still follow. */
  protected readonly internal = linkedSignal(() => this.list.hasValue() && this.list.value().scenario === 'B');
  /** The form shows at once when the report says other organisations are (or may be) involved. */
  protected readonly open = linkedSignal(() => this.advice() === 'recommended' && !this.internal());

  protected scenarioText(scenario: string): string {
    return incidentLabel('ChainScenario', scenario, this.i18n.lang());
  }

  protected explainKey(s: ChainScenario): 'chain.scenario.A' | 'chain.scenario.B' | 'chain.scenario.C' {
    return `chain.scenario.${s}`;
  }

  protected declare(): void {
    const scenario = this.scenario();
    if (!scenario) return;
    const success = scenario === 'B' ? this.t('chain.declare.savedInternal') : this.t('chain.declare.saved');
    this.action.run(
      () =>
        this.graphql
          .request(DeclareChainScenarioDocument, { incidentId: this.incidentId(), scenario })
          .pipe(map((data) => data.declareChainScenario)),
      success,
      (result) => {
        if (result.chainIncident) {
          this.declared.set(result.chainIncident);
        } else {
          this.internal.set(true);
          this.open.set(false);
          this.scenario.set(null);
        }
      },
    );
  }
}
