import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';
import { IncidentHistoryDocument } from '../../shared/api/operations/incident.generated';
import { GraphqlClient } from '../../shared/api/graphql-client.service';
import type { TranslationKey } from '../../shared/i18n/nl';
import { TranslationService } from '../../shared/i18n/translation.service';
import { roleLabel } from '../../shared/labels/labels';
import { describeError } from '../../shared/session/session.service';
import { historyFieldLabel } from './history-fields';
import { type Incident, changeRows, formatInstant } from './incident-view';
import '../../shared/i18n/texts/incident';

/** The history's event types (the domain's command types) with a name; others are shown as they came. */
const EVENT_KEYS: Readonly<Record<string, TranslationKey>> = {
  reported: 'incident.event.reported',
  'correct-report': 'incident.event.correctReport',
  assess: 'incident.event.assess',
  'update-checklist': 'incident.event.updateChecklist',
  'complete-overview': 'incident.event.completeOverview',
  'add-containment-measure': 'incident.event.addMeasure',
  'update-containment-measure': 'incident.event.updateMeasure',
  'complete-containment': 'incident.event.completeContainment',
  'decide-ap-notification': 'incident.event.decideAp',
  'record-ap-notification': 'incident.event.recordAp',
  'decide-data-subjects': 'incident.event.decideSubjects',
  'record-data-subjects-informed': 'incident.event.subjectsInformed',
  'record-dpo-advice': 'incident.event.dpoAdvice',
  close: 'incident.event.close',
  reopen: 'incident.event.reopen',
  'update-risk-answers': 'incident.event.updateRiskAnswers',
  'add-improvement-action': 'incident.event.addImprovementAction',
  'update-improvement-action': 'incident.event.updateImprovementAction',
  'chain-acknowledged': 'incident.event.chainAcknowledged',
};

/** Who changed what and when, oldest first, old → new per field (reloaded with every new version). */
@Component({
  selector: 'app-incident-history',
  template: `
    <section aria-labelledby="history-title" data-testid="history">
      <h2 id="history-title">{{ t('incident.history.title') }}</h2>
      @if (error(); as message) {
        <p class="error" role="alert">{{ t('incident.history.error') }} {{ message }}</p>
      }
      <ol class="timeline">
        @for (e of events(); track e.version + '-' + $index) {
          <li data-testid="history-event">
            <p class="head">
              <time [attr.datetime]="e.at">{{ e.when }}</time> · <span class="who">{{ e.who }}</span>
              @if (e.roles) {
                <span class="roles">({{ e.roles }})</span>
              }
              · <span class="what" data-testid="history-what">{{ e.what }}</span>
            </p>
            @if (e.reason) {
              <p class="reason">{{ t('incident.history.reason') }}: {{ e.reason }}</p>
            }
            @if (e.changes.length > 0) {
              <ul class="changes">
                @for (c of e.changes; track c.field) {
                  <li [attr.data-field]="c.field" data-testid="history-change">
                    <span class="field">{{ c.label }}</span>: {{ c.from }} → {{ c.to }}
                  </li>
                }
              </ul>
            }
          </li>
        }
      </ol>
    </section>
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 8px;
    }
    .timeline {
      list-style: none;
      padding: 0 0 0 16px;
      border-left: 2px solid var(--mat-sys-outline-variant);
      max-width: 100ch;
    }
    .timeline > li {
      margin-bottom: 12px;
    }
    .head {
      margin: 0;
    }
    .what {
      font-weight: 500;
    }
    .roles,
    .field {
      color: var(--mat-sys-on-surface-variant);
    }
    .reason {
      margin: 2px 0;
    }
    .changes {
      margin: 2px 0;
      overflow-wrap: anywhere;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IncidentHistory {
  readonly incident = input.required<Incident>();
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;

  private readonly history = rxResource({
    params: () => `${this.incident().id}@${this.incident().version}`,
    stream: () =>
      this.graphql
        .request(IncidentHistoryDocument, { id: this.incident().id })
        .pipe(map((data) => data.incidentHistory)),
  });
  protected readonly error = computed(() => describeError(this.history.error(), this.t));
  protected readonly events = computed(() => {
    const lang = this.i18n.lang();
    const events = this.history.hasValue() ? this.history.value() : [];
    return events.map((e) => {
      const key = EVENT_KEYS[e.type];
      return {
        version: e.version,
        at: e.at,
        when: formatInstant(e.at, lang),
        who: e.personName ?? this.t('incident.history.someone'),
        roles: e.roles.map((r) => roleLabel(r, lang)).join(', '),
        what: key ? this.t(key) : e.type,
        reason: e.reason,
        changes: e.changes
          .flatMap((c) => changeRows(c.field, c.from, c.to, lang))
          .map((row) => ({ ...row, label: historyFieldLabel(row.field, lang) })),
      };
    });
  });
}
