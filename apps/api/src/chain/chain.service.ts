import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  ACKNOWLEDGEMENT_ESCALATION_HOURS,
  ACKNOWLEDGEMENT_REMINDER_HOURS,
  AP_NOTIFICATION_HOURS,
  CHAIN_PARTNER_NOTIFICATION_HOURS,
  FREE_TEXT_MAX,
  acknowledgeNotification,
  adjustNotification,
  apNotificationClock,
  approveNotification,
  checkAdjustment,
  checkContent,
  checkPartnerChoice,
  checkTimelineEntry,
  composeContent,
  declareScenario,
  deadlineAfter,
  formatIncidentReference,
  isCoordinator,
  lowReportingSignal,
  mayCoordinate,
  mayReadChain,
  participationOf,
  partnerAwareness,
  partnerDeadline,
  partnerInformClock,
  partnerNotificationStatus,
  reportBreach,
  sendNotification,
  type ChainActor,
  type ChainParticipation,
  type ChainScenario,
  type FreeTextField,
  type IncidentEvent,
  type PartnerNotification,
  type Refused,
} from '@babyconnect/domain';
import type { NotificationPayload } from '@babyconnect/notifications';
import { actingOrganisationId, type Actor } from '../auth/actor';
import { API_CONFIG } from '../config/config';
import type { ApiConfig } from '../config/config.schema';
import { Tenancy, type TenantTransaction } from '../database/tenancy';
import { errors } from '../errors/api-error';
import type { ChainScenarioAtReport } from '../incidents/chain-scenario-at-report';
import { INCIDENT_OBSERVER, type IncidentObserver } from '../incidents/incident-observer';
import { checkPrivacy, refusal } from '../incidents/incidents.service';
import { IncidentsRepository, type StoredIncident } from '../incidents/incidents.repository';
import { OutboxRepository } from '../notifications/outbox.repository';
import { RecipientsRepository, type Audience } from '../notifications/recipients.repository';
import { TimersRepository } from '../notifications/timers.repository';
import { AppClock } from '../time/app-clock';
import { ChainRepository, type StoredChain, type StoredPartner } from './chain.repository';
import { presentAwareness, presentChain, presentPartner } from './chain.presenter';
import type {
  ChainIncidentType,
  ChainOverviewType,
  ChainQuarterFiguresType,
  DeclareChainScenarioResultType,
  IncidentChainSituationType,
  PartnerChoiceInput,
  PartnerNotificationAdjustmentInput,
  PartnerNotificationContentInput,
  PartnerNotificationType,
} from './chain.type';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHAIN = { nl: 'Het ketenincident', en: 'The chain incident' };
const NOTIFICATION = { nl: 'De partnermelding', en: 'The partner notification' };
const INCIDENT = { nl: 'Het datalek', en: 'The breach' };
const HOUR = 3_600_000;
const HINQ_ONLY: Audience = { fg: false, privacyOfficers: false, hinq: true };
const PARTNER_FG: Audience = { fg: true, privacyOfficers: false, hinq: false };

interface Loaded {
  tx: TenantTransaction;
  actor: ChainActor;
  chain: StoredChain;
  partners: StoredPartner[];
  participation: ChainParticipation[];
}

/**
 * The chain's use cases (issue 17). Each: one tenant transaction of the acting organisation (the request's), the
 * coordinator setting for the chain tables' policies, the chain incident as row-level security shows it (not
 * visible = not found, for an uninformed partner exactly as for a wrong id), the domain's rules, and — where the
 * work belongs to another organisation (the partner's linked incident and its mails, the reporter's timers when HINQ
 * acts) — the database-checked switch into that organisation (ChainRepository.inTenantOf).
 */
@Injectable()
export class ChainService implements ChainScenarioAtReport {
  private readonly portalBaseUrl: string;

  constructor(
    private readonly tenancy: Tenancy,
    private readonly chains: ChainRepository,
    private readonly incidents: IncidentsRepository,
    private readonly outbox: OutboxRepository,
    private readonly timers: TimersRepository,
    private readonly recipients: RecipientsRepository,
    private readonly clock: AppClock,
    @Inject(API_CONFIG) config: ApiConfig,
    @Optional() @Inject(INCIDENT_OBSERVER) private readonly observer?: IncidentObserver,
  ) {
    this.portalBaseUrl = (config.PORTAL_BASE_URL ?? config.PORTAL_ORIGIN).replace(/\/+$/, '');
  }

