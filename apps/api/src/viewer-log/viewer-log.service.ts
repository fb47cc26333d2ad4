import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import {
  ViewerLogAnalyser,
  checkQuestion,
  isCoordinator,
  normaliseAccount,
  proposalReasoning,
  proposePartners,
  type ChainActor,
} from '@babyconnect/domain';
import { actingOrganisationId, type Actor } from '../auth/actor';
import { chainActorOf } from '../chain/chain-access';
import { ChainRepository } from '../chain/chain.repository';
import { PartnerNotificationsService } from '../chain/partner-notifications.service';
import { API_CONFIG } from '../config/config';
import type { ApiConfig } from '../config/config.schema';
import { Tenancy, type TenantTransaction } from '../database/tenancy';
import { errors } from '../errors/api-error';
import { AppClock } from '../time/app-clock';
import { readViewerLogCsv } from './csv-reader';
import { saltedRecordKey } from './record-key';
import { ViewerLogRepository, type StoredAnalysis } from './viewer-log.repository';
import type { ViewerLogAnalysisType } from './viewer-log.type';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHAIN = { nl: 'Het ketenincident', en: 'The chain incident' };
const ANALYSIS = { nl: 'De kijklog-analyse', en: 'The viewer-log analysis' };

export interface UploadQuestion {
  accounts: string[];
  from: string | undefined;
  to: string | undefined;
}

/**
 * The viewer log's impact analysis for a chain incident (issue 18), for HINQ's coordinator. The upload is read as a
 * stream outside any transaction (it may take seconds; no connection waits for the client), then the counts are
 * stored in one tenant transaction with the access-log row. The upload and its salt are gone when this returns.
 */
