import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { defineAbilityFor } from '@babyconnect/contracts';
import {
  checkLine,
  codePointLength,
  DETECTION_RULES,
  detectionWindows,
  formatAmsterdam,
  judgeBlocks,
  normaliseAccount,
  type DetectionAlert,
  type DetectionRule,
  type DetectionSettings,
  type LineRejection,
  type OrganisationKind,
} from '@babyconnect/domain';
import { actingOrganisationId, type Actor } from '../auth/actor';
import { API_CONFIG } from '../config/config';
import type { ApiConfig } from '../config/config.schema';
import { currentRequestTransaction, RequestTransaction } from '../database/request-transaction';
import { Tenancy, type TenantTransaction } from '../database/tenancy';
import { errors } from '../errors/api-error';
import type { ReportBreachInput } from '../incidents/incident.inputs';
import { checkPrivacy, IncidentsService } from '../incidents/incidents.service';
import { freeText } from '../incidents/free-text-labels';
import { AppClock } from '../time/app-clock';
import { readViewerLogCsv } from './csv-reader';
import { DetectionRepository, type KeyedEvent, type StoredAlert, type StoredBatch } from './detection.repository';
import { UploadRefused } from './upload-refusal';
import { ViewerLogRepository } from './viewer-log.repository';

/** Lines keyed between two yields to the event loop (≈ 1 ms of HMAC). */
const KEY_SLICE = 256;
/** Events are kept this long: the longest rule window plus a day's export arriving late. */
const KEEP_EVENTS_MS = 2 * 24 * 60 * 60_000;
const BATCH_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ALERT = { nl: 'Het signaal', en: 'The alert' };
/** Characters of a dismissal reason kept (docs/viewer-log-format.md). */
const DISMISSAL_REASON_MAX = 2000;
export const SYSTEM_ISSUER = 'urn:babyconnect:system';
export const DETECTION_SUBJECT = 'viewer-log-detection';

export interface FeedAnswer extends StoredBatch {
  repeated: boolean;
  rejectedByReason: Partial<Record<LineRejection | 'BAD_QUOTING', number>>;
}

/** The rule's name in the incident text (Dutch: the workflow's free text is Dutch). */
const RULE_TEXT: Record<DetectionRule, string> = {
  MANY_ORGANISATIONS: 'één account opende dossiers van ongewoon veel organisaties of cliënten',
  UNUSUAL_HOURS: 'veel inzages door één account op een ongebruikelijk uur',
  TWO_ORGANISATIONS: 'één account werd in hetzelfde venster vanuit twee organisaties gebruikt',
};

export function detectionSettings(c: ApiConfig): DetectionSettings {
  return {
    manyOrganisations: {
      windowMinutes: c.DETECT_MANY_ORGS_WINDOW_MINUTES,
      organisations: c.DETECT_MANY_ORGS_ORGANISATIONS,
      records: c.DETECT_MANY_ORGS_RECORDS,
    },
    unusualHours: {
      windowMinutes: c.DETECT_NIGHT_WINDOW_MINUTES,
      accesses: c.DETECT_NIGHT_ACCESSES,
      fromHour: c.DETECT_NIGHT_FROM_HOUR,
      toHour: c.DETECT_NIGHT_TO_HOUR,
    },
    twoOrganisations: { windowMinutes: c.DETECT_TWO_ORGS_WINDOW_MINUTES },
  };
}

/**
 * Detection on the viewer's access log pushed by HINQ's systems (issue 18). A batch is read as a stream into
 * memory-light events (the pseudonym lives only until its line is keyed), stored once per batch id in HINQ's
 * tenant with the access-log row, judged by the domain's three rules over every window it touches, and each alert
 * is raised in the tenant of each organisation it concerns: the alert row, an ordinary incident reported by the
 * system user through the incidents service (so the breach workflow, its AP clock and its mails — the FG and
 * privacy officers, and HINQ through `other-organisations-involved` — follow as for any report), all in one
 * transaction per organisation. The same batch again changes nothing and gets the same answer.
 */
@Injectable()
export class DetectionService {
  private readonly settings: DetectionSettings;

  constructor(
    private readonly tenancy: Tenancy,
    private readonly repository: DetectionRepository,
    private readonly viewerLog: ViewerLogRepository,
    private readonly incidents: IncidentsService,
    private readonly clock: AppClock,
    private readonly dataSource: DataSource,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.settings = detectionSettings(config);
  }