  async declare(actor: Actor, incidentId: string, scenario: ChainScenario): Promise<DeclareChainScenarioResultType> {
    return this.begin(actor, async (tx, chainActor) => {
      const source = UUID.test(incidentId) ? await this.incidents.find(tx, incidentId, true) : null;
      if (!source) throw errors.notFound(INCIDENT);
      if (!mayCoordinate(chainActor, ['reporter'])) {
        throw errors.forbidden({
          nl: 'Alleen de privacyfunctionaris of FG van de melder (of de HINQ-coördinator voor een datalek bij HINQ) bepaalt de situatie.',
          en: "Only the reporter's privacy officer or DPO (or HINQ's coordinator for a breach at HINQ) declares the situation.",
        });
      }
      const chain = await this.declareFor(tx, actor, source, scenario);
      if (!chain) return { scenario, chainIncident: null };
      const viewer = { organisationId: tx.organisationId, participation: participationOf(chainActor, chain, []) };
      return { scenario, chainIncident: presentChain(chain, [], [], viewer, this.clock) };
    });
  }

  /**
   * The situation answered with the report itself (IncidentsService.report, same transaction). Whoever may report
   * may answer it — the protocol asks to contact HINQ *at once*, so a midwife's "other organisations' data" must not
   * wait for her privacy officer; choosing partners and approving notifications still need the officers.
   */
  async declareAtReport(
    tx: TenantTransaction,
    actor: Actor,
    source: StoredIncident,
    scenario: ChainScenario,
  ): Promise<void> {
    await this.chains.setCoordinator(tx, isCoordinator(this.chainActorOf(actor)));
    await this.declareFor(tx, actor, source, scenario);
  }

  /** The situation, for the reporter's Keten panel: B is kept on the breach, A and C have their chain incident. */
  async situation(actor: Actor, incidentId: string): Promise<IncidentChainSituationType> {
    return this.begin(actor, async (tx, chainActor) => {
      const source = UUID.test(incidentId) ? await this.incidents.find(tx, incidentId, false) : null;
      if (!source) throw errors.notFound(INCIDENT);
      const scenario = await this.chains.incidentScenario(tx, incidentId);
      const chain = await this.chains.bySourceIncident(tx, incidentId);
      if (!chain) return { incidentId, scenario, chainIncident: null };
      const partners = await this.chains.partners(tx, chain.id);
      const participation = participationOf(chainActor, chain, partners);
      const viewer = { organisationId: tx.organisationId, participation };
      return {
        incidentId,
        scenario: chain.scenario,
        chainIncident: presentChain(chain, partners, [], viewer, this.clock),
      };
    });
  }

  /**
   * Declares `scenario` for the reporter's breach in `tx` (the reporter's tenant): the domain's rule (B may become C,
   * a chain incident never becomes internal), the situation kept on the breach, and for A and C the chain incident,
   * HINQ's mail and the 24-hour timers. Returns the chain incident, or null for B.
   */
  private async declareFor(
    tx: TenantTransaction,
    actor: Actor,
    source: StoredIncident,
    scenario: ChainScenario,
  ): Promise<StoredChain | null> {
    const incidentId = source.id;
    const existing = await this.chains.bySourceIncident(tx, incidentId);
    const decision = declareScenario(
      {
        current: existing?.scenario ?? null,
        sourceStage: source.incident.stage,
        sourceClosure: source.incident.closure?.outcome ?? null,
      },
      scenario,
    );
    if (!decision.ok) throw refusal(decision);
    await this.chains.setIncidentScenario(tx, incidentId, scenario);
    if (!decision.createsChainIncident) return null;
    const now = this.clock.now();
    const chain = {
      scenario: scenario as 'A' | 'C',
      reportingOrganisationId: tx.organisationId,
      sourceIncidentId: incidentId,
      reference: formatIncidentReference(source.year, source.number),
      exercise: source.incident.exercise,
      discoveredAt: source.incident.report.discoveredAt,
      declaredAt: now,
      declaredBy: actor.user.id,
      content: null,
    };
    const id = await this.chains.insert(tx, chain, partnerDeadline(chain));
    const stored = (await this.chains.find(tx, id))!;
    const base = this.payloadBase(stored, this.chainUrl(id));
    // HINQ hears at once; the 24 hours remind the reporter and HINQ at 20 h and 24 h while a partner waits.
    await this.enqueue(tx, stored, HINQ_ONLY, `chain:${id}:declared`, { ...base, event: 'chain-incident-declared' });
    const span = CHAIN_PARTNER_NOTIFICATION_HOURS * HOUR;
    await this.timers.arm(
      tx.manager,
      tx.organisationId,
      incidentId,
      [
        {
          kind: 'partner-inform-reminder',
          pointPermille: 833,
          dueAt: new Date(chain.discoveredAt.getTime() + (span * 20) / 24),
        },
        { kind: 'partner-inform-overdue', pointPermille: 1000, dueAt: partnerDeadline(chain) },
      ],
      { ...base, chain: true, chainIncidentId: id },
      now,
    );
    return stored;
  }

