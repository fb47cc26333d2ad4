import { Injectable } from '@nestjs/common';
import type {
  ApFollowUp,
  ApWithdrawal,
  BreachKind,
  DataSubjectCommunication,
  IncidentStage,
  LetterVersion,
  RegisterOrganisation,
} from '@babyconnect/domain';
import type { TenantTransaction } from '../database/tenancy';
import type { StoredIncidentState } from '../incidents/incident-state.mapper';
import { CLOCK_STATE_SQL } from '../incidents/incidents.repository';

/** The records kept beside one incident (follow-ups, withdrawal, sendings), oldest first. */
export interface IncidentRecords {
  followUps: ApFollowUp[];
  withdrawal: ApWithdrawal | null;
  communications: DataSubjectCommunication[];
}

export const REGISTER_LISTS = ['breaches', 'near-misses'] as const;
export type RegisterList = (typeof REGISTER_LISTS)[number];

/** The register's filters; every one optional. Exercises are never in it, whatever the filter. */
export interface RegisterFilter {
  list: RegisterList;
  /** Discovered at or after (inclusive). */
  from: Date | null;
  /** Discovered before (exclusive). */
  to: Date | null;
  stage: IncidentStage | null;
  kind: BreachKind | null;
  notified: boolean | null;
  /** The AP clock read met-late or overdue at `now` (the row's "late" column, read at the same `now`). */
  late: boolean | null;
  /** The moment the register is read: the filter and every row's clock use this one, however long a download takes. */
  now: Date;
}

/** A register row as read: the stored state with the reference's parts. */
export interface RegisterRow {
  id: string;
  year: number;
  number: number;
  discovered_at: Date;
  state: StoredIncidentState;
}

export interface RegisterCursor {
  at: Date;
  id: string;
}

/**
 * The only code that speaks SQL about the register's records. Incidents themselves are read with their own
 * repository (apps/api/src/incidents); this adds the records beside them and the register's query.
 */
@Injectable()
export class RegisterRepository {
  async organisation(tx: TenantTransaction): Promise<RegisterOrganisation> {
    const rows: RegisterOrganisation[] = await tx.manager.query(
      `SELECT name, kind, contact_role AS "contactRole", contact_name AS "contactName", contact_email AS "contactEmail"
         FROM organisations WHERE id = $1`,
      [tx.organisationId],
    );
    if (!rows[0]) throw new Error('the acting organisation does not exist');
    return rows[0];
  }

  async records(tx: TenantTransaction, incidentIds: readonly string[]): Promise<Map<string, IncidentRecords>> {
    const map = new Map<string, IncidentRecords>();
    for (const id of incidentIds) map.set(id, { followUps: [], withdrawal: null, communications: [] });
    if (incidentIds.length === 0) return map;
    const ap: {
      incident_id: string;
      kind: string;
      at: Date;
      text: string;
      ap_reference: string | null;
      recorded_at: Date;
      recorded_by: string;
    }[] = await tx.manager.query(
      `SELECT incident_id, kind, at, text, ap_reference, recorded_at, recorded_by FROM ap_notification_records
        WHERE organisation_id = $1 AND incident_id = ANY($2::uuid[]) ORDER BY at, recorded_at, id`,
      [tx.organisationId, incidentIds],
    );
    for (const r of ap) {
      const entry = map.get(r.incident_id)!;
      const base = { recordedAt: new Date(r.recorded_at), recordedBy: r.recorded_by };
      if (r.kind === 'withdrawal') entry.withdrawal = { withdrawnAt: new Date(r.at), reason: r.text, ...base };
      else entry.followUps.push({ submittedAt: new Date(r.at), summary: r.text, apReference: r.ap_reference, ...base });
    }
    const sent: {
      incident_id: string;
      sent_at: Date;
      channel: DataSubjectCommunication['channel'];
      recipients: number | null;
      letter_version: number | null;
      note: string | null;
      recorded_at: Date;
      recorded_by: string;
    }[] = await tx.manager.query(
      `SELECT incident_id, sent_at, channel, recipients, letter_version, note, recorded_at, recorded_by
         FROM data_subject_communications WHERE organisation_id = $1 AND incident_id = ANY($2::uuid[])
        ORDER BY sent_at, recorded_at, id`,
      [tx.organisationId, incidentIds],
    );
    for (const r of sent) {
      map.get(r.incident_id)!.communications.push({
        sentAt: new Date(r.sent_at),
        channel: r.channel,
        recipients: r.recipients,
        letterVersion: r.letter_version,
        note: r.note,
        recordedAt: new Date(r.recorded_at),
        recordedBy: r.recorded_by,
      });
    }
    return map;
  }

  async insertFollowUp(tx: TenantTransaction, incidentId: string, f: ApFollowUp): Promise<void> {
    await tx.manager.query(
      `INSERT INTO ap_notification_records (organisation_id, incident_id, kind, at, text, ap_reference, recorded_at, recorded_by)
       VALUES ($1, $2, 'follow-up', $3, $4, $5, $6, $7)`,
      [tx.organisationId, incidentId, f.submittedAt, f.summary, f.apReference, f.recordedAt, f.recordedBy],
    );
  }

  async insertWithdrawal(tx: TenantTransaction, incidentId: string, w: ApWithdrawal): Promise<void> {
    await tx.manager.query(
      `INSERT INTO ap_notification_records (organisation_id, incident_id, kind, at, text, recorded_at, recorded_by)
       VALUES ($1, $2, 'withdrawal', $3, $4, $5, $6)`,
      [tx.organisationId, incidentId, w.withdrawnAt, w.reason, w.recordedAt, w.recordedBy],
    );
  }

