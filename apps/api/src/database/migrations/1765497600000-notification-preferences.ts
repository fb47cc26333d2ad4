import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-person notification settings (issue 16): the language of one's mails and the FG's optional daily digest.
 *
 * - `user_notification_settings`: one row per person who changed a setting; no row means Dutch and no digest. Like
 *   `users` it is about a person, not an organisation, so it has no tenant policy: the API reads and writes only the
 *   signed-in person's own row (`settings.repository.ts`), and the worker reads the language of each recipient.
 * - `notification_outbox` also carries the daily digest: it is about an organisation (its open breaches), not one
 *   incident, so such a row has no `incident_id`. Its idempotency key names the person, the organisation and the
 *   Amsterdam calendar day: a digest goes out at most once per person, organisation and day, whichever instance
 *   tries and however often.
 */
export class NotificationPreferences1765497600000 implements MigrationInterface {
  name = 'NotificationPreferences1765497600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_notification_settings (
        user_id uuid PRIMARY KEY REFERENCES users (id),
        locale text NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl', 'en')),
        daily_digest boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX user_notification_settings_digest ON user_notification_settings (user_id) WHERE daily_digest;
      GRANT SELECT, INSERT, UPDATE ON user_notification_settings TO babyconnect_app;

      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_event_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_event_check
        CHECK (event IN ('breach-reported', 'other-organisations-involved', 'decision-recorded', 'deadline-reminder',
                         'deadline-overdue', 'chain-incident-declared', 'partner-informed', 'partner-unreachable',
                         'partner-inform-reminder', 'partner-inform-overdue', 'partner-ack-reminder',
                         'partner-ack-escalation', 'daily-digest'));
      ALTER TABLE notification_outbox ALTER COLUMN incident_id DROP NOT NULL;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_digest_without_incident
        CHECK ((event = 'daily-digest') = (incident_id IS NULL));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM notification_outbox WHERE event = 'daily-digest';
      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_digest_without_incident;
      ALTER TABLE notification_outbox ALTER COLUMN incident_id SET NOT NULL;
      ALTER TABLE notification_outbox DROP CONSTRAINT notification_outbox_event_check;
      ALTER TABLE notification_outbox ADD CONSTRAINT notification_outbox_event_check
        CHECK (event IN ('breach-reported', 'other-organisations-involved', 'decision-recorded', 'deadline-reminder',
                         'deadline-overdue', 'chain-incident-declared', 'partner-informed', 'partner-unreachable',
                         'partner-inform-reminder', 'partner-inform-overdue', 'partner-ack-reminder',
                         'partner-ack-escalation'));
      DROP TABLE user_notification_settings;
    `);
  }
}
