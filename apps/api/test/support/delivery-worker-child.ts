// A notification delivery worker as its own process, for the SIGKILL test (notifications-kill.e2e.spec.ts): the
// API's DeliveryWorker and SmtpMailer on the test's database and SMTP server, nothing else. Started with
// `node --require ./ts-child-hooks.cjs delivery-worker-child.ts`; settings from the environment; prints `ready`.
import { systemClock } from '@babyconnect/domain';
import { SmtpMailer } from '@babyconnect/notifications';
import { createDataSource } from '../../src/database/data-source';
import { DeliveryWorker } from '../../src/notifications/delivery-worker';
import { OutboxRepository } from '../../src/notifications/outbox.repository';

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  const dataSource = createDataSource({ url: env('DATABASE_URL'), poolMax: 4, applicationName: 'worker-child' });
  await dataSource.initialize();
  const mailer = new SmtpMailer({
    url: env('SMTP_URL'),
    from: 'datalek@babyconnect.example.org',
    timeouts: { connectMs: 2000, greetingMs: 2000, socketMs: 60_000 },
  });
  const worker = new DeliveryWorker({
    dataSource,
    mailer,
    clock: systemClock,
    outbox: new OutboxRepository(),
    settings: {
      portalBaseUrl: 'https://datalek.example.org',
      reminderPermille: [500, 750, 900, 1000],
      escalationDelayMs: 3_600_000,
      pollMs: 50,
      maxAttempts: 50,
      retryBaseMs: 100,
      retryMaxMs: 400,
      leaseMs: Number(env('NOTIFY_LEASE_MS')),
      lateAfterMs: 60_000,
      batchSize: Number(env('NOTIFY_BATCH_SIZE')),
      digestHour: 7,
    },
    logger: { warn: (m) => process.stderr.write(`${m}\n`), error: (m) => process.stderr.write(`${m}\n`) },
  });
  worker.start();
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    void worker.stop().then(async () => {
      mailer.close();
      await dataSource.destroy();
      process.exit(0);
    });
  });
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