  async list(actor: Actor): Promise<ChainIncidentType[]> {
    return this.begin(actor, async (tx, chainActor) => {
      const out: ChainIncidentType[] = [];
      for (const chain of await this.chains.list(tx)) {
        const partners = await this.chains.partners(tx, chain.id);
        const participation = participationOf(chainActor, chain, partners);
        if (!mayReadChain(chainActor, participation)) continue;
        out.push(presentChain(chain, partners, [], { organisationId: tx.organisationId, participation }, this.clock));
      }
      return out;
    });
  }

  async detail(actor: Actor, id: string): Promise<ChainIncidentType> {
    return this.begin(actor, async (tx, chainActor) => {
      const l = await this.load(tx, chainActor, id, false);
      return this.present(l);
    });
  }

  async partnerNotification(actor: Actor, id: string): Promise<PartnerNotificationType> {
    return this.begin(actor, async (tx, chainActor) => {
      const { l, n } = await this.loadPartner(tx, chainActor, id, false);
      return presentPartner(l.chain, n, this.viewer(l), this.clock);
    });
  }

  async choosePartners(
    actor: Actor,
    chainId: string,
    input: PartnerChoiceInput[],
    confirm: boolean | null | undefined,
  ): Promise<ChainIncidentType> {
    return this.begin(actor, async (tx, chainActor) => {
      // Lock only once it is clear the actor coordinates: a partner may not lock (update) the chain incident and
      // would otherwise be told "not found" about a chain incident it knows.
      const l = await this.load(tx, chainActor, chainId, false);
      this.requireCoordinating(l);
      await this.chains.find(tx, chainId, true);
      const now = this.clock.now();
      const checked = checkPartnerChoice(l.chain, l.partners, input, await this.chains.directory(tx), now);
      if (!checked.ok) throw errors.invalidInput(checked.problems);
      checkPrivacy(
        checked.partners.map((p, i) =>
          this.freeText(`partners[${i}].reasoning`, 'Onderbouwing', 'Reasoning', p.reasoning),
        ),
        confirm,
      );
      for (const choice of checked.partners) {
        const reachable = await this.reachable(tx, choice.organisationId);
        const id = await this.chains.insertPartner(tx, l.chain, {
          partnerOrganisationId: choice.organisationId,
          reasoning: choice.reasoning,
          chosenAt: now,
          chosenBy: actor.user.id,
          chosenByOrganisationId: tx.organisationId,
          contactReachable: reachable,
          adjustment: null,
          approval: null,
          sending: null,
          acknowledgement: null,
          linkedIncidentId: null,
        });
        if (!reachable) {
          // HINQ is told at once; the partner's clock keeps running (sending will be refused until a contact exists).
          const partnerName = await this.chains.organisationName(tx, choice.organisationId);
          await this.enqueue(tx, l.chain, HINQ_ONLY, `chain:${id}:unreachable`, {
            ...this.payloadBase(l.chain, this.chainUrl(l.chain.id)),
            event: 'partner-unreachable',
            partnerName,
          });
        }
      }
      return this.present(await this.load(tx, chainActor, chainId, false));
    });
  }

