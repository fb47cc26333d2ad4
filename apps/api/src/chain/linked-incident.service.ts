import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  ACKNOWLEDGEMENT_ESCALATION_HOURS,
  ACKNOWLEDGEMENT_REMINDER_HOURS,
  AP_NOTIFICATION_HOURS,
  acknowledgeNotification,
  deadlineAfter,
  linkedIncidentReport,
  reportBreach,
  type IncidentEvent,
  type PartnerNotification,
} from '@babyconnect/domain';
import type { Actor } from '../auth/actor';
import type { TenantTransaction } from '../database/tenancy';
import { INCIDENT_OBSERVER, type IncidentObserver } from '../incidents/incident-observer';
import { refusal } from '../incidents/incidents.service';
import { IncidentsRepository } from '../incidents/incidents.repository';
import { TimersRepository } from '../notifications/timers.repository';
import { AppClock } from '../time/app-clock';
import { ChainAccess, viewerOf } from './chain-access';
import { ChainMail } from './chain-mail';
import { ChainRepository, type StoredChain } from './chain.repository';
import { presentPartner } from './chain.presenter';
import type { PartnerNotificationType } from './chain.type';

const YEAR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric' });

/**
 * An informed partner's own incident (issue 17, item 4): opened in its tenant when its notification is sent, an
 * ordinary incident there (its own 72-hour clock and reminders through the incident observer), and moved to the
 * moment of awareness when the partner acknowledges receipt.
 */
@Injectable()
export class LinkedIncidentService {
  constructor(
    private readonly access: ChainAccess,
    private readonly chains: ChainRepository,
    private readonly incidents: IncidentsRepository,
    private readonly timers: TimersRepository,
    private readonly mail: ChainMail,
    private readonly clock: AppClock,
    @Optional() @Inject(INCIDENT_OBSERVER) private readonly observer?: IncidentObserver,
  ) {}

  /**
   * Opens the linked incident as the partner (`ptx`: the partner's tenant, entered by the sender), mails its FG or
   * privacy contact with the link, and arms the acknowledgement reminders. Returns the linked incident's id.
   */
  async open(
    ptx: TenantTransaction,
    actor: Actor,
    chain: StoredChain,
    n: PartnerNotification,
    now: Date,
  ): Promise<string> {
    const report = linkedIncidentReport(chain, chain.reportingOrganisationName, n.approval!.content, now);
    // The sender reports it into the partner's register; the awareness starts at the sending (awareness.ts).
    const decision = reportBreach(report, { personId: actor.user.id, roles: ['employee'] }, { now: () => now });
    if (!decision.ok) throw refusal(decision);
    const year = Number(YEAR.format(now));
    const number = await this.incidents.nextNumber(ptx, year);
    const incidentId = await this.incidents.insert(ptx, year, number, decision.incident);
    await this.incidents.appendEvents(ptx, incidentId, decision.events);
    await this.observer?.incidentChanged(ptx, {
      id: incidentId,
      year,
      number,
      before: null,
      after: decision.incident,
      events: decision.events,
    });
    const payload = {
      ...this.mail.payloadBase(chain, this.mail.partnerUrl(n.id)),
      deadline: deadlineAfter(now, AP_NOTIFICATION_HOURS).toISOString(),
    };
    await this.mail.toPartner(
      ptx,
      incidentId,
      `chain:${n.id}:informed`,
      { ...payload, event: 'partner-informed' },
      now,
    );
    const partnerName = await this.chains.organisationName(ptx, ptx.organisationId);
    await this.timers.arm(
      ptx.manager,
      ptx.organisationId,
      incidentId,
      [
        {
          kind: 'partner-ack-reminder',
          pointPermille: 1000,
          dueAt: deadlineAfter(now, ACKNOWLEDGEMENT_REMINDER_HOURS),
        },
        {
          kind: 'partner-ack-escalation',
          pointPermille: 1000,
          dueAt: deadlineAfter(now, ACKNOWLEDGEMENT_ESCALATION_HOURS),
        },
      ],
      { ...payload, chain: true, chainIncidentId: chain.id, partnerNotificationId: n.id, partnerName },
      now,
    );
    return incidentId;
  }

  /**
   * The partner's FG or privacy officer acknowledges receipt. Its awareness moves to this moment (the explicit rule,
   * libs/domain chain/awareness.ts): its linked incident's discovery — and with it its 72-hour clock and reminders —
   * moves with a history entry saying why; the acknowledgement reminders stop.
   */
  async acknowledge(actor: Actor, id: string): Promise<PartnerNotificationType> {
    return this.access.begin(actor, async (tx, chainActor) => {
      const { l, n } = await this.access.loadPartner(tx, chainActor, id, true);
      const now = this.clock.now();
      const acknowledged = acknowledgeNotification(n, chainActor, now);
      if (!acknowledged.ok) throw refusal(acknowledged);
      await this.chains.updatePartner(tx, acknowledged.value);
      if (n.linkedIncidentId) await this.moveAwareness(tx, actor, n.linkedIncidentId, now);
      return presentPartner(
        l.chain,
        { ...n, ...acknowledged.value, acknowledgedByName: actor.user.displayName },
        viewerOf(l),
        this.clock,
      );
    });
  }

  private async moveAwareness(tx: TenantTransaction, actor: Actor, incidentId: string, at: Date): Promise<void> {
    const stored = await this.incidents.find(tx, incidentId, true);
    if (!stored) return;
    const before = stored.incident;
    const after = { ...before, version: before.version + 1, report: { ...before.report, discoveredAt: at } };
    const event: IncidentEvent = {
      type: 'chain-acknowledged',
      at,
      personId: actor.user.id,
      roles: [...(actor.acting?.roles ?? [])],
      version: after.version,
      changes: [{ field: 'report.discoveredAt', from: before.report.discoveredAt.toISOString(), to: at.toISOString() }],
      reason: 'Ontvangst van de ketenmelding bevestigd: de eigen 72-uurstermijn loopt vanaf dit moment van kennisname.',
    };
    await this.incidents.update(tx, incidentId, before.version, after, at);
    await this.incidents.appendEvents(tx, incidentId, [event]);
    await this.observer?.incidentChanged(tx, { ...stored, before, after, events: [event] });
    await this.chains.cancelAcknowledgementTimers(tx, incidentId);
  }
}
