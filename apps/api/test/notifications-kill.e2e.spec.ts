import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { gql } from './support/gql';
import { report } from './support/incidents';
import { eventually, SmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// A real SIGKILL of a delivery worker process while it sends: the worker runs as its own process (the API's
// DeliveryWorker and SmtpMailer, support/delivery-worker-child.ts) on the test's database, the SMTP server holds its
// reply to DATA so the worker is caught mid-send, the test kills it with `kill -9`, starts another and counts the
// copies. The documented window (README, delivery guarantees): a message whose DATA the server had received when the
// sender died arrives twice, with one Message-ID; every other message exactly once; none is lost.
jest.setTimeout(120_000);

const LEASE_MS = 2000;
const BATCH = 4;
const HOOKS = join(__dirname, 'support/ts-child-hooks.cjs');
const CHILD = join(__dirname, 'support/delivery-worker-child.ts');

describe('notification delivery: a worker process killed with SIGKILL while sending', () => {
  const sink = new SmtpSink();
  let t: TestApp;
  const children: ChildProcess[] = [];

  async function startWorker(): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--require', HOOKS, CHILD], {
      env: {
        ...process.env,
        DATABASE_URL: t.db.appUrl,
        SMTP_URL: sink.url,
        NOTIFY_LEASE_MS: String(LEASE_MS),
        NOTIFY_BATCH_SIZE: String(BATCH),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.once('exit', (code, signal) => reject(new Error(`worker exited (${code ?? signal}): ${errors}`)));
    });
    await ready;
    return child;
  }

  const rows = (incidentIds: string[]) =>
    t.db.sql<{ status: string; attempts: number }>(
      `SELECT status, attempts FROM notification_outbox WHERE incident_id = ANY ($1::uuid[])`,
      [incidentIds],
    );

  beforeAll(async () => {
    await sink.start();
    t = await startTestApp({ NOTIFY_WORKER: 'false' });
    for (const user of ['wieg-fg', 'wieg-privacy']) {
      await gql(t.http, { token: await tokenFor(user), query: '{ me { user { id } } }' });
    }
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await t.close();
    await sink.stop();
  });

  it('kill -9 mid-send, another worker takes over: none lost, only the messages in DATA twice, same Message-ID', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await report(t.http, 'wieg-medewerker')).id);
    expect(await rows(ids)).toHaveLength(12);

    sink.holdData = true;
    const doomed = await startWorker();
    // The first batch is inside DATA: the server has each message, the worker waits for the 250 it never gets.
    await eventually(() => expect(sink.held).toHaveLength(BATCH), 30_000);
    const inFlight = new Set(sink.held.map((h) => h.messageId));
    expect((await rows(ids)).filter((r) => r.status === 'sending')).toHaveLength(BATCH);

    const exited = once(doomed, 'exit');
    process.kill(doomed.pid!, 'SIGKILL');
    expect(await exited).toEqual([null, 'SIGKILL']);
    sink.holdData = false;
    sink.held.splice(0).forEach((h) => h.release()); // to a dead socket

    const killedAt = Date.now();
    await startWorker();
    await eventually(async () => expect((await rows(ids)).every((r) => r.status === 'sent')).toBe(true), 60_000);
    // The killed worker's claims were taken over only after their lease ran out, not before.
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(LEASE_MS - 500);

    const copies = sink.received.filter((m) => ids.some((id) => m.mail.text?.includes(id)));
    const perMessageId = new Map<string, number>();
    for (const c of copies) perMessageId.set(c.messageId, (perMessageId.get(c.messageId) ?? 0) + 1);
    // Every message arrived; each recipient's message has one Message-ID.
    expect(perMessageId.size).toBe(12);
    for (const [messageId, n] of perMessageId)
      expect([messageId, n]).toEqual([messageId, inFlight.has(messageId) ? 2 : 1]);
    expect(copies).toHaveLength(12 + BATCH);
    const attempts = (await rows(ids)).map((r) => r.attempts).sort();
    expect(attempts).toEqual([...Array(12 - BATCH).fill(1), ...Array(BATCH).fill(2)]);
  });
});
