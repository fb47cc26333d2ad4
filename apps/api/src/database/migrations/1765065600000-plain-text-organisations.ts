import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The database's own backstop for the shared text rules (libs/domain/src/identity, text/): organisation names and
 * contact names hold no control or invisible formatting characters (bidi overrides, zero-width characters,
 * soft hyphens …), and a contact address is one plain, lower-case address the mailer accepts (never `fg,ops@…`).
 * The API refuses such input with a field error first; these constraints make sure no other path stores it.
 *
 * NOT VALID: rows stored before this migration are not re-checked (a database may hold an old name the new rules
 * refuse; the mailer strips invisible characters from such names). Every new or changed row is checked.
 */
const INVISIBLE = String.raw`[\u0001-\u001f\u007f-\u009f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u115f-\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]`;
const LOCAL = String.raw`[a-z0-9!#$%&''*+/=?^_${'`'}{|}~-]`;
const EMAIL = String.raw`^${LOCAL}+(\.${LOCAL}+)*@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`;

export class PlainTextOrganisations1765065600000 implements MigrationInterface {
  name = 'PlainTextOrganisations1765065600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisations
        ADD CONSTRAINT organisations_name_plain_text CHECK (name !~ '${INVISIBLE}') NOT VALID,
        ADD CONSTRAINT organisations_contact_name_plain_text
          CHECK (contact_name IS NULL OR contact_name !~ '${INVISIBLE}') NOT VALID,
        ADD CONSTRAINT organisations_contact_email_strict CHECK (contact_email IS NULL OR (
          length(contact_email) <= 254
          AND length(split_part(contact_email, '@', 1)) <= 64
          AND contact_email ~ '${EMAIL}'
          AND contact_email ~ '\\.[a-z0-9-]*[a-z][a-z0-9-]*$')) NOT VALID;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisations
        DROP CONSTRAINT organisations_contact_email_strict,
        DROP CONSTRAINT organisations_contact_name_plain_text,
        DROP CONSTRAINT organisations_name_plain_text;
    `);
  }
}
