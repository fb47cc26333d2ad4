import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The viewer's access log (issue 18). Nothing here holds a record pseudonym.
 *
 * - `viewer_log_analyses`: the impact analysis of one uploaded export for a chain incident, in HINQ's tenant and
 *   readable only by HINQ's coordinators: the question (suspect accounts, window), the file's SHA-256 (a second
 *   upload of the same file for the same question is recognised and changes nothing), the counts per organisation,
 *   the rejected lines (number and reason, capped), and HINQ's confirmation of the proposal. The upload itself and
 *   the salt of its record keys are never stored.
 * - `viewer_log_batches`, `viewer_log_events`: what HINQ's systems push for detection, in HINQ's tenant; a batch id
 *   is accepted once (idempotent), events are kept only as long as the longest rule window needs (the API prunes),
 *   the record only as a key salted with a per-day secret (`viewer_log_detection_keys`, dropped after two days: after
 *   that no key can be linked to a pseudonym again).
 * - `viewer_log_alerts`: an alert per rule, account, window and organisation concerned, in that organisation's
 *   tenant (it reads and dismisses its own); HINQ reads all (`app_acts_for_hinq()`). Dismissal with its reason is kept.
 * - a system person in `users` (issuer `urn:babyconnect:system`) as the reporter of the suspected breaches that
 *   detection reports: no one signed in, and the register must say so.
 */
export class ViewerLog1765670400000 implements MigrationInterface {
  name = 'ViewerLog1765670400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_acts_for_hinq() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM organisations WHERE kind = 'HINQ' AND id = app_current_tenant())
      $$;

      CREATE TABLE viewer_log_analyses (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        chain_incident_id uuid NOT NULL REFERENCES chain_incidents (id),
        file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
        suspect_accounts text[] NOT NULL,
        window_from timestamptz NOT NULL,
        window_to timestamptz NOT NULL,
        lines integer NOT NULL,
        accepted integer NOT NULL,
        relevant integer NOT NULL,
        rejected integer NOT NULL,
        rejected_by_reason jsonb NOT NULL,
        rejected_lines jsonb NOT NULL,
        organisations jsonb NOT NULL,
        analysed_at timestamptz NOT NULL,
        analysed_by uuid NOT NULL REFERENCES users (id),
        confirmed_at timestamptz,
        confirmed_by uuid REFERENCES users (id),
        confirmed_organisation_ids uuid[]
      );
      CREATE INDEX viewer_log_analyses_chain ON viewer_log_analyses (chain_incident_id, analysed_at DESC);

      CREATE TABLE viewer_log_batches (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        batch_id text NOT NULL CHECK (length(batch_id) BETWEEN 1 AND 100),
        sha256 text NOT NULL,
        events integer NOT NULL,
        rejected integer NOT NULL,
        alerts integer NOT NULL,
        received_at timestamptz NOT NULL,
        PRIMARY KEY (organisation_id, batch_id)
      );

      CREATE TABLE viewer_log_events (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        at timestamptz NOT NULL,
        account text NOT NULL,
        user_organisation_id uuid NOT NULL,
        record_organisation_id uuid NOT NULL,
        record_key text NOT NULL,
        batch_id text NOT NULL
      );
      CREATE INDEX viewer_log_events_at ON viewer_log_events (organisation_id, at);

      CREATE TABLE viewer_log_detection_keys (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        day date NOT NULL,
        secret bytea NOT NULL,
        PRIMARY KEY (organisation_id, day)
      );

      CREATE TABLE viewer_log_alerts (
        id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        alert_key text NOT NULL,
        rule text NOT NULL CHECK (rule IN ('MANY_ORGANISATIONS', 'UNUSUAL_HOURS', 'TWO_ORGANISATIONS')),
        account text NOT NULL,
        window_start timestamptz NOT NULL,
        window_end timestamptz NOT NULL,
        accesses integer NOT NULL,
        distinct_records integer NOT NULL,
        distinct_organisations integer NOT NULL,
        affected_organisation_ids uuid[] NOT NULL,
        account_organisation_ids uuid[] NOT NULL,
        raised_at timestamptz NOT NULL,
        incident_id uuid,
        dismissed_at timestamptz,
        dismissed_by uuid REFERENCES users (id),
        dismissal_reason text CHECK (dismissal_reason IS NULL OR length(dismissal_reason) <= 2000),
        UNIQUE (organisation_id, alert_key),
        CHECK ((dismissed_at IS NULL) = (dismissal_reason IS NULL))
      );
      CREATE INDEX viewer_log_alerts_raised ON viewer_log_alerts (raised_at DESC);