  async compose(actor: Actor, chainId: string, input: PartnerNotificationContentInput): Promise<ChainIncidentType> {
    return this.begin(actor, async (tx, chainActor) => {
      const l = await this.load(tx, chainActor, chainId, false);
      this.requireCoordinating(l);
      await this.chains.find(tx, chainId, true);
      const content = checkContent(input);
      if (!content.ok) throw refusal(content);
      this.checkContentPrivacy(input, input.confirmPrivacyWarnings);
      const composed = composeContent(l.chain, l.partners, content.value, chainActor, l.participation);
      if (!composed.ok) throw refusal(composed);
      await this.chains.updateContent(tx, chainId, content.value, this.clock.now());
      for (const n of composed.value.partners) await this.chains.updatePartner(tx, n);
      return this.present(await this.load(tx, chainActor, chainId, false));
    });
  }

  async adjust(actor: Actor, id: string, input: PartnerNotificationAdjustmentInput): Promise<PartnerNotificationType> {
    return this.begin(actor, async (tx, chainActor) => {
      const { l, n } = await this.loadPartner(tx, chainActor, id, true);
      const { confirmPrivacyWarnings, ...fields } = input;
      const adjustment = checkAdjustment(fields);
      if (!adjustment.ok) throw refusal(adjustment);
      this.checkContentPrivacy(fields, confirmPrivacyWarnings);
      const next = adjustNotification(l.chain, n, adjustment.value, chainActor, l.participation);
      if (!next.ok) throw refusal(next);
      await this.chains.updatePartner(tx, next.value);
      return presentPartner(l.chain, { ...n, ...next.value }, this.viewer(l), this.clock);
    });
  }

  async approve(actor: Actor, id: string): Promise<PartnerNotificationType> {
    return this.begin(actor, async (tx, chainActor) => {
      const { l, n } = await this.loadPartner(tx, chainActor, id, true);
      const next = approveNotification(l.chain, n, chainActor, l.participation, this.clock.now());
      if (!next.ok) throw refusal(next);
      await this.chains.updatePartner(tx, next.value);
      return presentPartner(l.chain, { ...n, ...next.value }, this.viewer(l), this.clock);
    });
  }

  /**
   * Informs one partner: marks it sent, then — as that partner — opens its linked incident (an ordinary incident of
   * its tenant: its own 72-hour clock and reminders through the incident observer), mails its FG or privacy contact
   * with the link, and arms the acknowledgement reminders; back as the acting organisation, links the two.
   */
  async send(
    actor: Actor,
    id: string,
    delayReasons: string | null,
    confirm: boolean | null | undefined,
  ): Promise<PartnerNotificationType> {
    return this.begin(actor, async (tx, chainActor) => {
      const { l, n } = await this.loadPartner(tx, chainActor, id, true);
      const now = this.clock.now();
      if (delayReasons)
        checkPrivacy(
          [this.freeText('delayReasons', 'Redenen voor de vertraging', 'Reasons for the delay', delayReasons)],
          confirm,
        );
      const reachable = await this.reachable(tx, n.partnerOrganisationId);
      const sent = sendNotification(
        l.chain,
        n,
        { delayReasons, contactReachable: reachable },
        chainActor,
        l.participation,
        now,
      );
      if (!sent.ok) throw refusal(sent);
      await this.chains.updatePartner(tx, sent.value);
      const linkedIncidentId = await this.chains.inTenantOf(tx, l.chain.id, n.partnerOrganisationId, (ptx) =>
        this.openLinkedIncident(ptx, actor, l.chain, { ...n, ...sent.value }, now),
      );
      const linked = { ...n, ...sent.value, linkedIncidentId };
      await this.chains.updatePartner(tx, linked);
      return presentPartner(l.chain, linked, this.viewer(l), this.clock);
    });
  }

  /**
   * The partner's FG or privacy officer acknowledges receipt. Its awareness moves to this moment (the explicit rule,
   * libs/domain chain/awareness.ts): its linked incident's discovery — and with it its 72-hour clock and reminders —
   * moves with a history entry saying why; the acknowledgement reminders stop.
   */
  async acknowledge(actor: Actor, id: string): Promise<PartnerNotificationType> {
    return this.begin(actor, async (tx, chainActor) => {
      const { l, n } = await this.loadPartner(tx, chainActor, id, true);
      const now = this.clock.now();
      const acknowledged = acknowledgeNotification(n, chainActor, now);
      if (!acknowledged.ok) throw refusal(acknowledged);
      await this.chains.updatePartner(tx, acknowledged.value);
      if (n.linkedIncidentId) await this.moveAwareness(tx, actor, n.linkedIncidentId, now);
      return presentPartner(
        l.chain,
        { ...n, ...acknowledged.value, acknowledgedByName: actor.user.displayName },
        this.viewer(l),
        this.clock,
      );
    });
  }