@Injectable()
export class ViewerLogService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly repository: ViewerLogRepository,
    private readonly chains: ChainRepository,
    private readonly partnerNotifications: PartnerNotificationsService,
    private readonly clock: AppClock,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** The question (suspect accounts, window) checked, and the chain incident coordinated by the actor. */
  async prepare(actor: Actor, chainIncidentId: string, input: UploadQuestion) {
    const from = input.from ? new Date(input.from) : new Date(NaN);
    const to = input.to ? new Date(input.to) : new Date(NaN);
    const question = checkQuestion(input.accounts, from, to);
    if (!question.ok) throw errors.invalidInput(question.problems);
    const organisations = await this.coordinated(actor, chainIncidentId, async (tx) =>
      this.repository.organisations(tx),
    );
    return { question: question.question, organisations };
  }

  /**
   * Reads the upload and stores the counts. The salt of the record keys is made here, lives while the stream is
   * read, and is never stored: the same file gives the same counts with any salt, and nothing kept can test a
   * guessed pseudonym. A repeated upload (same bytes, same question) is recognised by the file's SHA-256 and answered
   * with the analysis already stored: nothing is counted twice.
   */
  async analyse(
    actor: Actor,
    chainIncidentId: string,
    prepared: Awaited<ReturnType<ViewerLogService['prepare']>>,
    body: Readable,
    afterStore: (tx: TenantTransaction, analysisId: string) => Promise<void>,
  ): Promise<ViewerLogAnalysisType> {
    const recordKey = saltedRecordKey();
    const analyser = new ViewerLogAnalyser({
      organisations: prepared.organisations.byAlias,
      question: prepared.question,
      recordKey: recordKey.key,
    });
    const read = await readViewerLogCsv(body, this.config.VIEWER_LOG_UPLOAD_LIMIT_BYTES, {
      line: (n, fields) => analyser.add(n, fields),
      unreadable: (n, code) =>
        analyser.addUnreadable(n, {
          nl: `de regel is geen geldige CSV (${code}), bijvoorbeeld een aanhalingsteken dat niet wordt gesloten`,
          en: `the line is not valid CSV (${code}), for instance a quote that is never closed`,
        }),
    }).finally(recordKey.discard);
    const result = analyser.result();
    const accounts = prepared.question.suspectAccounts.map(normaliseAccount).sort();
    return this.coordinated(actor, chainIncidentId, async (tx, chainActor) => {
      const { from, to } = prepared.question;
      const repeat = await this.repository.findRepeat(tx, chainIncidentId, read.sha256, accounts, from, to);
      if (repeat) {
        await afterStore(tx, repeat.id);
        return this.present(tx, chainActor, repeat, true);
      }
      const id = await this.repository.insert(tx, {
        chainIncidentId,
        sha256: read.sha256,
        accounts,
        from,
        to,
        analysis: result,
        at: this.clock.now(),
        by: actor.user.id,
      });
      await afterStore(tx, id);
      return this.present(tx, chainActor, (await this.repository.find(tx, id))!, false);
    });
  }

  async latest(actor: Actor, chainIncidentId: string): Promise<ViewerLogAnalysisType | null> {
    return this.coordinated(actor, chainIncidentId, async (tx, chainActor) => {
      const stored = await this.repository.latest(tx, chainIncidentId);
      return stored ? this.present(tx, chainActor, stored, false) : null;
    });
  }

  /**
   * HINQ confirms the proposal (all proposed organisations, or fewer): they become the chain incident's partners
   * through the chain's own use case (choosePartners: its checks, reachability, mails), each with reasoning made of
   * the counts. Same request transaction: the partners and the confirmation commit together.
   */
  async confirm(actor: Actor, analysisId: string, organisationIds: string[]): Promise<ViewerLogAnalysisType> {
    const found = await this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      await this.chains.setCoordinator(tx, isCoordinator(chainActorOf(actor)));
      return UUID.test(analysisId) ? this.repository.find(tx, analysisId, true) : null;
    });
    if (!found) throw errors.notFound(ANALYSIS);
    if (found.confirmedAt) {
      throw errors.conflict({
        nl: 'Dit voorstel is al bevestigd. Upload een nieuw kijklog voor een nieuw voorstel.',
        en: 'This proposal has already been confirmed. Upload a new viewer log for a new proposal.',
      });
    }
    const proposal = await this.coordinated(actor, found.chainIncidentId, (tx, chainActor) =>
      this.present(tx, chainActor, found, false),
    );
    const proposed = new Map(
      proposal.organisations.filter((o) => o.status === 'PROPOSED').map((o) => [o.organisation.id, o]),
    );
    const chosen = [...new Set(organisationIds.map((id) => id.toLowerCase()))];
    const problems = chosen
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !proposed.has(id))
      .map(({ i }) => ({
        field: `organisationIds[${i}]`,
        message: {
          nl: 'Deze organisatie staat niet als te informeren partner in het voorstel.',
          en: 'This organisation is not proposed as a partner to inform.',
        },
      }));
    if (chosen.length === 0)
      problems.push({
        field: 'organisationIds',
        message: { nl: 'Kies minstens één organisatie.', en: 'Choose at least one organisation.' },
      });
    if (problems.length) throw errors.invalidInput(problems);
    await this.partnerNotifications.choosePartners(
      actor,
      found.chainIncidentId,
      chosen.map((id) => ({ organisationId: id, reasoning: proposalReasoning(proposed.get(id)!) })),
      // The reasoning is generated from counts; it carries no client data by construction.
      true,
    );
    return this.coordinated(actor, found.chainIncidentId, async (tx, chainActor) => {
      await this.repository.confirm(tx, found.id, this.clock.now(), actor.user.id, chosen);
      return this.present(tx, chainActor, (await this.repository.find(tx, found.id))!, false);
    });
  }

  /** Work on a chain incident the actor coordinates as HINQ; another one is not found (as for a wrong id). */
  private coordinated<T>(
    actor: Actor,
    chainIncidentId: string,
    work: (tx: TenantTransaction, chainActor: ChainActor) => Promise<T>,
  ): Promise<T> {
    const chainActor = chainActorOf(actor);
    return this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      const coordinator = isCoordinator(chainActor);
      await this.chains.setCoordinator(tx, coordinator);
      const chain = coordinator && UUID.test(chainIncidentId) ? await this.chains.find(tx, chainIncidentId) : null;
      if (!chain) throw errors.notFound(CHAIN);
      return work(tx, chainActor);
    });
  }

  private async present(
    tx: TenantTransaction,
    _chainActor: ChainActor,
    stored: StoredAnalysis,
    repeated: boolean,
  ): Promise<ViewerLogAnalysisType> {
    const chain = (await this.chains.find(tx, stored.chainIncidentId))!;
    const partners = await this.chains.partners(tx, stored.chainIncidentId);
    const hinq = (await this.repository.organisations(tx)).hinq;
    const items = proposePartners(stored.organisations, {
      reportingOrganisationId: chain.reportingOrganisationId,
      hinqOrganisationIds: hinq,
      alreadyChosen: new Set(partners.map((p) => p.partnerOrganisationId)),
    });
    const names = await this.repository.names(
      tx,
      items.map((i) => i.organisationId),
    );
    return {
      id: stored.id,
      chainIncidentId: stored.chainIncidentId,
      suspectAccounts: stored.suspectAccounts,
      windowFrom: stored.windowFrom,
      windowTo: stored.windowTo,
      lines: stored.lines,
      accepted: stored.accepted,
      relevant: stored.relevant,
      rejected: stored.rejected,
      rejectedByReason: Object.entries(stored.rejectedByReason)
        .filter(([, count]) => count > 0)
        .map(([reason, count]) => ({ reason: reason as keyof typeof stored.rejectedByReason, count })),
      rejectedLines: stored.rejectedLines,
      organisations: items.map((i) => ({
        organisation: { id: i.organisationId, name: names.get(i.organisationId) ?? '—' },
        distinctRecords: i.distinctRecords,
        accesses: i.accesses,
        firstAccessAt: i.firstAccessAt,
        lastAccessAt: i.lastAccessAt,
        status: i.status,
      })),
      analysedAt: stored.analysedAt,
      analysedByName: stored.analysedByName,
      confirmedAt: stored.confirmedAt,
      confirmedByName: stored.confirmedByName,
      confirmedOrganisationIds: stored.confirmedOrganisationIds,
      repeated,
    };
  }
}
