import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AP_NOTIFICATION_HOURS,
  CHAIN_PARTNER_NOTIFICATION_HOURS,
  deadlineAfter,
  formatIncidentReference,
  incidentApClock,
  type BreachIncident,
  type IncidentEvent,
} from '@babyconnect/domain';
import type { DecisionCode, NotificationPayload } from '@babyconnect/notifications';
import type { TenantTransaction } from '../database/tenancy';
import type { IncidentChange, IncidentObserver } from '../incidents/incident-observer';
import { AppClock } from '../time/app-clock';
import { NotificationMetrics } from './notification-metrics';
import { incidentUrl, NOTIFICATION_SETTINGS, type NotificationSettings } from './notification-settings';
import { OutboxRepository } from './outbox.repository';
import { RecipientsRepository, type Audience } from './recipients.repository';
import { TimersRepository, type PlannedTimer, type TimerPayload } from './timers.repository';

const FG_AND_OFFICERS: Audience = { fg: true, privacyOfficers: true, hinq: false };
const FG_ONLY: Audience = { fg: true, privacyOfficers: false, hinq: false };
const HINQ: Audience = { fg: false, privacyOfficers: false, hinq: true };

/**
 * Decides, inside the incident change's own transaction, which messages the change causes and how the deadline
 * timers stand afterwards — and writes both to the outbox and timer tables in that transaction. The one place that
 * maps the workflow's events to notifications:
 * - reported → the organisation's FG (or contact) and privacy officers; when the reporter says other
 *   organisations' data is involved (`yes`), at once also HINQ's coordinators and HINQ's FG;
 * - a decision recorded (assessment, AP decision and notification, data-subject decision, closure, re-opening) →
 *   a summary to the FG;
 * - every change → the AP deadline's reminder timers armed, moved (a corrected discovery time) or cancelled (the
 *   AP notified, not needed, or closed).
 */
@Injectable()
export class NotificationPlanner implements IncidentObserver {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly timers: TimersRepository,
    private readonly recipients: RecipientsRepository,
    private readonly clock: AppClock,
    private readonly metrics: NotificationMetrics,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  async incidentChanged(tx: TenantTransaction, change: IncidentChange): Promise<void> {
    const { manager, organisationId } = tx;
    const now = this.clock.now();
    const base = await this.basePayload(manager, organisationId, change);
    for (const event of change.events) {
      const cause = `${change.id}:v${event.version}:${event.type}`;
      const send = async (payload: NotificationPayload, audience: Audience) => {
        const recipients = await this.recipients.find(manager, organisationId, audience);
        const counts = await this.outbox.enqueue(manager, {
          organisationId,
          incidentId: change.id,
          cause,
          payload,
          recipients,
          now,
        });
        this.metrics.enqueued(payload.event, counts);
      };
      if (event.type === 'reported') {
        await send({ ...base, event: 'breach-reported' }, FG_AND_OFFICERS);
        if (change.after.report.otherOrganisationsInvolved === 'yes') {
          await send(
            { ...base, event: 'other-organisations-involved', partnerDeadline: partnerDeadline(change.after) },
            HINQ,
          );
        }
        continue;
      }
      if (event.type === 'correct-report' && becameChain(change.before, change.after)) {
        await send(
          { ...base, event: 'other-organisations-involved', partnerDeadline: partnerDeadline(change.after) },
          HINQ,
        );
      }
      const decision = decisionOf(event, change.after);
      if (decision) await send({ ...base, event: 'decision-recorded', decision }, FG_ONLY);
    }
    await this.syncTimers(manager, organisationId, change, base, now);
  }

  private async syncTimers(
    manager: EntityManager,
    organisationId: string,
    change: IncidentChange,
    base: Omit<NotificationPayload, 'event'>,
    now: Date,
  ): Promise<void> {
    const reading = incidentApClock(change.after, { now: () => now });
    const running = reading.state === 'open' || reading.state === 'due-soon' || reading.state === 'overdue';
    if (!running || change.after.stage === 'closed') {
      await this.timers.cancel(manager, organisationId, change.id);
      return;
    }
    const discoveredAt = change.after.report.discoveredAt.getTime();
    const span = AP_NOTIFICATION_HOURS * 3_600_000;
    const planned: PlannedTimer[] = this.settings.reminderPermille.map((permille) => ({
      kind: 'ap-reminder',
      pointPermille: permille,
      dueAt: new Date(discoveredAt + (span * permille) / 1000),
    }));
    planned.push({
      kind: 'ap-overdue',
      pointPermille: 1000,
      dueAt: new Date(reading.deadline.getTime() + this.settings.escalationDelayMs),
    });
    const payload: TimerPayload = {
      organisationName: base.organisationName,
      reference: base.reference,
      exercise: base.exercise,
      deadline: base.deadline,
      portalUrl: base.portalUrl,
      chain: change.after.report.otherOrganisationsInvolved === 'yes',
    };
    await this.timers.arm(manager, organisationId, change.id, planned, payload, now);
  }

  private async basePayload(
    manager: EntityManager,
    organisationId: string,
    change: IncidentChange,
  ): Promise<Omit<NotificationPayload, 'event'>> {
    const rows: { name: string }[] = await manager.query(`SELECT name FROM organisations WHERE id = $1`, [
      organisationId,
    ]);
    return {
      incidentId: change.id,
      organisationName: rows[0]?.name ?? '—',
      reference: formatIncidentReference(change.year, change.number),
      exercise: change.after.exercise,
      deadline: deadlineAfter(change.after.report.discoveredAt, AP_NOTIFICATION_HOURS).toISOString(),
      portalUrl: incidentUrl(this.settings, change.id),
    };
  }
}

function partnerDeadline(incident: BreachIncident): string {
  return deadlineAfter(incident.report.discoveredAt, CHAIN_PARTNER_NOTIFICATION_HOURS).toISOString();
}

function becameChain(before: BreachIncident | null, after: BreachIncident): boolean {
  return before?.report.otherOrganisationsInvolved !== 'yes' && after.report.otherOrganisationsInvolved === 'yes';
}

/** The decision an event records, as a fixed code (never the reasoning someone typed). */
function decisionOf(event: IncidentEvent, after: BreachIncident): DecisionCode | null {
  switch (event.type) {
    case 'assess':
      return after.assessment ? `assessment:${after.assessment.conclusion}` : null;
    case 'decide-ap-notification':
      return after.apDecision ? (after.apDecision.notify ? 'ap:notify' : 'ap:not-notify') : null;
    case 'record-ap-notification':
      return 'ap:notified';
    case 'decide-data-subjects':
      return after.dataSubjectDecision ? `data-subjects:${after.dataSubjectDecision.outcome}` : null;
    case 'close':
      return after.closure ? `closed:${after.closure.outcome}` : null;
    case 'reopen':
      return 'reopened';
    default:
      return null;
  }
}
