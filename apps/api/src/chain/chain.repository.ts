import { Injectable } from '@nestjs/common';
import type {
  ChainIncident,
  ChainScenario,
  DirectoryEntry,
  PartnerNotification,
  PartnerNotificationContent,
  TimelineAuthorKind,
  TimelineEntry,
} from '@babyconnect/domain';
import type { TenantTransaction } from '../database/tenancy';

/** A partner notification with the names a view needs. */
export interface StoredPartner extends PartnerNotification {
  partnerName: string;
  acknowledgedByName: string | null;
}

export interface StoredChain extends ChainIncident {
  reportingOrganisationName: string;
}

export interface StoredTimelineEntry extends TimelineEntry {
  authorOrganisationName: string;
  authorName: string | null;
}

/** What `chain_partner_progress` tells of a partner's own incident: facts, never its content. */
export interface PartnerProgress {
  partnerId: string;
  stage: string;
  discoveredAt: Date;
  apDeadline: Date;
  apNotifiedAt: Date | null;
  apNotNeeded: boolean;
  apDecided: boolean;
  dataSubjectsDecided: boolean;
  dataSubjectsInformedAt: Date | null;
}

export interface QuarterFigures {
  organisationId: string;
  quarter: string;
  reported: number;
  breaches: number;
  nearMisses: number;
  chainIncidents: number;
  detectionAlerts: number;
  dismissedAlerts: number;
}

const CHAIN_COLUMNS = `c.id::text AS id, c.scenario, c.organisation_id::text AS "reportingOrganisationId",
  o.name AS "reportingOrganisationName", c.source_incident_id::text AS "sourceIncidentId", c.reference, c.exercise,
  c.discovered_at AS "discoveredAt", c.declared_at AS "declaredAt", c.declared_by::text AS "declaredBy", c.content`;

const PARTNER_COLUMNS = `p.id::text AS id, p.chain_incident_id::text AS "chainIncidentId",
  p.partner_organisation_id::text AS "partnerOrganisationId", o.name AS "partnerName", p.reasoning,
  p.chosen_at AS "chosenAt", p.chosen_by::text AS "chosenBy", p.chosen_by_organisation_id::text AS "chosenByOrganisationId",
  p.contact_reachable AS "contactReachable", p.adjustment, p.approved_at, p.approved_by::text AS approved_by,
  p.approved_by_organisation_id::text AS approved_by_organisation_id, p.approved_content, p.sent_at,
  p.sent_by::text AS sent_by, p.delay_reasons, p.acknowledged_at, p.acknowledged_by::text AS acknowledged_by,
  u.display_name AS "acknowledgedByName", p.linked_incident_id::text AS "linkedIncidentId"`;

type Row = Record<string, unknown>;
const date = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const maybeDate = (value: unknown): Date | null => (value === null || value === undefined ? null : date(value));

/**
 * The only SQL about chain incidents. Every read runs under the chain tables' own row-level security, so a row the
 * acting organisation may not see is simply absent: "not found", whoever asks for it.
 */
@Injectable()
export class ChainRepository {
  /** Tells the database, for this transaction, whether the acting person is HINQ's coordinator (the policies read it). */
  async setCoordinator(tx: TenantTransaction, coordinator: boolean): Promise<void> {
    await tx.manager.query(`SELECT set_config('app.hinq_coordinator', $1, true)`, [coordinator ? 'on' : '']);
  }

  /**
   * Runs `work` as `target` (the chain incident's reporter or an informed partner), then returns to the acting
   * organisation. The database checks the right (chain_enter_tenant); see the migration.
   */
  async inTenantOf<T>(
    tx: TenantTransaction,
    chainId: string,
    target: string,
    work: (tx: TenantTransaction) => Promise<T>,
  ): Promise<T> {
    if (target === tx.organisationId) return work(tx);
    await tx.manager.query('SELECT chain_enter_tenant($1, $2)', [chainId, target]);
    const result = await work({ kind: 'tenant', organisationId: target, manager: tx.manager });
    // Only on success: after a failure the transaction is rolled back whole, settings included.
    await tx.manager.query('SELECT chain_leave_tenant()');
    return result;
  }

