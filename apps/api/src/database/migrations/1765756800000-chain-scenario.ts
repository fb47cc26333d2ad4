import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The situation (A, B or C of the protocol) the reporting organisation declared for a breach, kept on the breach
 * itself (issue 17, item 1): `incidents.chain_scenario`. A and C also have their chain incident (chain_incidents);
 * B ("internal only") has none, and without this column it was forgotten as soon as it was answered. Kept on the
 * reporter's own row, so it is as private as the breach: only the reporting organisation reads it (row-level
 * security of `incidents`); HINQ and partners learn of A and C through the chain incident only.
 *
 * Existing chain incidents give their breach its situation. No new grant: the app may already update `incidents`.
 */
export class ChainScenario1765756800000 implements MigrationInterface {
  name = 'ChainScenario1765756800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE incidents ADD COLUMN chain_scenario text CHECK (chain_scenario IN ('A', 'B', 'C'));
      UPDATE incidents i SET chain_scenario = c.scenario
        FROM chain_incidents c WHERE c.organisation_id = i.organisation_id AND c.source_incident_id = i.id;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE incidents DROP COLUMN chain_scenario;`);
  }
}