  async post(
    actor: Actor,
    chainId: string,
    text: string,
    confirm: boolean | null | undefined,
  ): Promise<ChainIncidentType> {
    return this.begin(actor, async (tx, chainActor) => {
      const l = await this.load(tx, chainActor, chainId, false);
      const entry = checkTimelineEntry(chainActor, l.participation, text);
      if (!entry.ok) throw refusal(entry);
      checkPrivacy([this.freeText('text', 'Bericht op de tijdlijn', 'Timeline message', entry.value.text)], confirm);
      await this.chains.post(tx, l.chain, { ...entry.value, personId: actor.user.id, at: this.clock.now() });
      return this.present(l);
    });
  }

  /** The matrix: partner × (inform by, informed, acknowledged, own AP decision, data subjects) with live clocks. */
  async overview(actor: Actor, chainId: string): Promise<ChainOverviewType> {
    return this.begin(actor, async (tx, chainActor) => {
      const l = await this.load(tx, chainActor, chainId, false);
      if (!l.participation.includes('coordinator') && !l.participation.includes('reporter')) {
        throw errors.forbidden({
          nl: 'Het overzicht van alle partners is voor HINQ en de melder; een partner ziet alleen de eigen melding.',
          en: 'The overview of every partner is for HINQ and the reporter; a partner sees its own notification only.',
        });
      }
      const progress = await this.chains.progress(tx, chainId);
      const rows = l.partners.map((n) => {
        const own = progress.get(n.id);
        return {
          partnerNotificationId: n.id,
          partnerOrganisation: { id: n.partnerOrganisationId, name: n.partnerName },
          status: partnerNotificationStatus(n),
          informBy: partnerDeadline(l.chain),
          informClock: partnerInformClock(l.chain, n, this.clock),
          informedAt: n.sending?.at ?? null,
          acknowledgedAt: n.acknowledgement?.at ?? null,
          awareness: presentAwareness(partnerAwareness(n)),
          ownApDecisionTaken: own?.apDecided ?? false,
          ownApNotifiedAt: own?.apNotifiedAt ?? null,
          ownApClock: own
            ? apNotificationClock(
                { discoveredAt: own.discoveredAt, notifiedAt: own.apNotifiedAt, notNeeded: own.apNotNeeded },
                this.clock,
              )
            : null,
          dataSubjectsDecided: own?.dataSubjectsDecided ?? false,
          dataSubjectsInformedAt: own?.dataSubjectsInformedAt ?? null,
        };
      });
      return { chainIncident: await this.present(l), rows };
    });
  }

  /** HINQ's chain-wide figures: the last four quarters (Amsterdam calendar), per partner. */
  async figures(actor: Actor): Promise<ChainQuarterFiguresType[]> {
    return this.begin(actor, async (tx) => {
      const now = this.clock.now();
      const from = new Date(now.getTime() - 366 * 24 * HOUR);
      const rows = await this.chains.quarterlyFigures(tx, from, now);
      return rows.map((r) => ({
        organisation: { id: r.organisationId, name: r.name },
        quarter: r.quarter,
        reported: r.reported,
        breaches: r.breaches,
        nearMisses: r.nearMisses,
        chainIncidents: r.chainIncidents,
        detectionAlerts: r.detectionAlerts,
        dismissedAlerts: r.dismissedAlerts,
        lowReportingSignal: lowReportingSignal(r),
      }));
    });
  }

  // ─── the parts ────────────────────────────────────────────────────────────────────────────────────────────────