  async insertCommunication(tx: TenantTransaction, incidentId: string, c: DataSubjectCommunication): Promise<void> {
    await tx.manager.query(
      `INSERT INTO data_subject_communications (organisation_id, incident_id, sent_at, channel, recipients,
              letter_version, note, recorded_at, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        tx.organisationId,
        incidentId,
        c.sentAt,
        c.channel,
        c.recipients,
        c.letterVersion,
        c.note,
        c.recordedAt,
        c.recordedBy,
      ],
    );
  }

  /** Every saved version of the letter, newest first. */
  async letters(
    tx: TenantTransaction,
    incidentId: string,
  ): Promise<(LetterVersion & { savedByName: string | null })[]> {
    const rows: {
      version: number;
      language: LetterVersion['language'];
      variant: LetterVersion['variant'];
      subject: string;
      body: string;
      saved_at: Date;
      saved_by: string;
      saved_by_name: string | null;
    }[] = await tx.manager.query(
      `SELECT l.version, l.language, l.variant, l.subject, l.body, l.saved_at, l.saved_by, u.display_name AS saved_by_name
         FROM data_subject_letters l LEFT JOIN users u ON u.id = l.saved_by
        WHERE l.organisation_id = $1 AND l.incident_id = $2 ORDER BY l.version DESC`,
      [tx.organisationId, incidentId],
    );
    return rows.map((r) => ({
      version: r.version,
      language: r.language,
      variant: r.variant,
      subject: r.subject,
      body: r.body,
      savedAt: new Date(r.saved_at),
      savedBy: r.saved_by,
      savedByName: r.saved_by_name,
    }));
  }

  /** The caller holds the incident's row lock (findForUpdate), so versions are numbered without gaps or races. */
  async insertLetter(tx: TenantTransaction, incidentId: string, l: LetterVersion): Promise<void> {
    await tx.manager.query(
      `INSERT INTO data_subject_letters (organisation_id, incident_id, version, language, variant, subject, body,
              saved_at, saved_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [tx.organisationId, incidentId, l.version, l.language, l.variant, l.subject, l.body, l.savedAt, l.savedBy],
    );
  }

  /** One page of the register, newest discovery first. */
  async page(
    tx: TenantTransaction,
    filter: RegisterFilter,
    first: number,
    after: RegisterCursor | null,
  ): Promise<RegisterRow[]> {
    const { sql, params } = registerSql(tx.organisationId, filter, after, first);
    return tx.manager.query(sql, params);
  }

  /**
   * Runs `each` over every row of the register in batches read from a server-side cursor inside the tenant
   * transaction (never the whole register in memory). `each` may wait (back-pressure from the HTTP response);
   * `cancelled` stops early (a client that disconnected) — the caller's transaction then ends and frees the connection.
   */
  async stream(
    tx: TenantTransaction,
    filter: RegisterFilter,
    batch: number,
    each: (rows: RegisterRow[]) => Promise<void>,
    cancelled: () => boolean,
  ): Promise<number> {
    const { sql, params } = registerSql(tx.organisationId, filter, null, null);
    const name = `register_${Math.random().toString(36).slice(2, 10)}`;
    await tx.manager.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params);
    let total = 0;
    try {
      for (;;) {
        if (cancelled()) break;
        const rows: RegisterRow[] = await tx.manager.query(`FETCH FORWARD ${batch} FROM ${name}`);
        if (rows.length === 0) break;
        total += rows.length;
        await each(rows);
        if (rows.length < batch) break;
      }
    } finally {
      if (!cancelled()) await tx.manager.query(`CLOSE ${name}`);
    }
    return total;
  }
}

/** The register's one statement: exercises never; near misses only in their own list; the filters; newest first. */
export function registerSql(
  organisationId: string,
  f: RegisterFilter,
  after: RegisterCursor | null,
  limit: number | null,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [organisationId];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const nearMiss = `coalesce(state #>> '{assessment,conclusion}', '') = 'near-miss'`;
  const where = ['organisation_id = $1', 'NOT exercise', f.list === 'near-misses' ? nearMiss : `NOT (${nearMiss})`];
  if (f.from) where.push(`discovered_at >= ${param(f.from)}`);
  if (f.to) where.push(`discovered_at < ${param(f.to)}`);
  if (f.stage) where.push(`stage = ${param(f.stage)}`);
  if (f.kind) where.push(`(state #> '{checklist,kinds}') ? ${param(f.kind)}`);
  if (f.notified !== null) where.push(f.notified ? 'ap_notified_at IS NOT NULL' : 'ap_notified_at IS NULL');
  if (f.late !== null) {
    // The AP clock's met-late or overdue, in the incident list's own words for those states (a clock that ended as
    // not a breach, near miss or "do not notify" is not-needed there): one rule, not a second copy of it.
    const now = () => `${param(f.now)}::timestamptz`;
    const late = `((${CLOCK_STATE_SQL['met-late'](now)}) OR (${CLOCK_STATE_SQL.overdue(now)}))`;
    where.push(f.late ? late : `NOT ${late}`);
  }
  if (after) where.push(`(discovered_at, id) < (${param(after.at)}::timestamptz, ${param(after.id)}::uuid)`);
  const sql = `SELECT id, year, number, discovered_at, state FROM incidents WHERE ${where.join(' AND ')}
    ORDER BY discovered_at DESC, id DESC${limit === null ? '' : ` LIMIT ${param(limit)}`}`;
  return { sql, params };
}
