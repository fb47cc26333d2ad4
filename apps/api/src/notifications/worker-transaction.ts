import type { DataSource, EntityManager } from 'typeorm';

/**
 * A transaction of the notification worker: it delivers and fires timers for every organisation, so row-level
 * security lets it see outbox and timer rows of all of them — in this transaction only (set_config(…, true)).
 */
export function asNotificationWorker<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.notification_worker', 'on', true)`);
    return work(manager);
  });
}
