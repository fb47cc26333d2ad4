import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Detection counts each pushed batch's rule windows in PostgreSQL for the batch's accounts only
 * (`DetectionRepository.blocksOf`: organisation, account = ANY(...), a time range). With only the
 * `(organisation_id, at)` index it read every account's events of those windows — a whole hour of the chain's
 * viewer log per batch — and filtered them; this index reads just the accounts' own events.
 */
export class ViewerLogEventsByAccount1766100000000 implements MigrationInterface {
  name = 'ViewerLogEventsByAccount1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX viewer_log_events_account ON viewer_log_events (organisation_id, account, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX viewer_log_events_account`);
  }
}