  checkBatchId(batchId: string | undefined): string {
    if (batchId && BATCH_ID.test(batchId)) return batchId;
    throw new UploadRefused(400, 'BAD_USER_INPUT', {
      nl: 'Geef een batch-id mee (?batch=…): 1 tot 100 tekens, letters, cijfers en . _ : -. Dezelfde batch nogmaals wordt niet dubbel geteld.',
      en: 'Send a batch id (?batch=…): 1 to 100 characters, letters, digits and . _ : -. The same batch again is not counted twice.',
    });
  }

  /**
   * `batch` is the pushed batch's id, or — for a daily file, whose id is its content — a function of the bytes'
   * SHA-256, called once the body is read.
   */
  async push(
    actor: Actor,
    batch: string | ((sha256: string) => string),
    body: Readable,
    limit: number,
    logIn: (tx: TenantTransaction) => Promise<void>,
  ): Promise<FeedAnswer> {
    const hinq = actingOrganisationId(actor);
    const organisations = await this.tenancy.asTenant(hinq, (tx) => this.viewerLog.organisations(tx));
    // The pseudonym is kept only until the batch is read and its days' secrets are known; then it is keyed and gone.
    const lines: { at: number; account: string; u: string; r: string; pseudonym: string }[] = [];
    const rejectedByReason: FeedAnswer['rejectedByReason'] = {};
    const reject = (reason: LineRejection) => (rejectedByReason[reason] = (rejectedByReason[reason] ?? 0) + 1);
    const read = await readViewerLogCsv(body, limit, {
      line: (_n, fields) => {
        const check = checkLine(fields, organisations.byAlias);
        if (!check.ok) return void reject(check.reason);
        const l = check.line;
        lines.push({
          at: l.at,
          account: normaliseAccount(l.user),
          u: l.userOrganisationId,
          r: l.recordOrganisationId,
          pseudonym: l.recordPseudonym,
        });
      },
      unreadable: () => void reject('BAD_QUOTING'),
    });
    const rejected = Object.values(rejectedByReason).reduce((a, b) => a + (b ?? 0), 0);
    const now = this.clock.now();
    const batchId = typeof batch === 'string' ? batch : batch(read.sha256);

    const attempt = () =>
      this.tenancy.asTenant(hinq, async (tx) => {
        const before = await this.repository.findBatch(tx, batchId);
        if (before) {
          if (before.sha256 !== read.sha256) {
            throw new UploadRefused(409, 'CONFLICT', {
              nl: 'Deze batch-id is al gebruikt voor andere inhoud. Een batch is onveranderlijk: stuur nieuwe regels met een nieuwe batch-id.',
              en: 'This batch id was already used for other content. A batch is immutable: send new lines with a new batch id.',
            });
          }
          await logIn(tx);
          // Judged again from what was stored: raises only what a crash after the first commit left unraised.
          return {
            batch: before,
            alerts: await this.judge(tx, await this.repository.eventsOfBatch(tx, batchId)),
            repeated: true,
          };
        }
        const days = [...new Set(lines.map((l) => utcDay(l.at)))];
        // One key object per day: createHmac with the raw secret imports it again for every line (≈ 20 µs a line,
        // most of a batch's time on the event loop); with a key object the same HMAC costs a few µs.
        const secrets = new Map<string, KeyObject>();
        for (const [day, secret] of await this.repository.daySecrets(tx, days))
          secrets.set(day, createSecretKey(secret));
        const events: KeyedEvent[] = [];
        for (const [i, l] of lines.entries()) {
          // Other users' requests get the event loop between slices: a batch of thousands of lines would otherwise
          // hold it for its whole keying (measured: their p99 rose while a minute's batch was keyed).
          if (i > 0 && i % KEY_SLICE === 0) await yieldToEventLoop();
          events.push({
            at: l.at,
            account: l.account,
            userOrganisationId: l.u,
            recordOrganisationId: l.r,
            recordKey: createHmac('sha256', secrets.get(utcDay(l.at))!)
              .update(l.r)
              .update('\u0000')
              .update(l.pseudonym)
              .digest('base64url')
              .slice(0, 16),
          });
        }
        await this.repository.insertEvents(tx, batchId, events);
        const alerts = await this.judge(tx, events);
        const batch = {
          batchId,
          sha256: read.sha256,
          events: events.length,
          rejected,
          alerts: alerts.length,
          receivedAt: now,
        };
        // The batch row last, with its counts: a concurrent push of the same batch waits here for the first and
        // then finds it claimed — this attempt is rolled back (its events with it) and answered as a repeat.
        if (!(await this.repository.claimBatch(tx, batch))) throw new BatchRace();
        await this.repository.prune(tx, new Date(now.getTime() - KEEP_EVENTS_MS));
        await logIn(tx);
        return { batch, alerts, repeated: false };
      });
    let outcome: Awaited<ReturnType<typeof attempt>>;
    try {
      outcome = await attempt();
    } catch (error) {
      if (!(error instanceof BatchRace)) throw error;
      outcome = await attempt();
    } finally {
      // The pseudonyms are gone with the lines: only keys were stored.
      lines.length = 0;
    }
    // Raised after the batch committed; each alert is unique per organisation, so a crash in between is healed by
    // pushing the batch again.
    const alerts = outcome.alerts;
    for (const alert of alerts) await this.raise(alert);
    return { ...outcome.batch, repeated: outcome.repeated, rejectedByReason };
  }

