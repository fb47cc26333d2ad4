import { Injectable } from '@nestjs/common';
import {
  AP_DUE_SOON_HOURS,
  deadlineAfter,
  AP_NOTIFICATION_HOURS,
  incidentApClock,
  type BreachIncident,
  type IncidentEvent,
  type IncidentStage,
  type NotificationClockState,
  type RiskAdvice,
} from '@babyconnect/domain';
import type { TenantTransaction } from '../database/tenancy';
import { fromStoredState, toStoredState, type StoredIncidentState } from './incident-state.mapper';

/** One stored incident: the domain's state with what the database adds (id, reference, organisation). */
export interface StoredIncident {
  id: string;
  organisationId: string;
  year: number;
  number: number;
  incident: BreachIncident;
}

/** Characters of "what happened" a list row carries (IncidentSummary.whatHappenedExcerpt). */
export const INCIDENT_EXCERPT_LENGTH = 160;

export interface IncidentListRow {
  id: string;
  year: number;
  number: number;
  stage: IncidentStage;
  exercise: boolean;
  reportedAt: Date;
  reportedBy: string;
  discoveredAt: Date;
  apDeadline: Date;
  apNotifiedAt: Date | null;
  apNotNeeded: boolean;
  /** The first characters of "what happened", for the dashboard (never the whole text in a list). */
  whatHappenedExcerpt: string | null;
}

/** The list's orders; each has its own keyset (the cursor names the order it belongs to). */
export const INCIDENT_SORTS = ['reported-newest', 'deadline-soonest', 'discovered-newest'] as const;
export type IncidentSort = (typeof INCIDENT_SORTS)[number];

/** The position after which the next page starts: the sort's value and the id of the last row shown. */
export interface IncidentListCursor {
  sort: IncidentSort;
  at: Date;
  id: string;
}

export interface IncidentListQuery {
  first: number;
  sort: IncidentSort;
  after: IncidentListCursor | null;
  /** Only this person's reports (an employee follows their own). */
  reportedBy: string | null;
  stage: IncidentStage | null;
  exercise: boolean | null;
  clockState: NotificationClockState | null;
  /** Discovered at or after (inclusive). */
  discoveredFrom: Date | null;
  /** Discovered before (exclusive). */
  discoveredTo: Date | null;
  /** Matched case-insensitively, as a part, against the reference and what happened (already checked: 2–100). */
  text: string | null;
  now: Date;
}

export interface StoredEvent {
  event: IncidentEvent;
  byName: string | null;
  advice: RiskAdvice | null;
}

export interface LastChange {
  version: number;
  at: Date;
  byName: string | null;
}

const INSTANT_FIELDS = ['reportedAt', 'discoveredAt', 'apDeadline', 'apNotifiedAt'] as const;

/** The only code that speaks SQL about incidents. Every method takes a tenant transaction (RLS binds it too). */
@Injectable()
export class IncidentsRepository {
  /**
   * The next reference number of the organisation for `year`. The counter row stays locked until the request's
   * transaction ends, so numbers have no gaps: a report that fails later rolls its number back with it.
   */
  async nextNumber(tx: TenantTransaction, year: number): Promise<number> {
    const rows: { last_number: number }[] = await tx.manager.query(
      `INSERT INTO incident_counters (organisation_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (organisation_id, year) DO UPDATE SET last_number = incident_counters.last_number + 1
       RETURNING last_number`,
      [tx.organisationId, year],
    );
    return rows[0]!.last_number;
  }

  async insert(tx: TenantTransaction, year: number, number: number, incident: BreachIncident): Promise<string> {
    const c = columnsOf(incident);
    const rows: { id: string }[] = await tx.manager.query(
      `INSERT INTO incidents (organisation_id, year, number, version, stage, exercise, reported_by, reported_at,
                              discovered_at, ap_deadline, ap_notified_at, ap_not_needed, state, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $8) RETURNING id`,
      [tx.organisationId, year, number, ...c.values, c.state],
    );
    return rows[0]!.id;
  }

  /** Loads and locks the incident for a change (null: none with this id in the tenant). */
  async findForUpdate(tx: TenantTransaction, id: string): Promise<StoredIncident | null> {
    return this.find(tx, id, true);
  }

