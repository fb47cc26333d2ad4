import { DataSource } from 'typeorm';
import { systemClock } from '@babyconnect/domain';
import { SmtpMailer, type Mailer } from '@babyconnect/notifications';
import { createDataSource } from '../src/database/data-source';
import { currentRequestTransaction, RequestTransaction } from '../src/database/request-transaction';
import { DeliveryWorker } from '../src/notifications/delivery-worker';
import type { NotificationSettings } from '../src/notifications/notification-settings';
import { OutboxRepository } from '../src/notifications/outbox.repository';
import { IncidentsService } from '../src/incidents/incidents.service';
import { defineAbilityFor } from '@babyconnect/contracts';
import { gql, ORG } from './support/gql';
import { report } from './support/incidents';
import { eventually, SmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// Delivery faults against a real SMTP server and a real PostgreSQL: the API enqueues (reports through GraphQL, its
// own workers off), the test runs DeliveryWorker instances on the API's database and stops, kills and doubles them.
jest.setTimeout(120_000);

const FG = 'wieg-fg@example.org';
const OFFICER = 'wieg-privacy@example.org';

const SETTINGS: NotificationSettings = {
  portalBaseUrl: 'https://datalek.example.org',
  reminderPermille: [500, 750, 900, 1000],
  escalationDelayMs: 3_600_000,
  pollMs: 50,
  maxAttempts: 50,
  retryBaseMs: 100,
  retryMaxMs: 400,
  leaseMs: 1500,
  lateAfterMs: 60_000,
  batchSize: 16,
  digestHour: 7,
};

describe('notification delivery: faults', () => {
  const sink = new SmtpSink();
  let t: TestApp;
  let dataSource: DataSource;
  const workers: DeliveryWorker[] = [];
  const mailers: SmtpMailer[] = [];

  const smtp = (): SmtpMailer => {
    const mailer = new SmtpMailer({
      url: sink.url,
      from: 'datalek@babyconnect.example.org',
      timeouts: { connectMs: 1000, greetingMs: 1000, socketMs: 3000 },
    });
    mailers.push(mailer);
    return mailer;
  };
  const worker = (mailer: Mailer = smtp()): DeliveryWorker => {
    const created = new DeliveryWorker({
      dataSource,
      mailer,
      clock: systemClock,
      settings: SETTINGS,
      outbox: new OutboxRepository(),
    });
    workers.push(created);
    return created;
  };
  const rows = (incidentIds: string[]) =>
    t.db.sql<{
      id: string;
      status: string;
      recipient_address: string;
      attempts: number;
      last_error: { reason: string; smtpCode?: number } | null;
    }>(
      `SELECT id::text, status, recipient_address, attempts, last_error FROM notification_outbox
        WHERE incident_id = ANY ($1::uuid[]) ORDER BY created_at, id`,
      [incidentIds],
    );
  /** Message-IDs received per outbox message (by its idempotency key's Message-ID). */
  const copiesOf = (incidentIds: string[]) =>
    sink.received.filter((m) => incidentIds.some((id) => m.mail.text?.includes(id)));

  beforeAll(async () => {
    await sink.start();
    t = await startTestApp({ NOTIFY_WORKER: 'false' });
    dataSource = createDataSource({ url: t.db.appUrl, poolMax: 6 });
    await dataSource.initialize();
    for (const user of ['wieg-fg', 'wieg-privacy']) {
      await gql(t.http, { token: await tokenFor(user), query: '{ me { user { id } } }' });
    }
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    sink.rejected.clear();
  });
  afterAll(async () => {
    mailers.forEach((m) => m.close());
    await dataSource.destroy();
    await t.close();
    await sink.stop();
  });

  it('SMTP down for a while: every message arrives once it is back, each once', async () => {
    await sink.stop();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await report(t.http, 'wieg-medewerker')).id);
    const w = worker();
    w.start();
    // Several failed rounds while the server is down: retrying, with the reason recorded.
    await eventually(async () => {
      const r = await rows(ids);
      expect(r).toHaveLength(6);
      expect(r.every((x) => x.status === 'retrying' && x.attempts >= 2)).toBe(true);
      expect(r[0]!.last_error?.reason).toBe('connection');
    });
    await sink.start();
    await eventually(async () => expect((await rows(ids)).every((x) => x.status === 'sent')).toBe(true), 20_000);
    const copies = copiesOf(ids);
    expect(copies).toHaveLength(6);
    expect(new Set(copies.map((c) => c.messageId)).size).toBe(6);
  });

  it('two worker instances on one database: no duplicates', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await report(t.http, 'wieg-medewerker')).id);
    worker().start();
    worker().start();
    await eventually(async () => expect((await rows(ids)).every((x) => x.status === 'sent')).toBe(true), 30_000);
    const copies = copiesOf(ids);
    expect(copies).toHaveLength(20);
    expect(new Set(copies.map((c) => c.messageId)).size).toBe(20);
  });

  it('a worker killed before the server accepted: one copy, delivered by another instance after the lease', async () => {
    const { id } = await report(t.http, 'wieg-medewerker');
    const doomed: DeliveryWorker = worker({
      send: () => {
        doomed.abandon();
        return new Promise(() => undefined); // never answers: the process is gone
      },
    });
    // Never settles: its sends never answer, as in a process that is gone.
    void doomed.tick();
    await eventually(async () => expect((await rows([id])).map((r) => r.status)).toEqual(['sending', 'sending']));
    worker().start();
    await eventually(async () => expect((await rows([id])).every((x) => x.status === 'sent')).toBe(true), 15_000);
    expect(copiesOf([id])).toHaveLength(2); // one per recipient
  });

  it('a worker killed after the server accepted, before recording: the documented window — a second copy, same Message-ID', async () => {
    const { id } = await report(t.http, 'wieg-medewerker');
    const real = smtp();
    const doomed: DeliveryWorker = worker({
      send: async (mail) => {
        const sent = await real.send(mail);
        doomed.abandon();
        return sent;
      },
    });
    await doomed.tick();
    expect((await rows([id])).map((r) => r.status)).toEqual(['sending', 'sending']);
    worker().start();
    await eventually(async () => expect((await rows([id])).every((x) => x.status === 'sent')).toBe(true), 15_000);
    const copies = copiesOf([id]);
    expect(copies).toHaveLength(4);
    // Each recipient's two copies carry one Message-ID: recognisable as one message.
    expect(new Set(copies.map((c) => c.messageId)).size).toBe(2);
  });

  it('a rejected address: dead letter with the reason, the other recipient still served, the admin sees and retries it', async () => {
    sink.rejected.add(OFFICER);
    const { id } = await report(t.http, 'wieg-medewerker');
    worker().start();
    await eventually(async () => {
      const r = await rows([id]);
      expect(r.find((x) => x.recipient_address === FG)?.status).toBe('sent');
      expect(r.find((x) => x.recipient_address === OFFICER)?.status).toBe('dead');
    });
    const dead = (await rows([id])).find((x) => x.recipient_address === OFFICER)!;
    expect(dead.last_error).toMatchObject({ reason: 'rejected', smtpCode: 550 });
    expect(dead.attempts).toBe(1);

    const admin = await tokenFor('beheerder');
    const letters = await gql<{
      deadLetters: {
        id: string;
        reference: string;
        recipientAddress: string;
        lastFailure: { reason: string; text: { nl: string } };
      }[];
    }>(t.http, {
      token: admin,
      query: '{ deadLetters { id reference recipientAddress lastFailure { reason text { nl } } } }',
    });
    const letter = letters.data!.deadLetters.find((l) => l.id === dead.id)!;
    expect(letter).toMatchObject({ recipientAddress: 'w***@example.org', lastFailure: { reason: 'rejected' } });
    expect(letter.lastFailure.text.nl).toContain('Geweigerd door de mailserver');
    // The FG reads no dead letters of the platform.
    expect((await gql(t.http, { token: await tokenFor('wieg-fg'), query: '{ deadLetters { id } }' })).code).toBe(
      'FORBIDDEN',
    );

    sink.rejected.clear();
    const retried = await gql(t.http, {
      token: admin,
      query: 'mutation($id: ID!) { retryDeadLetter(id: $id) }',
      variables: { id: dead.id },
    });
    expect(retried.errors).toEqual([]);
    expect(retried.data).toEqual({ retryDeadLetter: true });
    await eventually(async () => expect((await rows([id])).every((x) => x.status === 'sent')).toBe(true));
    expect(sink.to(OFFICER).filter((m) => m.mail.text?.includes(id))).toHaveLength(1);
  });

  it('a rolled-back change enqueues nothing; the same change committed does', async () => {
    const [user] = await t.db.sql<{ id: string }>(
      `SELECT id::text FROM users WHERE email = 'wieg-privacy@example.org'`,
    );
    const actor = {
      user: { id: user!.id, displayName: 'Privacy', email: OFFICER, issuer: 'test', subject: 'wieg-privacy' },
      memberships: [],
      acting: {
        organisationId: ORG.wieg,
        alias: 'vp-de-wieg',
        name: 'De Wieg',
        kind: 'MIDWIFERY_PRACTICE' as const,
        roles: ['privacy-officer' as const],
      },
      mustChooseOrganisation: false,
      platformAdmin: false,
      ability: defineAbilityFor({ roles: ['privacy-officer'], platformAdmin: false }),
    };
    const service = t.app.get(IncidentsService);
    const attempt = async (commit: boolean) => {
      const rt = new RequestTransaction(t.app.get(DataSource));
      const incident = await currentRequestTransaction.run(rt, () =>
        service.report(actor, {
          whatHappened: 'Terugdraaitest.',
          stillOngoing: 'no',
          howDiscovered: null,
          otherOrganisationsInvolved: 'no',
          exercise: false,
        } as never),
      );
      await rt.finish(commit, async () => undefined);
      return incident.id;
    };
    const rolledBack = await attempt(false);
    const committed = await attempt(true);
    const counts = await t.db.sql<{ incident_id: string; outbox: string; timers: string }>(
      `SELECT i.id::text AS incident_id,
              (SELECT count(*) FROM notification_outbox o WHERE o.incident_id = i.id)::text AS outbox,
              (SELECT count(*) FROM notification_timers n WHERE n.incident_id = i.id)::text AS timers
         FROM (SELECT unnest($1::uuid[]) AS id) i`,
      [[rolledBack, committed]],
    );
    expect(counts).toEqual([
      { incident_id: rolledBack, outbox: '0', timers: '0' },
      { incident_id: committed, outbox: '2', timers: '5' },
    ]);
  });
});