  /**
   * The rules over every window the batch's events touch, with every stored event of those accounts there — counted
   * in the database (`blocksOf`), judged by the domain's rules (`judgeBlocks`).
   */
  private async judge(tx: TenantTransaction, events: readonly KeyedEvent[]): Promise<DetectionAlert[]> {
    if (events.length === 0) return [];
    let min = Infinity;
    let max = -Infinity;
    const accounts = new Set<string>();
    for (const e of events) {
      if (e.at < min) min = e.at;
      if (e.at > max) max = e.at;
      accounts.add(e.account);
    }
    const minutes = detectionWindows(this.settings);
    const windows = DETECTION_RULES.map((rule) => {
      const size = minutes[rule] * 60_000;
      return {
        rule,
        minutes: minutes[rule],
        from: Math.floor(min / size) * size,
        to: (Math.floor(max / size) + 1) * size,
      };
    });
    return judgeBlocks(await this.repository.blocksOf(tx, [...accounts], windows), this.settings);
  }

  /**
   * One alert into each organisation it concerns: the alert row and, when it is new, a suspected breach reported by
   * the system user in that organisation's workflow — one transaction, so an alert never lacks its incident.
   */
  private async raise(alert: DetectionAlert): Promise<void> {
    const system = await this.systemUserId();
    for (const organisationId of alert.affectedOrganisationIds) {
      const org = await this.organisation(organisationId);
      if (!org) continue;
      await this.inOneTransaction(async () => {
        const created = await this.tenancy.asTenant(organisationId, (tx) =>
          this.repository.raise(tx, alert, this.clock.now()),
        );
        if (!created) return;
        const incident = await this.incidents.report(systemActor(system, org), reportOf(alert));
        await this.tenancy.asTenant(organisationId, (tx) => this.repository.linkIncident(tx, created, incident.id));
      });
    }
  }

  /** Everything `work` does through Tenancy in one transaction, as a GraphQL request's work is. */
  private async inOneTransaction(work: () => Promise<void>): Promise<void> {
    const transaction = new RequestTransaction(this.dataSource);
    try {
      await currentRequestTransaction.run(transaction, work);
    } catch (error) {
      await transaction.finish(false, async () => undefined);
      throw error;
    }
    await transaction.finish(true, async () => undefined);
  }

  private systemUserIdCache: Promise<string> | null = null;
  private systemUserId(): Promise<string> {
    this.systemUserIdCache ??= this.dataSource
      .query(`SELECT id::text AS id FROM users WHERE issuer = $1 AND subject = $2`, [SYSTEM_ISSUER, DETECTION_SUBJECT])
      .then((rows: { id: string }[]) => {
        if (!rows[0]) throw new Error('the system user of viewer-log detection is missing (migration 1765670400000)');
        return rows[0].id;
      });
    this.systemUserIdCache.catch(() => (this.systemUserIdCache = null));
    return this.systemUserIdCache;
  }

