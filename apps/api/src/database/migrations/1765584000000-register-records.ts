import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The breach register's own records (issue 15), kept beside the incident without changing its state:
 *
 * - `ap_notification_records`: follow-up notifications (GDPR art. 33(4), information given in phases) and the
 *   withdrawal (it turned out not to be a breach), each with its own dates, reason and who recorded it. At most one
 *   withdrawal per incident (a partial unique index).
 * - `data_subject_letters`: every saved version of the letter to the data subjects (art. 34) and of the public
 *   communication; each save is a new version, numbered per incident without gaps (unique), never overwritten.
 * - `data_subject_communications`: when, how and to how many the organisation sent the letter (it sends it from its
 *   own systems: the product holds no client identities, only the count).
 *
 * All three are append-only (UPDATE, DELETE and TRUNCATE refused, like the incident history), tenant tables with
 * row-level security (FORCE), and point at their incident through (organisation_id, incident_id).
 */
export class RegisterRecords1765584000000 implements MigrationInterface {
  name = 'RegisterRecords1765584000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ap_notification_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        incident_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('follow-up', 'withdrawal')),
        at timestamptz NOT NULL,
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
        ap_reference text CHECK (length(ap_reference) <= 100),
        recorded_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users (id),
        FOREIGN KEY (organisation_id, incident_id) REFERENCES incidents (organisation_id, id)
      );
      CREATE INDEX ap_notification_records_by_incident ON ap_notification_records (organisation_id, incident_id, at);
      CREATE UNIQUE INDEX ap_notification_records_one_withdrawal
        ON ap_notification_records (organisation_id, incident_id) WHERE kind = 'withdrawal';

      CREATE TABLE data_subject_letters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        incident_id uuid NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        language text NOT NULL CHECK (language IN ('nl', 'en')),
        variant text NOT NULL CHECK (variant IN ('letter', 'public-communication')),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        saved_at timestamptz NOT NULL,
        saved_by uuid NOT NULL REFERENCES users (id),
        FOREIGN KEY (organisation_id, incident_id) REFERENCES incidents (organisation_id, id),
        UNIQUE (organisation_id, incident_id, version)
      );

      CREATE TABLE data_subject_communications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        incident_id uuid NOT NULL,
        sent_at timestamptz NOT NULL,
        channel text NOT NULL CHECK (channel IN ('letter', 'email', 'phone', 'in-person', 'website', 'press', 'other')),
        recipients int CHECK (recipients >= 1),
        letter_version int,
        note text CHECK (length(note) <= 4000),
        recorded_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users (id),
        FOREIGN KEY (organisation_id, incident_id) REFERENCES incidents (organisation_id, id),
        FOREIGN KEY (organisation_id, incident_id, letter_version)
          REFERENCES data_subject_letters (organisation_id, incident_id, version)
      );
      CREATE INDEX data_subject_communications_by_incident ON data_subject_communications (organisation_id, incident_id, sent_at);
    `);

    for (const table of ['ap_notification_records', 'data_subject_letters', 'data_subject_communications']) {
      await q.query(`
        CREATE TRIGGER ${table}_no_update BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION incident_events_refuse_change();
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION incident_events_refuse_change();
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table} TO babyconnect_app
          USING (organisation_id = app_current_tenant()) WITH CHECK (organisation_id = app_current_tenant());
        CREATE POLICY ${table}_owner ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true);
        GRANT SELECT, INSERT ON ${table} TO babyconnect_app;
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE data_subject_communications;
      DROP TABLE data_subject_letters;
      DROP TABLE ap_notification_records;
    `);
  }
}
