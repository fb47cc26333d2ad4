import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  formatIncidentReference,
  type DetectionAlert,
  type DetectionBlock,
  type DetectionBlocks,
  type DetectionEvent,
  type DetectionRule,
} from '@babyconnect/domain';
import type { TenantTransaction } from '../database/tenancy';

export interface StoredBatch {
  batchId: string;
  sha256: string;
  events: number;
  rejected: number;
  alerts: number;
  receivedAt: Date;
}

export interface StoredAlert {
  id: string;
  organisationId: string;
  organisationName: string;
  rule: DetectionRule;
  account: string;
  windowStart: Date;
  windowEnd: Date;
  accesses: number;
  distinctRecords: number;
  distinctOrganisations: number;
  raisedAt: Date;
  incidentId: string | null;
  incidentReference: string | null;
  /** The workflow stage of that incident, for a reader who can see it (else null). */
  incidentStage: string | null;
  dismissedAt: Date | null;
  dismissedByName: string | null;
  dismissalReason: string | null;
}

/** One pushed event ready to store: the record only as a key salted with its day's secret. */
export type KeyedEvent = DetectionEvent;

/**
 * Detection's tables (migration 1765670400000): pushed batches, their events and the per-day secrets in HINQ's
 * tenant; alerts in the tenant of the organisation each concerns. Row-level security decides who sees what; every
 * method takes the transaction of the tenant it works in.
 */
@Injectable()
export class DetectionRepository {
  /** Records the batch with its counts; false when the id was recorded before (by a concurrent push). */
  async claimBatch(tx: TenantTransaction, batch: StoredBatch): Promise<boolean> {
    const rows: unknown[] = await tx.manager.query(
      `INSERT INTO viewer_log_batches (organisation_id, batch_id, sha256, events, rejected, alerts, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (organisation_id, batch_id) DO NOTHING RETURNING batch_id`,
      [tx.organisationId, batch.batchId, batch.sha256, batch.events, batch.rejected, batch.alerts, batch.receivedAt],
    );
    return rows.length === 1;
  }

  async findBatch(tx: TenantTransaction, batchId: string): Promise<StoredBatch | null> {
    const rows: {
      batch_id: string;
      sha256: string;
      events: number;
      rejected: number;
      alerts: number;
      received_at: Date;
    }[] = await tx.manager.query(
      `SELECT batch_id, sha256, events, rejected, alerts, received_at FROM viewer_log_batches
          WHERE organisation_id = $1 AND batch_id = $2`,
      [tx.organisationId, batchId],
    );
    const r = rows[0];
    return r
      ? {
          batchId: r.batch_id,
          sha256: r.sha256,
          events: r.events,
          rejected: r.rejected,
          alerts: r.alerts,
          receivedAt: new Date(r.received_at),
        }
      : null;
  }

