import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the incident list's filters (issue 14, "Speed": a page of 50 of one organisation's list, any filter,
 * ≤ 10 ms at the database with 1,000,000 incidents over 500 organisations; `npm run bench -- --seed-million --only h`
 * shows every plan).
 *
 * `incidents_list` (organisation, newest first) serves the list without a filter and every filter that most rows
 * match: the scan stops after 51 rows. A filter that few rows match made that scan read all of the organisation's
 * incidents (thousands of heap rows for an empty page). The values that are rare in a living register get an index
 * in list order of their own:
 * - the stage (`reported`, `overview`, `response` are the few incidents still open);
 * - exercises (a few percent), as a partial index;
 * - the AP clock still running (open, due soon, overdue: neither notified nor decided "not needed"), as a partial
 *   index; the list's SQL writes each clock state as plain conditions that imply it (incidentListSql), so the
 *   planner can use it. The clock's other states (met, met late, not needed) are common: `incidents_list` serves
 *   them.
 */
export class IncidentListIndexes1765281600000 implements MigrationInterface {
  name = 'IncidentListIndexes1765281600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX incidents_list_stage ON incidents (organisation_id, stage, reported_at DESC, id DESC);
      CREATE INDEX incidents_list_exercise ON incidents (organisation_id, reported_at DESC, id DESC) WHERE exercise;
      CREATE INDEX incidents_list_clock_running ON incidents (organisation_id, reported_at DESC, id DESC)
        WHERE ap_notified_at IS NULL AND NOT ap_not_needed;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX incidents_list_clock_running;
      DROP INDEX incidents_list_exercise;
      DROP INDEX incidents_list_stage;
    `);
  }
}