  private begin<T>(actor: Actor, work: (tx: TenantTransaction, chainActor: ChainActor) => Promise<T>): Promise<T> {
    const chainActor = this.chainActorOf(actor);
    return this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      await this.chains.setCoordinator(tx, isCoordinator(chainActor));
      return work(tx, chainActor);
    });
  }

  private chainActorOf(actor: Actor): ChainActor {
    const acting = actor.acting!;
    return {
      personId: actor.user.id,
      organisationId: acting.organisationId,
      organisationKind: acting.kind,
      roles: acting.roles,
    };
  }

  private async load(tx: TenantTransaction, actor: ChainActor, id: string, lock: boolean): Promise<Loaded> {
    // Row-level security: a chain incident the organisation does not take part in is absent — not found.
    const chain = UUID.test(id) ? await this.chains.find(tx, id, lock) : null;
    if (!chain) throw errors.notFound(CHAIN);
    const partners = await this.chains.partners(tx, id);
    const participation = participationOf(actor, chain, partners);
    if (participation.length === 0 || !mayReadChain(actor, participation)) throw errors.notFound(CHAIN);
    return { tx, actor, chain, partners, participation };
  }

  private async loadPartner(tx: TenantTransaction, actor: ChainActor, id: string, lock: boolean) {
    // Another partner's notification is invisible to a partner (row-level security): not found.
    const n = UUID.test(id) ? await this.chains.partner(tx, id, lock) : null;
    if (!n) throw errors.notFound(NOTIFICATION);
    // The partner row is the one locked: a partner may not lock (update) the chain incident itself.
    const l = await this.load(tx, actor, n.chainIncidentId, false);
    return { l, n };
  }

  private requireCoordinating(l: Loaded): void {
    if (!mayCoordinate(l.actor, l.participation)) {
      throw refusal({
        ok: false,
        refusal: 'forbidden',
        problems: [
          {
            field: 'actor',
            message: {
              nl: 'Welke partners geïnformeerd worden, bepalen de privacyfunctionaris of FG van de melder en de HINQ-coördinator.',
              en: "Which partners are informed is decided by the reporter's privacy officer or DPO and HINQ's coordinator.",
            },
          },
        ],
      } satisfies Refused);
    }
  }

  private viewer(l: Loaded) {
    return { organisationId: l.tx.organisationId, participation: l.participation };
  }

  private async present(l: Loaded): Promise<ChainIncidentType> {
    const timeline = await this.chains.timeline(l.tx, l.chain.id);
    return presentChain(l.chain, l.partners, timeline, this.viewer(l), this.clock);
  }

  /** The partner's FG (people with the dpo role who signed in, else its registered contact) can be mailed. */
  private async reachable(tx: TenantTransaction, organisationId: string): Promise<boolean> {
    const found = await this.recipients.find(tx.manager, organisationId, PARTNER_FG);
    return found.some((r) => r.address !== null);
  }

  /** Mail about the chain incident, as a message of the reporter's own incident (in the reporter's tenant). */
  private async enqueue(
    tx: TenantTransaction,
    chain: StoredChain,
    audience: Audience,
    cause: string,
    payload: NotificationPayload,
  ): Promise<void> {
    await this.chains.inTenantOf(tx, chain.id, chain.reportingOrganisationId, async (rtx) => {
      const recipients = await this.recipients.find(rtx.manager, rtx.organisationId, audience);
      await this.outbox.enqueue(rtx.manager, {
        organisationId: rtx.organisationId,
        incidentId: chain.sourceIncidentId,
        cause,
        payload,
        recipients,
        now: this.clock.now(),
      });
    });
  }

  private async openLinkedIncident(
    ptx: TenantTransaction,
    actor: Actor,
    chain: StoredChain,
    n: PartnerNotification,
    now: Date,
  ): Promise<string> {
    const content = n.approval!.content;
    const facts = [
      `Ketenmelding ${chain.reference} van ${chain.reportingOrganisationName}: ${content.nature}`,
      `Mogelijke gevolgen: ${content.impact}`,
      `Maatregelen: ${content.measures}`,
      content.affectedRecords === null ? null : `Aantal mogelijk betrokken dossiers: ${content.affectedRecords}`,
    ].filter((line): line is string => line !== null);
    const whatHappened = [...facts.join('\n\n')].slice(0, FREE_TEXT_MAX).join('');
    // The sender reports it into the partner's register; the awareness starts at the sending (awareness.ts).
    const decision = reportBreach(
      {
        whatHappened,
        discoveredAt: now,
        stillOngoing: 'unknown',
        howDiscovered: `Geïnformeerd via de keten door ${chain.reportingOrganisationName}; bevestig de ontvangst in het portaal.`,
        // The chain is already coordinating this breach; HINQ need not hear of it a second time.
        otherOrganisationsInvolved: 'no',
        exercise: chain.exercise,
      },
      { personId: actor.user.id, roles: ['employee'] },
      { now: () => now },
    );
    if (!decision.ok) throw refusal(decision);
    const year = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(now),
    );
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
    const url = this.partnerUrl(n.id);
    const payload = {
      ...this.payloadBase(chain, url),
      deadline: deadlineAfter(now, AP_NOTIFICATION_HOURS).toISOString(),
    };
    const recipients = await this.recipients.find(ptx.manager, ptx.organisationId, PARTNER_FG);
    await this.outbox.enqueue(ptx.manager, {
      organisationId: ptx.organisationId,
      incidentId,
      cause: `chain:${n.id}:informed`,
      payload: { ...payload, event: 'partner-informed' },
      recipients,
      now,
    });
    const partnerName = await this.chains.organisationName(ptx, ptx.organisationId);
    await this.timers.arm(
      ptx.manager,
      ptx.organisationId,
      incidentId,
      [
        {
          kind: 'partner-ack-reminder',
          pointPermille: 1000,
          dueAt: new Date(now.getTime() + ACKNOWLEDGEMENT_REMINDER_HOURS * HOUR),
        },
        {
          kind: 'partner-ack-escalation',
          pointPermille: 1000,
          dueAt: new Date(now.getTime() + ACKNOWLEDGEMENT_ESCALATION_HOURS * HOUR),
        },
      ],
      { ...payload, chain: true, chainIncidentId: chain.id, partnerNotificationId: n.id, partnerName },
      now,
    );
    return incidentId;
  }

  private async moveAwareness(tx: TenantTransaction, actor: Actor, incidentId: string, at: Date): Promise<void> {
    const stored = await this.incidents.find(tx, incidentId, true);
    if (!stored) return;
    const before = stored.incident;
    const after = { ...before, version: before.version + 1, report: { ...before.report, discoveredAt: at } };
    const event = {
      type: 'chain-acknowledged',
      at,
      personId: actor.user.id,
      roles: [...(actor.acting?.roles ?? [])],
      version: after.version,
      changes: [{ field: 'report.discoveredAt', from: before.report.discoveredAt.toISOString(), to: at.toISOString() }],
      reason: 'Ontvangst van de ketenmelding bevestigd: de eigen 72-uurstermijn loopt vanaf dit moment van kennisname.',
    } as unknown as IncidentEvent;
    await this.incidents.update(tx, incidentId, before.version, after, at);
    await this.incidents.appendEvents(tx, incidentId, [event]);
    await this.observer?.incidentChanged(tx, { ...stored, before, after, events: [event] });
    await this.chains.cancelAcknowledgementTimers(tx, incidentId);
  }

  private checkContentPrivacy(
    input: { nature?: string | null; impact?: string | null; measures?: string | null },
    confirm: boolean | null | undefined,
  ): void {
    checkPrivacy(
      [
        this.freeText('nature', 'Aard van het datalek', 'Nature of the breach', input.nature),
        this.freeText('impact', 'Mogelijke gevolgen', 'Possible impact', input.impact),
        this.freeText('measures', 'Maatregelen', 'Measures', input.measures),
      ],
      confirm,
    );
  }

  private freeText(field: string, nl: string, en: string, text: string | null | undefined): FreeTextField {
    return { field, label: { nl: `Het veld "${nl}"`, en: `The field "${en}"` }, text };
  }

  private payloadBase(chain: StoredChain, portalUrl: string) {
    return {
      incidentId: chain.sourceIncidentId,
      organisationName: chain.reportingOrganisationName,
      reference: chain.reference,
      exercise: chain.exercise,
      deadline: partnerDeadline(chain).toISOString(),
      partnerDeadline: partnerDeadline(chain).toISOString(),
      portalUrl,
    };
  }

  /** The portal's chain page (HINQ's coordination and the reporter's chain view). */
  private chainUrl(id: string): string {
    return `${this.portalBaseUrl}/keten/${id}`;
  }

  /** The partner's acknowledgement page (login first, then straight to it). */
  private partnerUrl(id: string): string {
    return `${this.portalBaseUrl}/keten/partnermeldingen/${id}`;
  }
}