  async directory(tx: TenantTransaction): Promise<Map<string, DirectoryEntry>> {
    const rows: { id: string; kind: DirectoryEntry['kind']; left_chain_at: Date | null }[] = await tx.manager.query(
      `SELECT id::text AS id, kind::text AS kind, left_chain_at FROM organisations`,
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, kind: r.kind, leftChainAt: maybeDate(r.left_chain_at) }]));
  }

  async organisationName(tx: TenantTransaction, id: string): Promise<string> {
    const rows: { name: string }[] = await tx.manager.query(`SELECT name FROM organisations WHERE id = $1`, [id]);
    return rows[0]?.name ?? '—';
  }

  /**
   * The situation declared for the reporter's own breach (`incidents.chain_scenario`, migration 1765756800000): B
   * has no chain incident, so the breach itself keeps it. Written only in the reporter's tenant (RLS of incidents).
   */
  async setIncidentScenario(tx: TenantTransaction, incidentId: string, scenario: ChainScenario): Promise<void> {
    await tx.manager.query(`UPDATE incidents SET chain_scenario = $3 WHERE organisation_id = $1 AND id = $2`, [
      tx.organisationId,
      incidentId,
      scenario,
    ]);
  }

  /** The situation declared for a breach of the acting organisation (null: none yet). */
  async incidentScenario(tx: TenantTransaction, incidentId: string): Promise<ChainScenario | null> {
    const rows: { chain_scenario: ChainScenario | null }[] = await tx.manager.query(
      `SELECT chain_scenario FROM incidents WHERE organisation_id = $1 AND id = $2`,
      [tx.organisationId, incidentId],
    );
    return rows[0]?.chain_scenario ?? null;
  }

  async bySourceIncident(tx: TenantTransaction, incidentId: string): Promise<StoredChain | null> {
    const rows: Row[] = await tx.manager.query(
      `SELECT ${CHAIN_COLUMNS} FROM chain_incidents c JOIN organisations o ON o.id = c.organisation_id
        WHERE c.source_incident_id = $1`,
      [incidentId],
    );
    return rows[0] ? toChain(rows[0]) : null;
  }

  async find(tx: TenantTransaction, id: string, lock = false): Promise<StoredChain | null> {
    const rows: Row[] = await tx.manager.query(
      `SELECT ${CHAIN_COLUMNS} FROM chain_incidents c JOIN organisations o ON o.id = c.organisation_id
        WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`,
      [id],
    );
    return rows[0] ? toChain(rows[0]) : null;
  }

  /** What the acting organisation may see: all (HINQ's coordinator), its own reports, and those it was informed of. */
  async list(tx: TenantTransaction): Promise<StoredChain[]> {
    const rows: Row[] = await tx.manager.query(
      `SELECT ${CHAIN_COLUMNS} FROM chain_incidents c JOIN organisations o ON o.id = c.organisation_id
        ORDER BY c.declared_at DESC, c.id DESC LIMIT 500`,
    );
    return rows.map(toChain);
  }

  async insert(tx: TenantTransaction, chain: Omit<ChainIncident, 'id'>, partnerDeadline: Date): Promise<string> {
    const rows: { id: string }[] = await tx.manager.query(
      `INSERT INTO chain_incidents (organisation_id, source_incident_id, scenario, reference, exercise, discovered_at,
                                    partner_deadline, declared_at, declared_by, content, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $8) RETURNING id::text AS id`,
      [
        tx.organisationId,
        chain.sourceIncidentId,
        chain.scenario,
        chain.reference,
        chain.exercise,
        chain.discoveredAt,
        partnerDeadline,
        chain.declaredAt,
        chain.declaredBy,
        chain.content,
      ],
    );
    return rows[0]!.id;
  }

  async updateContent(tx: TenantTransaction, id: string, content: PartnerNotificationContent, at: Date): Promise<void> {
    await tx.manager.query(`UPDATE chain_incidents SET content = $2, updated_at = $3 WHERE id = $1`, [id, content, at]);
  }

  /** The chain incident's partners the acting organisation may see (an informed partner: its own only). */
  async partners(tx: TenantTransaction, chainId: string): Promise<StoredPartner[]> {
    const rows: Row[] = await tx.manager.query(
      `SELECT ${PARTNER_COLUMNS} FROM chain_partners p JOIN organisations o ON o.id = p.partner_organisation_id
         LEFT JOIN users u ON u.id = p.acknowledged_by
        WHERE p.chain_incident_id = $1 ORDER BY o.name, p.id`,
      [chainId],
    );
    return rows.map(toPartner);
  }

  async partner(tx: TenantTransaction, id: string, lock = false): Promise<StoredPartner | null> {
    const rows: Row[] = await tx.manager.query(
      `SELECT ${PARTNER_COLUMNS} FROM chain_partners p JOIN organisations o ON o.id = p.partner_organisation_id
         LEFT JOIN users u ON u.id = p.acknowledged_by
        WHERE p.id = $1 ${lock ? 'FOR UPDATE OF p' : ''}`,
      [id],
    );
    return rows[0] ? toPartner(rows[0]) : null;
  }

  async insertPartner(
    tx: TenantTransaction,
    chain: Pick<ChainIncident, 'id' | 'reportingOrganisationId'>,
    partner: Omit<PartnerNotification, 'id' | 'chainIncidentId'>,
  ): Promise<string> {
    const rows: { id: string }[] = await tx.manager.query(
      `INSERT INTO chain_partners (organisation_id, chain_incident_id, partner_organisation_id, reasoning, chosen_at,
                                   chosen_by, chosen_by_organisation_id, contact_reachable)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::text AS id`,
      [
        chain.reportingOrganisationId,
        chain.id,
        partner.partnerOrganisationId,
        partner.reasoning,
        partner.chosenAt,
        partner.chosenBy,
        partner.chosenByOrganisationId,
        partner.contactReachable,
      ],
    );
    return rows[0]!.id;
  }

  /** Writes what the domain changed of one partner notification (never its choice or partner). */
  async updatePartner(tx: TenantTransaction, n: PartnerNotification): Promise<void> {
    const result: unknown = await tx.manager.query(
      `UPDATE chain_partners SET adjustment = $2, approved_at = $3, approved_by = $4, approved_by_organisation_id = $5,
              approved_content = $6, sent_at = $7, sent_by = $8, delay_reasons = $9, acknowledged_at = $10,
              acknowledged_by = $11, linked_incident_id = $12
        WHERE id = $1`,
      [
        n.id,
        n.adjustment,
        n.approval?.at ?? null,
        n.approval?.by ?? null,
        n.approval?.byOrganisationId ?? null,
        n.approval ? JSON.stringify(n.approval.content) : null,
        n.sending?.at ?? null,
        n.sending?.by ?? null,
        n.sending?.delayReasons ?? null,
        n.acknowledgement?.at ?? null,
        n.acknowledgement?.by ?? null,
        n.linkedIncidentId,
      ],
    );
    const affected = Array.isArray(result) ? (result[1] as number) : 0;
    if (affected !== 1) throw new Error(`chain partner ${n.id} could not be written`);
  }

  async timeline(tx: TenantTransaction, chainId: string): Promise<StoredTimelineEntry[]> {
    const rows: Row[] = await tx.manager.query(
      `SELECT t.id::text AS id, t.chain_incident_id::text AS "chainIncidentId", t.author_kind AS "authorKind",
              t.author_organisation_id::text AS "authorOrganisationId", o.name AS "authorOrganisationName",
              t.author_user::text AS "authorPersonId", u.display_name AS "authorName", t.at, t.text
         FROM chain_timeline t JOIN organisations o ON o.id = t.author_organisation_id
         LEFT JOIN users u ON u.id = t.author_user
        WHERE t.chain_incident_id = $1 ORDER BY t.seq`,
      [chainId],
    );
    return rows.map((r) => ({ ...(r as unknown as StoredTimelineEntry), at: date(r['at']) }));
  }

  async post(
    tx: TenantTransaction,
    chain: Pick<ChainIncident, 'id' | 'reportingOrganisationId'>,
    entry: { authorKind: TimelineAuthorKind; personId: string; at: Date; text: string },
  ): Promise<string> {
    const rows: { id: string }[] = await tx.manager.query(
      `INSERT INTO chain_timeline (organisation_id, chain_incident_id, author_kind, author_organisation_id, author_user,
                                   at, text)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text AS id`,
      [
        chain.reportingOrganisationId,
        chain.id,
        entry.authorKind,
        tx.organisationId,
        entry.personId,
        entry.at,
        entry.text,
      ],
    );
    return rows[0]!.id;
  }

  async progress(tx: TenantTransaction, chainId: string): Promise<Map<string, PartnerProgress>> {
    const rows: Row[] = await tx.manager.query(`SELECT * FROM chain_partner_progress($1)`, [chainId]);
    return new Map(
      rows.map((r) => [
        String(r['partner_id']),
        {
          partnerId: String(r['partner_id']),
          stage: String(r['stage']),
          discoveredAt: date(r['discovered_at']),
          apDeadline: date(r['ap_deadline']),
          apNotifiedAt: maybeDate(r['ap_notified_at']),
          apNotNeeded: r['ap_not_needed'] === true,
          apDecided: r['ap_decided'] === true,
          dataSubjectsDecided: r['data_subjects_decided'] === true,
          dataSubjectsInformedAt: maybeDate(r['data_subjects_informed_at']),
        },
      ]),
    );
  }

  async quarterlyFigures(tx: TenantTransaction, from: Date, to: Date): Promise<(QuarterFigures & { name: string })[]> {
    const rows: Row[] = await tx.manager.query(
      `SELECT f.organisation_id::text AS "organisationId", o.name, f.quarter, f.reported::int AS reported,
              f.breaches::int AS breaches, f.near_misses::int AS "nearMisses", f.chain_incidents::int AS "chainIncidents",
              f.detection_alerts::int AS "detectionAlerts", f.dismissed_alerts::int AS "dismissedAlerts"
         FROM chain_quarterly_figures($1, $2) f JOIN organisations o ON o.id = f.organisation_id
        ORDER BY f.quarter, o.name`,
      [from, to],
    );
    return rows as unknown as (QuarterFigures & { name: string })[];
  }

  /** Cancels the acknowledgement timers of a partner's linked incident (the partner's own tenant). */
  async cancelAcknowledgementTimers(tx: TenantTransaction, linkedIncidentId: string): Promise<void> {
    await tx.manager.query(
      `UPDATE notification_timers SET status = 'cancelled'
        WHERE organisation_id = $1 AND incident_id = $2 AND status = 'pending'
          AND kind IN ('partner-ack-reminder', 'partner-ack-escalation')`,
      [tx.organisationId, linkedIncidentId],
    );
  }
}

