import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (issue 16): who holds which role where, the transactional outbox, and the deadline timers.
 *
 * - `user_organisation_roles`: the roles a person held in each organisation the last time they signed in. Roles live
 *   in the identity provider's groups and reach the API only in tokens; to mail "the FG of De Wieg" at 3 a.m. the
 *   API must remember who that is. Written at sign-in (only when it changed), read when recipients are chosen.
 * - `notification_outbox`: one row per message and recipient, inserted in the same transaction as the change that
 *   causes it (a rolled-back change leaves no row; a committed one cannot lose its row). `idempotency_key` is
 *   unique: the same message to the same recipient is enqueued once, whoever tries twice.
 * - `notification_timers`: one row per incident deadline point (50 %, 75 %, 90 %, 100 % of the 72 hours, and the
 *   overdue escalation). Due rows are claimed with FOR UPDATE SKIP LOCKED, so two API instances never fire one
 *   twice; a moved deadline updates `due_at`, a closed or notified incident cancels what is pending.
 *
 * Outbox and timers are tenant tables (row-level security, FORCE). The delivery worker acts across organisations
 * with `app.notification_worker` set for its own transactions only; the platform admin reads and retries dead
 * letters (no breach content is in them: reference, organisation, recipient, reason).
 */
export class Notifications1765324800000 implements MigrationInterface {
  name = 'Notifications1765324800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_is_notification_worker() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT coalesce(current_setting('app.notification_worker', true), '') = 'on'
      $$;

      CREATE TABLE user_organisation_roles (
        user_id uuid NOT NULL REFERENCES users (id),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        roles text[] NOT NULL,
        seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, organisation_id)
      );
      CREATE INDEX user_organisation_roles_by_organisation ON user_organisation_roles (organisation_id);

      CREATE TABLE notification_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        incident_id uuid NOT NULL,
        idempotency_key text NOT NULL UNIQUE CHECK (length(idempotency_key) <= 500),
        event text NOT NULL CHECK (event IN ('breach-reported', 'other-organisations-involved', 'decision-recorded',
                                             'deadline-reminder', 'deadline-overdue')),
        -- The incident event (its version and type) or the timer that caused the message.
        cause text NOT NULL CHECK (length(cause) <= 200),
        recipient_role text NOT NULL CHECK (recipient_role IN ('dpo', 'privacy-officer', 'organisation-contact',
                                                               'hinq-coordinator', 'hinq-dpo', 'hinq-contact')),
        -- NULL: nobody with this role is reachable; the row is dead at once, so the platform admin sees it.
        recipient_address text,
        recipient_user_id uuid REFERENCES users (id),
        locale text NOT NULL CHECK (locale IN ('nl', 'en')),
        payload jsonb NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
        status text NOT NULL CHECK (status IN ('queued', 'sending', 'retrying', 'sent', 'dead')),
        attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL,
        lease_until timestamptz,
        last_error jsonb,
        message_id text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        dead_at timestamptz,
        FOREIGN KEY (organisation_id, incident_id) REFERENCES incidents (organisation_id, id),
        CHECK (status <> 'sending' OR lease_until IS NOT NULL)
      );
      CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE status IN ('queued', 'retrying');
      CREATE INDEX notification_outbox_leased ON notification_outbox (lease_until) WHERE status = 'sending';
      CREATE INDEX notification_outbox_by_incident ON notification_outbox (organisation_id, incident_id, created_at);
      CREATE INDEX notification_outbox_dead ON notification_outbox (dead_at DESC, id) WHERE status = 'dead';

      CREATE TABLE notification_timers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        incident_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('ap-reminder', 'ap-overdue')),
        -- Share of the 72 hours in permille (500 = 50 %); the overdue escalation's is 1000.
        point_permille int NOT NULL CHECK (point_permille BETWEEN 1 AND 1000),
        due_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'fired', 'cancelled', 'skipped')),
        -- What the mail needs (organisation, reference, exercise, deadline, link), kept current by every change.
        payload jsonb NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
        fired_at timestamptz,
        late_ms bigint,
        FOREIGN KEY (organisation_id, incident_id) REFERENCES incidents (organisation_id, id),
        UNIQUE (incident_id, kind, point_permille)
      );
      CREATE INDEX notification_timers_due ON notification_timers (due_at) WHERE status = 'pending';
      CREATE INDEX notification_timers_by_incident ON notification_timers (organisation_id, incident_id);
    `);

    for (const table of ['notification_outbox', 'notification_timers']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table} TO babyconnect_app
          USING (organisation_id = app_current_tenant()) WITH CHECK (organisation_id = app_current_tenant());
        CREATE POLICY ${table}_worker ON ${table} TO babyconnect_app
          USING (app_is_notification_worker()) WITH CHECK (app_is_notification_worker());
        CREATE POLICY ${table}_owner ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true);
      `);
    }
    await q.query(`
      -- An UPDATE must leave a row the updater may still read (PostgreSQL checks SELECT policies on the new row),
      -- so a retried dead letter ('queued') stays readable to the admin; their queries ask for dead ones only.
      CREATE POLICY notification_outbox_admin_read ON notification_outbox FOR SELECT TO babyconnect_app
        USING (app_is_platform_admin() AND status IN ('dead', 'queued'));
      CREATE POLICY notification_outbox_admin_retry ON notification_outbox FOR UPDATE TO babyconnect_app
        USING (app_is_platform_admin() AND status = 'dead') WITH CHECK (app_is_platform_admin() AND status = 'queued');

      GRANT SELECT, INSERT, UPDATE, DELETE ON user_organisation_roles TO babyconnect_app;
      GRANT SELECT, INSERT, UPDATE ON notification_outbox TO babyconnect_app;
      GRANT SELECT, INSERT, UPDATE ON notification_timers TO babyconnect_app;
      GRANT EXECUTE ON FUNCTION app_is_notification_worker() TO babyconnect_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE notification_timers;
      DROP TABLE notification_outbox;
      DROP TABLE user_organisation_roles;
      DROP FUNCTION app_is_notification_worker();
    `);
  }
}
