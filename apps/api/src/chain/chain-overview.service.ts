import { Injectable } from '@nestjs/common';
import {
  apNotificationClock,
  lowReportingSignal,
  mayReadChain,
  participationOf,
  partnerAwareness,
  partnerDeadline,
  partnerInformClock,
  partnerNotificationStatus,
  type ChainActor,
} from '@babyconnect/domain';
import type { Actor } from '../auth/actor';
import type { TenantTransaction } from '../database/tenancy';
import { errors } from '../errors/api-error';
import { AppClock } from '../time/app-clock';
import { ChainAccess, viewerOf } from './chain-access';
import { ChainRepository } from './chain.repository';
import { presentAwareness, presentChain, presentPartner } from './chain.presenter';
import type {
  ChainIncidentType,
  ChainOverviewType,
  ChainQuarterFiguresType,
  PartnerNotificationType,
} from './chain.type';

const HOUR = 3_600_000;

/**
 * The chain's read side (issue 17, items 2, 5 and 6): the chain incidents the acting organisation may see, one with
 * its shared timeline, one partner notification, HINQ's partner matrix with live clocks, and the chain-wide figures.
 * Nothing here writes.
 */
@Injectable()
export class ChainOverviewService {
  constructor(
    private readonly access: ChainAccess,
    private readonly chains: ChainRepository,
    private readonly clock: AppClock,
  ) {}

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
      const l = await this.access.load(tx, chainActor, id, false);
      return this.access.present(l);
    });
  }

  async partnerNotification(actor: Actor, id: string): Promise<PartnerNotificationType> {
    return this.begin(actor, async (tx, chainActor) => {
      const { l, n } = await this.access.loadPartner(tx, chainActor, id, false);
      return presentPartner(l.chain, n, viewerOf(l), this.clock);
    });
  }

  /** The matrix: partner × (inform by, informed, acknowledged, own AP decision, data subjects) with live clocks. */
  async overview(actor: Actor, chainId: string): Promise<ChainOverviewType> {
    return this.begin(actor, async (tx, chainActor) => {
      const l = await this.access.load(tx, chainActor, chainId, false);
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
      return { chainIncident: await this.access.present(l), rows };
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

  private begin<T>(actor: Actor, work: (tx: TenantTransaction, chainActor: ChainActor) => Promise<T>): Promise<T> {
    return this.access.begin(actor, work);
  }
}
