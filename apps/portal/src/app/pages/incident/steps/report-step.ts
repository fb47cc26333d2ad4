import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslationService } from '../../../shared/i18n/translation.service';
import { incidentLabel } from '../../../shared/labels/incident-labels';
import { type Incident, formatInstant } from '../incident-view';

/** Step 1: what was reported, read only. */
@Component({
  selector: 'app-report-step',
  template: `
    @let r = view();
    <dl class="facts" data-testid="report-facts">
      <dt>{{ t('incident.report.whatHappened') }}</dt>
      <dd data-testid="report-what">{{ r.whatHappened }}</dd>
      <dt>{{ t('incident.report.discoveredAt') }}</dt>
      <dd>{{ r.discoveredAt }}</dd>
      <dt>{{ t('incident.report.reportedAt') }}</dt>
      <dd>{{ r.reportedAt }}</dd>
      <dt>{{ t('incident.report.howDiscovered') }}</dt>
      <dd>{{ r.howDiscovered }}</dd>
      <dt>{{ t('incident.report.otherOrganisations') }}</dt>
      <dd>{{ r.otherOrganisations }}</dd>
      @if (incident().exercise) {
        <dt>{{ t('incident.exercise') }}</dt>
        <dd>{{ t('incident.exerciseExplained') }}</dd>
      }
    </dl>
    <!-- ISSUE-14 (lead): correcting the report (step 1: what happened, discovery time with a reason, how found,
         other organisations) goes here once the API has its mutation. -->
  `,
  styleUrl: './step.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportStep {
  readonly incident = input.required<Incident>();
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;

  protected readonly view = computed(() => {
    const i = this.incident();
    const lang = this.i18n.lang();
    return {
      whatHappened: i.report.whatHappened,
      discoveredAt: formatInstant(i.report.discoveredAt, lang),
      reportedAt: formatInstant(i.reportedAt, lang),
      howDiscovered: i.report.howDiscovered ?? '—',
      otherOrganisations: incidentLabel('YesNoUnknown', i.report.otherOrganisationsInvolved, lang),
    };
  });
}
