import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The incidents list's filters and sorts (issue 14: period, text, sort), fast for one organisation's page of 50
 * at a million incidents across 500 organisations:
 *
 * - `search_text`: the reference as people write it (`DL-2026-0042`) and what happened, one line each, computed by
 *   PostgreSQL from the row itself (a generated column: it can never disagree with `state`, and the code that
 *   writes incidents does not change). The text filter matches it case-insensitively (`ILIKE`).
 * - a trigram index on it where the `pg_trgm` extension is available (it is in the embedded PostgreSQL and in
 *   most distributions' contrib package; a trusted extension, so the database owner may create it). Without it
 *   the text filter scans the organisation's rows through the list indexes below, which stays within a page's
 *   budget at a few thousand incidents per organisation.
 * - one index per sort the list offers, each leading with the organisation (every query names it): reported
 *   newest first exists (`incidents_list`), deadline soonest first and discovered newest first are added; the
 *   discovery index also serves the period filter.
 */
export class IncidentListSearch1765238400000 implements MigrationInterface {
  name = 'IncidentListSearch1765238400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE incidents ADD COLUMN search_text text NOT NULL GENERATED ALWAYS AS (
        'DL-' || year::text || '-' || CASE WHEN number < 10000 THEN lpad(number::text, 4, '0') ELSE number::text END
        || E'\\n' || coalesce(state #>> '{report,whatHappened}', '')
      ) STORED;
      CREATE INDEX incidents_by_deadline ON incidents (organisation_id, ap_deadline, id);
      CREATE INDEX incidents_by_discovery ON incidents (organisation_id, discovered_at DESC, id DESC);
    `);
    const available: unknown[] = await q.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'`);
    if (available.length > 0) {
      await q.query(`
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX incidents_search ON incidents USING gin (search_text gin_trgm_ops);
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // The extension stays: something else may have come to use it.
    await q.query(`
      DROP INDEX IF EXISTS incidents_search;
      DROP INDEX incidents_by_discovery;
      DROP INDEX incidents_by_deadline;
      ALTER TABLE incidents DROP COLUMN search_text;
    `);
  }
}