  async find(tx: TenantTransaction, id: string, lock = false): Promise<StoredIncident | null> {
    const rows: { id: string; organisation_id: string; year: number; number: number; state: StoredIncidentState }[] =
      await tx.manager.query(
        `SELECT id, organisation_id, year, number, state FROM incidents WHERE organisation_id = $1 AND id = $2
         ${lock ? 'FOR UPDATE' : ''}`,
        [tx.organisationId, id],
      );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      organisationId: row.organisation_id,
      year: row.year,
      number: row.number,
      incident: fromStoredState(row.state),
    };
  }

  /** Writes the incident's new state only when nobody wrote since `expectedVersion` (the row is locked anyway). */
  async update(
    tx: TenantTransaction,
    id: string,
    expectedVersion: number,
    incident: BreachIncident,
    at: Date,
  ): Promise<void> {
    const c = columnsOf(incident);
    const rows: unknown[] = await tx.manager.query(
      // Through a CTE: TypeORM answers a bare UPDATE … RETURNING as [rows, count], a SELECT as rows.
      `WITH changed AS (UPDATE incidents SET version = $3, stage = $4, exercise = $5, reported_by = $6, reported_at = $7,
              discovered_at = $8, ap_deadline = $9, ap_notified_at = $10, ap_not_needed = $11, state = $12,
              updated_at = $13
        WHERE organisation_id = $1 AND id = $2 AND version = $14 RETURNING id) SELECT id FROM changed`,
      [tx.organisationId, id, ...c.values, c.state, at, expectedVersion],
    );
    if (rows.length !== 1) throw new Error(`incident ${id} changed under its lock`);
  }

  async appendEvents(
    tx: TenantTransaction,
    incidentId: string,
    events: readonly IncidentEvent[],
    advice: RiskAdvice | null = null,
  ): Promise<void> {
    for (const event of events) {
      await tx.manager.query(
        `INSERT INTO incident_events (organisation_id, incident_id, version, type, at, by_user, event, advice)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          tx.organisationId,
          incidentId,
          event.version,
          event.type,
          event.at,
          event.personId,
          JSON.stringify(event),
          advice === null ? null : JSON.stringify(advice),
        ],
      );
    }
  }

  async history(tx: TenantTransaction, incidentId: string): Promise<StoredEvent[]> {
    const rows: { event: IncidentEvent & { at: string }; advice: RiskAdvice | null; by_name: string | null }[] =
      await tx.manager.query(
        `SELECT e.event, e.advice, u.display_name AS by_name FROM incident_events e
           LEFT JOIN users u ON u.id = e.by_user
          WHERE e.organisation_id = $1 AND e.incident_id = $2 ORDER BY e.version, e.id`,
        [tx.organisationId, incidentId],
      );
    return rows.map((r) => ({ event: { ...r.event, at: new Date(r.event.at) }, byName: r.by_name, advice: r.advice }));
  }

  /** Who changed the incident last, for a conflict message. */
  async lastChange(tx: TenantTransaction, incidentId: string): Promise<LastChange | null> {
    const rows: { version: number; at: Date; by_name: string | null }[] = await tx.manager.query(
      `SELECT e.version, e.at, u.display_name AS by_name FROM incident_events e LEFT JOIN users u ON u.id = e.by_user
        WHERE e.organisation_id = $1 AND e.incident_id = $2 ORDER BY e.version DESC, e.id DESC LIMIT 1`,
      [tx.organisationId, incidentId],
    );
    const row = rows[0];
    return row ? { version: row.version, at: new Date(row.at), byName: row.by_name } : null;
  }

  /** One page of the list in the query's order; asks for `first` rows. The SQL is `incidentListSql`'s. */
  async list(tx: TenantTransaction, q: IncidentListQuery): Promise<IncidentListRow[]> {
    const { sql, params } = incidentListSql(tx.organisationId, q);
    const rows: Record<string, unknown>[] = await tx.manager.query(sql, params);
    return rows.map((row) => {
      for (const key of INSTANT_FIELDS) if (row[key] != null) row[key] = new Date(row[key] as string);
      return row as unknown as IncidentListRow;
    });
  }
}

/** Column and direction of each sort; `id` in the same direction breaks ties, so the keyset is total. */
const SORT_SQL: Readonly<Record<IncidentSort, { column: string; direction: 'ASC' | 'DESC' }>> = {
  'reported-newest': { column: 'reported_at', direction: 'DESC' },
  'deadline-soonest': { column: 'ap_deadline', direction: 'ASC' },
  'discovered-newest': { column: 'discovered_at', direction: 'DESC' },
};

/** The list row's value a cursor keeps for each sort. */
export function cursorValueOf(row: IncidentListRow, sort: IncidentSort): Date {
  return sort === 'deadline-soonest'
    ? row.apDeadline
    : sort === 'discovered-newest'
      ? row.discoveredAt
      : row.reportedAt;
}

/**
 * The list's one SQL statement with its parameters: one organisation (also bound by row-level security), the
 * filters, the sort's keyset and LIMIT. Exported so the benchmark (tools/bench) runs exactly the statement the API
 * runs. Every sort has an index that leads with the organisation (migration 1765238400000); the text filter uses
 * the trigram index on `search_text` where pg_trgm exists.
 */
export function incidentListSql(organisationId: string, q: IncidentListQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [organisationId];
  const where = ['organisation_id = $1'];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (q.reportedBy !== null) where.push(`reported_by = ${param(q.reportedBy)}`);
  if (q.stage !== null) where.push(`stage = ${param(q.stage)}`);
  if (q.exercise !== null) where.push(`exercise = ${param(q.exercise)}`);
  if (q.clockState !== null) where.push(CLOCK_STATE_SQL[q.clockState](() => `${param(q.now)}::timestamptz`));
  if (q.discoveredFrom !== null) where.push(`discovered_at >= ${param(q.discoveredFrom)}`);
  if (q.discoveredTo !== null) where.push(`discovered_at < ${param(q.discoveredTo)}`);
  if (q.text !== null) where.push(`search_text ILIKE ${param(`%${escapeLike(q.text)}%`)}`);
  const { column, direction } = SORT_SQL[q.sort];
  if (q.after) {
    if (q.after.sort !== q.sort) throw new Error('incidentListSql: the cursor belongs to another sort');
    const compare = direction === 'DESC' ? '<' : '>';
    where.push(`(${column}, id) ${compare} (${param(q.after.at)}::timestamptz, ${param(q.after.id)}::uuid)`);
  }
  const sql = `SELECT id, year, number, stage, exercise, reported_at AS "reportedAt", reported_by AS "reportedBy",
              discovered_at AS "discoveredAt", ap_deadline AS "apDeadline", ap_notified_at AS "apNotifiedAt",
              ap_not_needed AS "apNotNeeded",
              left(state #>> '{report,whatHappened}', ${INCIDENT_EXCERPT_LENGTH}) AS "whatHappenedExcerpt"
         FROM incidents WHERE ${where.join(' AND ')}
        ORDER BY ${column} ${direction}, id ${direction} LIMIT ${param(q.first)}`;
  return { sql, params };
}

/** `ILIKE`'s wildcards and its escape character taken literally: "100%" finds "100%", not everything. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The AP clock's states in SQL, the same rules as libs/domain `apNotificationClock` (incidents-flow.e2e.spec.ts
 * checks the filter against the domain's reading): notified → met / met late; not needed; otherwise by the time left
 * at `now`. One plain condition per state rather than one CASE compared with the state: PostgreSQL estimates plain
 * column conditions from its statistics (a CASE gets a guess, which chose a bitmap scan of a whole organisation and a
 * sort for the common states, 30–50 ms at a million incidents), and a still-running clock matches the partial index
 * incidents_list_clock_running.
 */
const RUNNING = 'ap_notified_at IS NULL AND NOT ap_not_needed';
export const CLOCK_STATE_SQL: Record<NotificationClockState, (now: () => string) => string> = {
  met: () => 'ap_notified_at IS NOT NULL AND ap_notified_at <= ap_deadline',
  'met-late': () => 'ap_notified_at IS NOT NULL AND ap_notified_at > ap_deadline',
  'not-needed': () => 'ap_notified_at IS NULL AND ap_not_needed',
  overdue: (now) => `${RUNNING} AND ap_deadline < ${now()}`,
  'due-soon': (now) => {
    const at = now();
    return `${RUNNING} AND ap_deadline >= ${at} AND ap_deadline - ${at} <= interval '${AP_DUE_SOON_HOURS} hours'`;
  },
  open: (now) => `${RUNNING} AND ap_deadline - ${now()} > interval '${AP_DUE_SOON_HOURS} hours'`,
};

/** The columns copied out of the state, in the order insert() and update() bind them. */
function columnsOf(incident: BreachIncident) {
  // The clock's "not needed" and "notified" come from the domain (incident-clock.ts), not a second copy of the rule.
  const reading = incidentApClock(incident, { now: () => incident.reportedAt });
  const notNeeded = reading.state === 'not-needed';
  return {
    values: [
      incident.version,
      incident.stage,
      incident.exercise,
      incident.reportedBy,
      incident.reportedAt,
      incident.report.discoveredAt,
      deadlineAfter(incident.report.discoveredAt, AP_NOTIFICATION_HOURS),
      incident.apNotification?.submittedAt ?? null,
      notNeeded,
    ],
    state: JSON.stringify(toStoredState(incident)),
  };
}
