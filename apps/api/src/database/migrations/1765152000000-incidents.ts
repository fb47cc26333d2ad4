import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The breach workflow's storage (issue 14, protocol steps 1–7).
 *
 * - `incident_counters`: one row per organisation and year, locked by the report's own transaction, so references
 *   (`DL-2026-0042`) are numbered without gaps: a report that fails or rolls back takes no number.
 * - `incidents`: one row per (suspected) breach. The domain's state (`BreachIncident`, libs/domain) is kept whole
 *   in `state` (jsonb, instants as ISO-8601 strings); the columns beside it are copies of what lists filter and sort
 *   on (stage, exercise, reporter, times, the AP clock's inputs), written from the same state in the same statement.
 * - `incident_events`: the history, append-only like the access log (old → new per field, who, when, why). A risk
 *   advice shown at a decision is stored whole with that decision's event (`advice`: model version, normalised
 *   inputs and output), so the decision can be explained years later, after the model changed.
 *
 * Every table is a tenant table: row-level security (FORCE) with `organisation_id = app_current_tenant()`, and
 * composite keys so an event cannot point at another organisation's incident.
 */
export class Incidents1765152000000 implements MigrationInterface {
  name = 'Incidents1765152000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE incident_counters (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 9999),
        last_number int NOT NULL CHECK (last_number BETWEEN 1 AND 9999999),
        PRIMARY KEY (organisation_id, year)
      );

      CREATE TABLE incidents (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 9999),
        number int NOT NULL CHECK (number BETWEEN 1 AND 9999999),
        version int NOT NULL CHECK (version >= 1),
        stage text NOT NULL CHECK (stage IN ('reported', 'overview', 'response', 'closed')),
        exercise boolean NOT NULL,
        reported_by uuid NOT NULL REFERENCES users (id),
        reported_at timestamptz NOT NULL,
        discovered_at timestamptz NOT NULL,
        ap_deadline timestamptz NOT NULL,
        -- The AP clock's other inputs (libs/domain incident-clock.ts), so a list can filter on its state in SQL.
        ap_notified_at timestamptz,
        ap_not_needed boolean NOT NULL,
        state jsonb NOT NULL CHECK (jsonb_typeof(state) = 'object'),
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (id),
        UNIQUE (organisation_id, id),
        UNIQUE (organisation_id, year, number)
      );
      -- The list: one organisation's incidents, newest first, keyset on (reported_at, id).
      CREATE INDEX incidents_list ON incidents (organisation_id, reported_at DESC, id DESC);
      -- An employee's own reports.
      CREATE INDEX incidents_by_reporter ON incidents (organisation_id, reported_by, reported_at DESC, id DESC);

      CREATE TABLE incident_events (
        id bigserial PRIMARY KEY,
        organisation_id uuid NOT NULL,
        incident_id uuid NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        type text NOT NULL CHECK (length(type) <= 100),
        at timestamptz NOT NULL,
        by_user uuid NOT NULL REFERENCES users (id),
        event jsonb NOT NULL CHECK (jsonb_typeof(event) = 'object'),
        advice jsonb,
        FOREIGN KEY (organisation_id, incident_id) REFERENCES incidents (organisation_id, id),
        UNIQUE (organisation_id, incident_id, version)
      );

      -- The history is append-only for everyone, like the access log.
      CREATE FUNCTION incident_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'incident_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER incident_events_no_update BEFORE UPDATE OR DELETE ON incident_events
        FOR EACH ROW EXECUTE FUNCTION incident_events_refuse_change();
      CREATE TRIGGER incident_events_no_truncate BEFORE TRUNCATE ON incident_events
        FOR EACH STATEMENT EXECUTE FUNCTION incident_events_refuse_change();
    `);

    for (const table of ['incident_counters', 'incidents', 'incident_events']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table} TO babyconnect_app
          USING (organisation_id = app_current_tenant()) WITH CHECK (organisation_id = app_current_tenant());
        CREATE POLICY ${table}_owner ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true);
      `);
    }

    await q.query(`
      GRANT SELECT, INSERT, UPDATE ON incident_counters TO babyconnect_app;
      GRANT SELECT, INSERT, UPDATE ON incidents TO babyconnect_app;
      GRANT SELECT, INSERT ON incident_events TO babyconnect_app;
      GRANT USAGE ON SEQUENCE incident_events_id_seq TO babyconnect_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE incident_events;
      DROP FUNCTION incident_events_refuse_change();
      DROP TABLE incidents;
      DROP TABLE incident_counters;
    `);
  }
}