  private async organisation(id: string): Promise<SystemOrganisation | null> {
    const rows: SystemOrganisation[] = await this.dataSource.query(
      `SELECT id::text AS id, alias, name, kind::text AS kind FROM organisations WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** HINQ's coordinator reads every alert of the chain; anyone else with the right only their organisation's. */
  async alerts(actor: Actor): Promise<StoredAlert[]> {
    const coordinator = actor.acting?.kind === 'HINQ' && actor.acting.roles.includes('hinq-coordinator');
    return this.tenancy.asTenant(actingOrganisationId(actor), (tx) => this.repository.list(tx, !coordinator, 500));
  }

  /**
   * The privacy officer dismisses an open alert of their organisation, with the reason kept. The suspected breach
   * the alert raised is judged with it when nobody has assessed it yet: step 2 "not a breach" with the reason, which
   * closes it (its AP clock and reminders end; the register keeps it apart) — a dismissed alert is the officer's
   * judgement, and leaving its incident open would keep reminders running for a breach that is none. An incident
   * already assessed stays as it is: the workflow holds that judgement. One transaction: either both or neither.
   * The reason is free text that is kept, so it passes the privacy guard like every other.
   */
  async dismiss(
    actor: Actor,
    id: string,
    reason: string,
    confirmPrivacyWarnings?: boolean | null,
  ): Promise<StoredAlert> {
    const text = reason.trim();
    if (text.length === 0 || codePointLength(text) > DISMISSAL_REASON_MAX) {
      throw errors.invalidInput([
        {
          field: 'reason',
          message: {
            nl: 'Geef een reden op (hoogstens 2000 tekens): die wordt bewaard bij het signaal.',
            en: 'Give a reason (at most 2,000 characters): it is kept with the alert.',
          },
        },
      ]);
    }
    checkPrivacy([freeText('reason', 'dismissalReason', text)], confirmPrivacyWarnings);
    return this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      const found = UUID.test(id) ? await this.repository.find(tx, id) : null;
      if (!found) throw errors.notFound(ALERT);
      if (!(await this.repository.dismiss(tx, id, actor.user.id, this.clock.now(), text))) {
        throw errors.conflict({
          nl: 'Dit signaal is al afgedaan; de eerdere reden blijft bewaard.',
          en: 'This alert has already been dismissed; the earlier reason is kept.',
        });
      }
      if (found.incidentId) await this.concludeNotABreach(actor, found.incidentId, text);
      return (await this.repository.find(tx, id))!;
    });
  }

  private async concludeNotABreach(actor: Actor, incidentId: string, reason: string): Promise<void> {
    const incident = await this.incidents.detail(actor, incidentId);
    if (incident.stage !== 'reported') return;
    const reasoning = `Signaal van de kijklogdetectie afgedaan: ${reason}`;
    await this.incidents.apply(actor, incidentId, incident.version, {
      build: () => ({ type: 'assess', conclusion: 'not-a-breach', reasoning }),
      freeText: [],
      // Checked above, as the dismissal's reason.
      confirmPrivacyWarnings: true,
    });
  }
}

/** Another push of the same batch id committed first. */
class BatchRace extends Error {}

interface SystemOrganisation {
  id: string;
  alias: string;
  name: string;
  kind: OrganisationKind;
}

/** The system user acting for the organisation an alert concerns, as a reporter (anyone may report a suspicion). */
function systemActor(userId: string, org: SystemOrganisation): Actor {
  const acting = {
    organisationId: org.id,
    alias: org.alias,
    name: org.name,
    kind: org.kind,
    roles: ['employee'] as const,
  };
  return {
    user: {
      id: userId,
      displayName: 'Automatische signalering kijklog',
      email: null,
      issuer: SYSTEM_ISSUER,
      subject: DETECTION_SUBJECT,
    },
    memberships: [acting],
    acting,
    mustChooseOrganisation: false,
    platformAdmin: false,
    ability: defineAbilityFor({ roles: acting.roles, platformAdmin: false }),
  };
}

/**
 * The suspected breach as the organisation's privacy officer first reads it: marked as automatically signalled,
 * the rule, the window and the counts — no account, no pseudonym, nothing of a client (the account is on the alert,
 * readable by those who may). Other organisations are involved by nature (the chain's viewer, run by HINQ), so
 * HINQ is told at once through the workflow's own `other-organisations-involved` message.
 */
function reportOf(alert: DetectionAlert): ReportBreachInput {
  const from = formatAmsterdam(alert.windowStart, 'nl');
  const to = formatAmsterdam(alert.windowEnd, 'nl');
  return {
    whatHappened:
      `[Automatisch gesignaleerd] Vermoeden van een datalek in het kijklog van de keten: ${RULE_TEXT[alert.rule]}. ` +
      `Venster ${from} tot ${to}: ${alert.accesses} inzages, ${alert.distinctRecords} verschillende dossiers van ` +
      `${alert.distinctOrganisations} organisatie(s). Beoordeel het signaal; het account en de tellingen staan bij het signaal.`,
    discoveredAt: null,
    stillOngoing: 'unknown',
    howDiscovered: `Automatisch gesignaleerd door de detectie op het kijklog (regel ${alert.rule}).`,
    otherOrganisationsInvolved: 'yes',
    exercise: false,
    // The text is generated from the rule, the window and counts: the dates the privacy check notices are the
    // window's, never a client's (the same reasoning as the chain's generated partner reasoning).
    confirmPrivacyWarnings: true,
  };
}

function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
