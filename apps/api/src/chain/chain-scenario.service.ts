import { Injectable } from '@nestjs/common';
import {
  CHAIN_PARTNER_NOTIFICATION_HOURS,
  declareScenario,
  formatIncidentReference,
  isCoordinator,
  mayCoordinate,
  participationOf,
  partnerDeadline,
  type ChainScenario,
} from '@babyconnect/domain';
import type { Actor } from '../auth/actor';
import type { TenantTransaction } from '../database/tenancy';
import { errors } from '../errors/api-error';
import type { ChainScenarioAtReport } from '../incidents/chain-scenario-at-report';
import { refusal } from '../incidents/incidents.service';
import { IncidentsRepository, type StoredIncident } from '../incidents/incidents.repository';
import { TimersRepository } from '../notifications/timers.repository';
import { AppClock } from '../time/app-clock';
import { ChainAccess, chainActorOf, INCIDENT, UUID } from './chain-access';
import { ChainMail, HINQ_ONLY } from './chain-mail';
import { ChainRepository, type StoredChain } from './chain.repository';
import { presentChain } from './chain.presenter';
import type { DeclareChainScenarioResultType, IncidentChainSituationType } from './chain.type';

const HOUR = 3_600_000;

/**
 * The protocol's situation A, B or C for the reporter's own breach (issue 17, item 1): declared with the report or
 * later, kept on the breach; A and C open the chain incident, mail HINQ at once and start the 24 hours.
 */
@Injectable()
export class ChainScenarioService implements ChainScenarioAtReport {
  constructor(
    private readonly access: ChainAccess,
    private readonly chains: ChainRepository,
    private readonly incidents: IncidentsRepository,
    private readonly timers: TimersRepository,
    private readonly mail: ChainMail,
    private readonly clock: AppClock,
  ) {}

  async declare(actor: Actor, incidentId: string, scenario: ChainScenario): Promise<DeclareChainScenarioResultType> {
    return this.access.begin(actor, async (tx, chainActor) => {
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
    await this.chains.setCoordinator(tx, isCoordinator(chainActorOf(actor)));
    await this.declareFor(tx, actor, source, scenario);
  }

  /** The situation, for the reporter's Keten panel: B is kept on the breach, A and C have their chain incident. */
  async situation(actor: Actor, incidentId: string): Promise<IncidentChainSituationType> {
    return this.access.begin(actor, async (tx, chainActor) => {
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
    const base = this.mail.payloadBase(stored, this.mail.chainUrl(id));
    // HINQ hears at once; the 24 hours remind the reporter and HINQ at 20 h and 24 h while a partner waits.
    await this.mail.aboutChain(tx, stored, HINQ_ONLY, `chain:${id}:declared`, {
      ...base,
      event: 'chain-incident-declared',
    });
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
}