  /**
   * The secret of each UTC day (made on first use, kept two days): a record's key is an HMAC of organisation and
   * pseudonym with it, so the same record is one key within a day and nothing links keys once the secret is gone.
   */
  async daySecrets(tx: TenantTransaction, days: string[]): Promise<Map<string, Buffer>> {
    if (days.length === 0) return new Map();
    await tx.manager.query(
      `INSERT INTO viewer_log_detection_keys (organisation_id, day, secret)
       SELECT $1, d::date, s FROM unnest($2::text[], $3::bytea[]) AS t(d, s)
       ON CONFLICT (organisation_id, day) DO NOTHING`,
      [tx.organisationId, days, days.map(() => randomBytes(32))],
    );
    const rows: { day: string; secret: Buffer }[] = await tx.manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, secret FROM viewer_log_detection_keys
        WHERE organisation_id = $1 AND day = ANY($2::date[])`,
      [tx.organisationId, days],
    );
    return new Map(rows.map((r) => [r.day, r.secret]));
  }

  async insertEvents(tx: TenantTransaction, batchId: string, events: readonly KeyedEvent[]): Promise<void> {
    // In slices: one statement per 10,000 events keeps each parameter array small.
    for (let i = 0; i < events.length; i += 10_000) {
      const slice = events.slice(i, i + 10_000);
      await tx.manager.query(
        `INSERT INTO viewer_log_events (organisation_id, at, account, user_organisation_id, record_organisation_id,
           record_key, batch_id)
         SELECT $1, to_timestamp(a / 1000.0), b, c::uuid, d::uuid, e, $7
           FROM unnest($2::float8[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(a, b, c, d, e)`,
        [
          tx.organisationId,
          slice.map((e) => e.at),
          slice.map((e) => e.account),
          slice.map((e) => e.userOrganisationId),
          slice.map((e) => e.recordOrganisationId),
          slice.map((e) => e.recordKey),
          batchId,
        ],
      );
    }
  }

  /**
   * Each rule's windows in its range, counted per account in PostgreSQL: what the rules judge, without sending every
   * stored event of the window to the API and counting it there. A push of one minute's lines touches the hour of
   * each of its accounts; counting that hour's events in the API for every batch (tens of thousands of rows each)
   * held the event loop for hundreds of milliseconds and slowed every other request (tools/bench, `--only detect`).
   * A block is judged whole: only windows that lie inside their rule's range are asked for.
   */
  async blocksOf(
    tx: TenantTransaction,
    accounts: string[],
    windows: { rule: DetectionRule; minutes: number; from: number; to: number }[],
  ): Promise<DetectionBlocks> {
    const blocks: Record<DetectionRule, DetectionBlock[]> = {
      MANY_ORGANISATIONS: [],
      UNUSUAL_HOURS: [],
      TWO_ORGANISATIONS: [],
    };
    if (accounts.length === 0 || windows.length === 0) return blocks;
    const rows: {
      rule: DetectionRule;
      account: string;
      start: number;
      n: number;
      records: number;
      r: string[];
      u: string[];
    }[] = await tx.manager.query(
      `SELECT w.rule, e.account,
                (floor(extract(epoch FROM e.at) * 1000 / w.size) * w.size)::float8 AS start,
                count(*)::int AS n,
                count(DISTINCT e.record_organisation_id::text || '|' || e.record_key)::int AS records,
                array_agg(DISTINCT e.record_organisation_id::text) AS r,
                array_agg(DISTINCT e.user_organisation_id::text) AS u
           FROM viewer_log_events e
           JOIN unnest($5::text[], $6::float8[], $7::float8[], $8::float8[]) AS w(rule, size, from_ms, to_ms)
             ON e.at >= to_timestamp(w.from_ms / 1000.0) AND e.at < to_timestamp(w.to_ms / 1000.0)
          WHERE e.organisation_id = $1 AND e.account = ANY($2::text[])
            AND e.at >= to_timestamp($3 / 1000.0) AND e.at < to_timestamp($4 / 1000.0)
          GROUP BY 1, 2, 3`,
      [
        tx.organisationId,
        accounts,
        Math.min(...windows.map((w) => w.from)),
        Math.max(...windows.map((w) => w.to)),
        windows.map((w) => w.rule),
        windows.map((w) => w.minutes * 60_000),
        windows.map((w) => w.from),
        windows.map((w) => w.to),
      ],
    );
    for (const row of rows) {
      blocks[row.rule].push({
        start: Number(row.start),
        account: row.account,
        accesses: row.n,
        distinctRecords: row.records,
        recordOrganisationIds: row.r,
        userOrganisationIds: row.u,
      });
    }
    return blocks;
  }

  async eventsOfBatch(tx: TenantTransaction, batchId: string): Promise<DetectionEvent[]> {
    const rows: { at: number; account: string; u: string; r: string; k: string }[] = await tx.manager.query(
      `SELECT (extract(epoch FROM at) * 1000)::float8 AS at, account, user_organisation_id::text AS u,
              record_organisation_id::text AS r, record_key AS k
         FROM viewer_log_events WHERE organisation_id = $1 AND batch_id = $2`,
      [tx.organisationId, batchId],
    );
    return rows.map((r) => ({
      at: Number(r.at),
      account: r.account,
      userOrganisationId: r.u,
      recordOrganisationId: r.r,
      recordKey: r.k,
    }));
  }

  /** Events and day secrets older than `before` are of no rule's use any more. */
  async prune(tx: TenantTransaction, before: Date): Promise<void> {
    await tx.manager.query(`DELETE FROM viewer_log_events WHERE organisation_id = $1 AND at < $2`, [
      tx.organisationId,
      before,
    ]);
    await tx.manager.query(
      `DELETE FROM viewer_log_detection_keys WHERE organisation_id = $1 AND day < ($2::timestamptz AT TIME ZONE 'UTC')::date`,
      [tx.organisationId, before],
    );
  }

  /** The alert in the tenant of the organisation it concerns; null when the same alert was raised before. */
  async raise(tx: TenantTransaction, alert: DetectionAlert, at: Date): Promise<string | null> {
    const rows: { id: string }[] = await tx.manager.query(
      `INSERT INTO viewer_log_alerts (organisation_id, alert_key, rule, account, window_start, window_end, accesses,
         distinct_records, distinct_organisations, affected_organisation_ids, account_organisation_ids, raised_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::uuid[], $11::uuid[], $12)
       ON CONFLICT (organisation_id, alert_key) DO NOTHING RETURNING id::text AS id`,
      [
        tx.organisationId,
        alert.key,
        alert.rule,
        alert.account,
        alert.windowStart,
        alert.windowEnd,
        alert.accesses,
        alert.distinctRecords,
        alert.distinctOrganisations,
        alert.affectedOrganisationIds,
        alert.accountOrganisationIds,
        at,
      ],
    );
    return rows[0]?.id ?? null;
  }

  async linkIncident(tx: TenantTransaction, alertId: string, incidentId: string): Promise<void> {
    await tx.manager.query(`UPDATE viewer_log_alerts SET incident_id = $2 WHERE id = $1`, [alertId, incidentId]);
  }

  /** Alerts visible in this transaction, newest first; `own` limits them to the tenant's own. */
  async list(tx: TenantTransaction, own: boolean, limit: number): Promise<StoredAlert[]> {
    const rows: AlertRow[] = await tx.manager.query(
      `${ALERT_SELECT} WHERE ($1::boolean IS FALSE OR a.organisation_id = $2)
        ORDER BY a.raised_at DESC, a.window_start DESC, a.id LIMIT $3`,
      [own, tx.organisationId, limit],
    );
    return rows.map(toAlert);
  }

  async find(tx: TenantTransaction, id: string): Promise<StoredAlert | null> {
    const rows: AlertRow[] = await tx.manager.query(`${ALERT_SELECT} WHERE a.id = $1 AND a.organisation_id = $2`, [
      id,
      tx.organisationId,
    ]);
    return rows[0] ? toAlert(rows[0]) : null;
  }

  /** Dismisses an open alert of the tenant; false when it was dismissed already (or is not the tenant's). */
  async dismiss(tx: TenantTransaction, id: string, by: string, at: Date, reason: string): Promise<boolean> {
    // TypeORM answers an UPDATE on PostgreSQL with [returned rows, affected count].
    const [, affected]: [unknown[], number] = await tx.manager.query(
      `UPDATE viewer_log_alerts SET dismissed_at = $3, dismissed_by = $4, dismissal_reason = $5
        WHERE id = $1 AND organisation_id = $2 AND dismissed_at IS NULL RETURNING id`,
      [id, tx.organisationId, at, by, reason],
    );
    return affected === 1;
  }
}

const ALERT_SELECT = `SELECT a.id::text AS id, a.organisation_id::text AS organisation_id, o.name AS organisation_name,
    a.rule, a.account, a.window_start, a.window_end, a.accesses, a.distinct_records, a.distinct_organisations,
    a.raised_at, a.incident_id::text AS incident_id,
    i.year AS incident_year, i.number AS incident_number, i.stage AS incident_stage,
    a.dismissed_at, u.display_name AS dismissed_by_name, a.dismissal_reason
  FROM viewer_log_alerts a
  JOIN organisations o ON o.id = a.organisation_id
  LEFT JOIN incidents i ON i.id = a.incident_id
  LEFT JOIN users u ON u.id = a.dismissed_by`;

interface AlertRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  rule: DetectionRule;
  account: string;
  window_start: Date;
  window_end: Date;
  accesses: number;
  distinct_records: number;
  distinct_organisations: number;
  raised_at: Date;
  incident_id: string | null;
  incident_year: number | null;
  incident_number: number | null;
  incident_stage: string | null;
  dismissed_at: Date | null;
  dismissed_by_name: string | null;
  dismissal_reason: string | null;
}

function toAlert(r: AlertRow): StoredAlert {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    rule: r.rule,
    account: r.account,
    windowStart: new Date(r.window_start),
    windowEnd: new Date(r.window_end),
    accesses: r.accesses,
    distinctRecords: r.distinct_records,
    distinctOrganisations: r.distinct_organisations,
    raisedAt: new Date(r.raised_at),
    incidentId: r.incident_id,
    // Null where the reader cannot see the incident (HINQ reads every alert, but no other organisation's breach).
    incidentReference:
      r.incident_year !== null && r.incident_number !== null
        ? formatIncidentReference(r.incident_year, r.incident_number)
        : null,
    incidentStage: r.incident_stage,
    dismissedAt: r.dismissed_at ? new Date(r.dismissed_at) : null,
    dismissedByName: r.dismissed_by_name,
    dismissalReason: r.dismissal_reason,
  };
}
