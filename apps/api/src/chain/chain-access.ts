import { Injectable } from '@nestjs/common';
import {
  isCoordinator,
  mayCoordinate,
  mayReadChain,
  participationOf,
  type ChainActor,
  type ChainParticipation,
  type Refused,
} from '@babyconnect/domain';
import { actingOrganisationId, type Actor } from '../auth/actor';
import { Tenancy, type TenantTransaction } from '../database/tenancy';
import { errors } from '../errors/api-error';
import { refusal } from '../incidents/incidents.service';
import { AppClock } from '../time/app-clock';
import { ChainRepository, type StoredChain, type StoredPartner } from './chain.repository';
import { presentChain, type Viewer } from './chain.presenter';
import type { ChainIncidentType } from './chain.type';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const CHAIN = { nl: 'Het ketenincident', en: 'The chain incident' };
export const NOTIFICATION = { nl: 'De partnermelding', en: 'The partner notification' };
export const INCIDENT = { nl: 'Het datalek', en: 'The breach' };

/** A chain incident as the acting organisation may see it, with the parts it takes in it. */
export interface Loaded {
  tx: TenantTransaction;
  actor: ChainActor;
  chain: StoredChain;
  partners: StoredPartner[];
  participation: ChainParticipation[];
}

/** The acting person as the chain's rules see them: roles in the organisation the request acts for. */
export function chainActorOf(actor: Actor): ChainActor {
  const acting = actor.acting!;
  return {
    personId: actor.user.id,
    organisationId: acting.organisationId,
    organisationKind: acting.kind,
    roles: acting.roles,
  };
}

export function viewerOf(l: Loaded): Viewer {
  return { organisationId: l.tx.organisationId, participation: l.participation };
}

/** Choosing partners and writing the shared notification: the reporter's privacy officer or FG and HINQ's coordinator. */
export function requireCoordinating(l: Loaded): void {
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

/**
 * How every chain use case reaches its chain incident: one tenant transaction of the acting organisation (the
 * request's), the coordinator setting the chain tables' policies read, and the chain incident as row-level security
 * shows it — not visible = not found, for an uninformed partner exactly as for a wrong id.
 */
@Injectable()
export class ChainAccess {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly chains: ChainRepository,
    private readonly clock: AppClock,
  ) {}

  begin<T>(actor: Actor, work: (tx: TenantTransaction, chainActor: ChainActor) => Promise<T>): Promise<T> {
    const chainActor = chainActorOf(actor);
    return this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      await this.chains.setCoordinator(tx, isCoordinator(chainActor));
      return work(tx, chainActor);
    });
  }

  async load(tx: TenantTransaction, actor: ChainActor, id: string, lock: boolean): Promise<Loaded> {
    // Row-level security: a chain incident the organisation does not take part in is absent — not found.
    const chain = UUID.test(id) ? await this.chains.find(tx, id, lock) : null;
    if (!chain) throw errors.notFound(CHAIN);
    const partners = await this.chains.partners(tx, id);
    const participation = participationOf(actor, chain, partners);
    if (participation.length === 0 || !mayReadChain(actor, participation)) throw errors.notFound(CHAIN);
    return { tx, actor, chain, partners, participation };
  }

  async loadPartner(
    tx: TenantTransaction,
    actor: ChainActor,
    id: string,
    lock: boolean,
  ): Promise<{ l: Loaded; n: StoredPartner }> {
    // Another partner's notification is invisible to a partner (row-level security): not found.
    const n = UUID.test(id) ? await this.chains.partner(tx, id, lock) : null;
    if (!n) throw errors.notFound(NOTIFICATION);
    // The partner row is the one locked: a partner may not lock (update) the chain incident itself.
    const l = await this.load(tx, actor, n.chainIncidentId, false);
    return { l, n };
  }

  /** The chain incident with its shared timeline, as the viewer may see it. */
  async present(l: Loaded): Promise<ChainIncidentType> {
    const timeline = await this.chains.timeline(l.tx, l.chain.id);
    return presentChain(l.chain, l.partners, timeline, viewerOf(l), this.clock);
  }
}
