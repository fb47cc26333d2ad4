import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslationService } from '../../../shared/i18n/translation.service';
import { incidentLabel } from '../../../shared/labels/incident-labels';
import type { Incident } from '../incident-view';
import '../../../shared/i18n/texts/incident';

type Advice = NonNullable<Incident['riskAdvice']>;

/** ENISA's severity bands as the API names them, in words. */
const SEVERITY: Readonly<Record<string, readonly [nl: string, en: string]>> = {
  low: ['laag', 'low'],
  medium: ['gemiddeld', 'medium'],
  high: ['hoog', 'high'],
  'very-high': ['zeer hoog', 'very high'],
};

/**
 * The explained risk advice (steps 5 and 6): level, ENISA score and band, recommendation, summary, each reason
 * with the protocol's factor behind it, and the answers still missing ("when in doubt, notify": they never lower
 * the advice). The product advises; the person decides below.
 */
@Component({
  selector: 'app-risk-advice-panel',
  template: `
    @let a = view();
    <section class="advice" aria-labelledby="advice-title" data-testid="risk-advice" [attr.data-level]="a.levelValue">
      <h3 id="advice-title">{{ t('incident.advice.title') }}</h3>
      <dl class="facts">
        <dt>{{ t('incident.advice.level') }}</dt>
        <dd data-testid="advice-level">{{ a.level }}</dd>
        <dt>{{ t('incident.advice.score') }}</dt>
        <dd data-testid="advice-score">{{ a.score }}</dd>
        <dt>{{ t('incident.advice.recommendation') }}</dt>
        <dd data-testid="advice-recommendation">{{ a.recommendation }}</dd>
      </dl>
      <p class="summary" data-testid="advice-summary">{{ a.summary }}</p>
      <h4>{{ t('incident.advice.reasons') }}</h4>
      <ul class="reasons" data-testid="advice-reasons">
        @for (r of a.reasons; track $index) {
          <li [attr.data-effect]="r.effect">
            <span class="factor">{{ r.factor }}</span>&ngsp;<span class="effect">({{ r.effectText }})</span>:
            {{ r.text }}
            @if (r.assumed) {
              <span class="assumed">{{ t('incident.advice.assumed') }}</span>
            }
          </li>
        }
      </ul>
      @if (a.missing.length > 0) {
        <h4>{{ t('incident.advice.missing') }}</h4>
        <ul data-testid="advice-missing">
          @for (m of a.missing; track $index) {
            <li>{{ m }}</li>
          }
        </ul>
      }
      <p class="model">{{ t('incident.advice.model', { version: a.modelVersion }) }}</p>
    </section>
  `,
  styleUrl: './step.scss',
  styles: `
    .advice {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 4px 16px 8px;
      margin-bottom: 16px;
      max-width: 90ch;
    }
    h4 {
      font: var(--mat-sys-title-small);
      margin: 12px 0 4px;
    }
    .summary {
      font: var(--mat-sys-body-large);
    }
    .factor {
      font-weight: 500;
    }
    .effect,
    .model {
      color: var(--mat-sys-on-surface-variant);
    }
    .assumed {
      margin-left: 6px;
      font-style: italic;
    }
    .reasons li {
      margin-bottom: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RiskAdvicePanel {
  readonly advice = input.required<Advice>();
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;

  protected readonly view = computed(() => {
    const a = this.advice();
    const lang = this.i18n.lang();
    const band = SEVERITY[a.severity];
    const effect = (e: string) =>
      e === 'raises'
        ? this.t('incident.advice.raises')
        : e === 'lowers'
          ? this.t('incident.advice.lowers')
          : this.t('incident.advice.neutral');
    return {
      levelValue: a.level,
      level: incidentLabel('RiskLevel', a.level, lang),
      score: this.t('incident.advice.scoreText', {
        score: a.score.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 }),
        band: band ? band[lang === 'nl' ? 0 : 1] : a.severity,
      }),
      recommendation: incidentLabel('Recommendation', a.recommendation, lang),
      summary: a.summary[lang],
      reasons: a.reasons.map((r) => ({
        factor: incidentLabel('RiskFactor', r.factor, lang),
        effect: r.effect,
        effectText: effect(r.effect),
        text: r.text[lang],
        assumed: r.assumed,
      })),
      missing: a.missingAnswers.map((m) => m.text[lang]),
      modelVersion: a.modelVersion,
    };
  });
}