      INSERT INTO users (issuer, subject, display_name, email)
        VALUES ('urn:babyconnect:system', 'viewer-log-detection', 'Automatische signalering kijklog', NULL)
        ON CONFLICT (issuer, subject) DO NOTHING;
    `);

    await q.query(`
      ALTER TABLE viewer_log_analyses ENABLE ROW LEVEL SECURITY;
      ALTER TABLE viewer_log_analyses FORCE ROW LEVEL SECURITY;
      CREATE POLICY viewer_log_analyses_coordinator ON viewer_log_analyses TO babyconnect_app
        USING (organisation_id = app_current_tenant() AND app_is_hinq_coordinator())
        WITH CHECK (organisation_id = app_current_tenant() AND app_is_hinq_coordinator());
      CREATE POLICY viewer_log_analyses_owner ON viewer_log_analyses TO CURRENT_USER USING (true) WITH CHECK (true);

      ALTER TABLE viewer_log_batches ENABLE ROW LEVEL SECURITY;
      ALTER TABLE viewer_log_batches FORCE ROW LEVEL SECURITY;
      CREATE POLICY viewer_log_batches_hinq ON viewer_log_batches TO babyconnect_app
        USING (organisation_id = app_current_tenant() AND app_acts_for_hinq())
        WITH CHECK (organisation_id = app_current_tenant() AND app_acts_for_hinq());
      CREATE POLICY viewer_log_batches_owner ON viewer_log_batches TO CURRENT_USER USING (true) WITH CHECK (true);

      ALTER TABLE viewer_log_events ENABLE ROW LEVEL SECURITY;
      ALTER TABLE viewer_log_events FORCE ROW LEVEL SECURITY;
      CREATE POLICY viewer_log_events_hinq ON viewer_log_events TO babyconnect_app
        USING (organisation_id = app_current_tenant() AND app_acts_for_hinq())
        WITH CHECK (organisation_id = app_current_tenant() AND app_acts_for_hinq());
      CREATE POLICY viewer_log_events_owner ON viewer_log_events TO CURRENT_USER USING (true) WITH CHECK (true);

      ALTER TABLE viewer_log_detection_keys ENABLE ROW LEVEL SECURITY;
      ALTER TABLE viewer_log_detection_keys FORCE ROW LEVEL SECURITY;
      CREATE POLICY viewer_log_detection_keys_hinq ON viewer_log_detection_keys TO babyconnect_app
        USING (organisation_id = app_current_tenant() AND app_acts_for_hinq())
        WITH CHECK (organisation_id = app_current_tenant() AND app_acts_for_hinq());
      CREATE POLICY viewer_log_detection_keys_owner ON viewer_log_detection_keys TO CURRENT_USER USING (true) WITH CHECK (true);

      -- An organisation reads and dismisses its own alerts; HINQ reads every alert (it is told of each).
      ALTER TABLE viewer_log_alerts ENABLE ROW LEVEL SECURITY;
      ALTER TABLE viewer_log_alerts FORCE ROW LEVEL SECURITY;
      CREATE POLICY viewer_log_alerts_read ON viewer_log_alerts FOR SELECT TO babyconnect_app
        USING (organisation_id = app_current_tenant() OR app_acts_for_hinq());
      CREATE POLICY viewer_log_alerts_raise ON viewer_log_alerts FOR INSERT TO babyconnect_app
        WITH CHECK (organisation_id = app_current_tenant());
      CREATE POLICY viewer_log_alerts_change ON viewer_log_alerts FOR UPDATE TO babyconnect_app
        USING (organisation_id = app_current_tenant()) WITH CHECK (organisation_id = app_current_tenant());
      CREATE POLICY viewer_log_alerts_owner ON viewer_log_alerts TO CURRENT_USER USING (true) WITH CHECK (true);

      GRANT EXECUTE ON FUNCTION app_acts_for_hinq() TO babyconnect_app;
      GRANT SELECT, INSERT, UPDATE ON viewer_log_analyses, viewer_log_alerts TO babyconnect_app;
      GRANT SELECT, INSERT ON viewer_log_batches, viewer_log_detection_keys TO babyconnect_app;
      GRANT SELECT, INSERT, DELETE ON viewer_log_events TO babyconnect_app;
      GRANT DELETE ON viewer_log_detection_keys TO babyconnect_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE viewer_log_alerts;
      DROP TABLE viewer_log_detection_keys;
      DROP TABLE viewer_log_events;
      DROP TABLE viewer_log_batches;
      DROP TABLE viewer_log_analyses;
      DROP FUNCTION app_acts_for_hinq();
    `);
  }
}
