import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslationService } from '../../shared/i18n/translation.service';
import { incidentLabel } from '../../shared/labels/incident-labels';
import { type Incident, clockAt, formatDuration, formatInstant } from './incident-view';
import '../../shared/i18n/texts/incident';

/**
 * Reference, exercise badge, stage and the AP's 72-hour clock with a live countdown. The countdown is not a live
 * region: a screen reader would otherwise say every second; its state is read with the rest of the header.
 */
@Component({
  selector: 'app-incident-header',
  template: `
    @let i = incident();
    <div class="header" data-testid="incident-header">
      <p class="badges">
        <span class="badge stage" data-testid="incident-stage">{{ stage() }}</span>
        @if (i.exercise) {
          <span class="badge exercise" data-testid="exercise-badge">{{ t('incident.exercise') }}</span>
        }
      </p>
      <div class="clock" [attr.data-state]="clock().state" data-testid="ap-clock">
        <h2 class="clock-title">{{ t('incident.clock.title') }}</h2>
        <p class="clock-state" data-testid="ap-clock-state">{{ clockState() }}</p>
        @if (clock().remainingMs !== null) {
          <p class="countdown" data-testid="ap-countdown">{{ countdown() }}</p>
        }
        <p class="deadline">
          {{ t('incident.clock.deadline') }}
          <time [attr.datetime]="i.apDeadline" data-testid="ap-deadline">{{ deadline() }}</time>
          <span class="zone">{{ t('incident.clock.zone') }}</span>
        </p>
      </div>
    </div>
  `,
  styles: `
    .header {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
      align-items: flex-start;
      justify-content: space-between;
      margin-bottom: 16px;
    }
    .badges {
      display: flex;
      gap: 8px;
      margin: 0;
    }
    .badge {
      border-radius: 12px;
      padding: 2px 12px;
      font: var(--mat-sys-label-large);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .exercise {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      text-transform: uppercase;
    }
    .clock {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 8px 16px;
      min-width: min(100%, 280px);
    }
    .clock[data-state='DUE_SOON'],
    .clock[data-state='OVERDUE'],
    .clock[data-state='MET_LATE'] {
      border: 2px solid var(--mat-sys-error);
    }
    .clock-title {
      font: var(--mat-sys-title-small);
      margin: 0;
    }
    .clock-state {
      font: var(--mat-sys-title-medium);
      margin: 4px 0;
    }
    .countdown {
      font: var(--mat-sys-headline-small);
      font-variant-numeric: tabular-nums;
      margin: 0;
    }
    .deadline {
      margin: 4px 0 0;
    }
    .zone {
      color: var(--mat-sys-on-surface-variant);
      margin-left: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IncidentHeader {
  readonly incident = input.required<Incident>();
  /** Milliseconds since the epoch, ticking (the page's clock). */
  readonly now = input.required<number>();
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;

  protected readonly stage = computed(() => incidentLabel('IncidentStage', this.incident().stage, this.i18n.lang()));
  protected readonly clock = computed(() => clockAt(this.incident().apClock, this.now()));
  protected readonly clockState = computed(() =>
    incidentLabel('NotificationClockState', this.clock().state, this.i18n.lang()),
  );
  protected readonly countdown = computed(() => {
    const remaining = this.clock().remainingMs;
    if (remaining === null) return '';
    const duration = formatDuration(remaining, this.i18n.lang());
    return remaining < 0 ? this.t('incident.clock.over', { duration }) : this.t('incident.clock.left', { duration });
  });
  protected readonly deadline = computed(() => formatInstant(this.incident().apDeadline, this.i18n.lang()));
}