function toChain(r: Row): StoredChain {
  return {
    ...(r as unknown as StoredChain),
    discoveredAt: date(r['discoveredAt']),
    declaredAt: date(r['declaredAt']),
    content: (r['content'] as PartnerNotificationContent | null) ?? null,
  };
}

function toPartner(r: Row): StoredPartner {
  return {
    id: String(r['id']),
    chainIncidentId: String(r['chainIncidentId']),
    partnerOrganisationId: String(r['partnerOrganisationId']),
    partnerName: String(r['partnerName']),
    reasoning: String(r['reasoning']),
    chosenAt: date(r['chosenAt']),
    chosenBy: String(r['chosenBy']),
    chosenByOrganisationId: String(r['chosenByOrganisationId']),
    contactReachable: r['contactReachable'] === true,
    adjustment: (r['adjustment'] as PartnerNotification['adjustment']) ?? null,
    approval: r['approved_at']
      ? {
          at: date(r['approved_at']),
          by: String(r['approved_by']),
          byOrganisationId: String(r['approved_by_organisation_id']),
          content: r['approved_content'] as PartnerNotificationContent,
        }
      : null,
    sending: r['sent_at']
      ? {
          at: date(r['sent_at']),
          by: String(r['sent_by']),
          delayReasons: (r['delay_reasons'] as string | null) ?? null,
        }
      : null,
    acknowledgement: r['acknowledged_at'] ? { at: date(r['acknowledged_at']), by: String(r['acknowledged_by']) } : null,
    acknowledgedByName: (r['acknowledgedByName'] as string | null) ?? null,
    linkedIncidentId: (r['linkedIncidentId'] as string | null) ?? null,
  };
}
