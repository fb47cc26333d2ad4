// Every notification rendered in both languages, and sent through the real SMTP mailer to a real SMTP server
// (smtp-server on a random loopback port), read back with mailparser: header injection stays harmless.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { SmtpMailer } from '../smtp-mailer';
import {
  CHAIN_NOTIFICATION_EVENTS,
  NOTIFICATION_EVENTS,
  renderNotification,
  type NotificationPayload,
} from './notification';
import { DECISION_CODES } from './decision-labels';

jest.setTimeout(30_000);

const base: NotificationPayload = {
  event: 'breach-reported',
  incidentId: '6f1c2a9e-8d7b-4c3a-9e2f-1a2b3c4d5e6f',
  organisationName: 'Verloskundigenpraktijk De Wieg',
  reference: 'DL-2026-0042',
  exercise: false,
  deadline: '2026-10-26T21:40:00Z',
  partnerDeadline: '2026-10-24T21:40:00Z',
  decision: 'ap:notify',
  elapsedPercent: 75,
  portalUrl: 'https://datalek.example.org/meldingen/6f1c2a9e-8d7b-4c3a-9e2f-1a2b3c4d5e6f',
};

describe('renderNotification', () => {
  // The chain's mails have their own spec (chain.spec.ts): they state the 24 hours or ask for an acknowledgement.
  // The daily digest is about several incidents: daily-digest.spec.ts.
  const single = NOTIFICATION_EVENTS.filter(
    (event) => !CHAIN_NOTIFICATION_EVENTS.includes(event) && event !== 'daily-digest',
  );
  it.each(single.flatMap((event) => [[event, 'nl'] as const, [event, 'en'] as const]))(
    '%s in %s: reference, organisation, Amsterdam deadline, link',
    (event, locale) => {
      const mail = renderNotification({ ...base, event }, locale);
      expect(mail.subject).toContain('DL-2026-0042');
      expect(mail.subject).toContain('De Wieg');
      expect(mail.text).toContain(base.portalUrl);
      expect(mail.html).toContain(`<html lang="${locale}">`);
      // 72 h after 23:40 CEST on 23 October is 22:40 CET on 26 October (summer time ended in between).
      expect(mail.text).toContain(locale === 'nl' ? 'maandag 26 oktober 2026 om 22:40 CET' : 'Monday, 26 October 2026');
    },
  );

  it('words the reminder with its share of the 72 hours', () => {
    expect(renderNotification({ ...base, event: 'deadline-reminder' }, 'nl').subject).toBe(
      'Herinnering: 75% van de 72 uur verstreken voor DL-2026-0042 – Verloskundigenpraktijk De Wieg',
    );
  });

  it('words every decision code in both languages, and refuses an unknown one', () => {
    for (const decision of DECISION_CODES) {
      expect(renderNotification({ ...base, event: 'decision-recorded', decision }, 'nl').text).not.toContain('{{');
      expect(renderNotification({ ...base, event: 'decision-recorded', decision }, 'en').text).not.toContain('{{');
    }
    const free = { ...base, event: 'decision-recorded', decision: 'Jansen, BSN 123456782' } as unknown;
    expect(() => renderNotification(free as NotificationPayload, 'nl')).toThrow(/unknown decision/);
  });

  it('marks an exercise in the subject, the body and the calendar entry', () => {
    const nl = renderNotification({ ...base, exercise: true }, 'nl');
    expect(nl.subject).toBe('OEFENING: Nieuwe datalekmelding DL-2026-0042 – Verloskundigenpraktijk De Wieg');
    expect(nl.text.startsWith('OEFENING')).toBe(true);
    expect(nl.attachments[0]!.content).toContain('SUMMARY:OEFENING: Termijn melding AP DL-2026-0042');
    expect(renderNotification({ ...base, exercise: true }, 'en').subject).toMatch(/^EXERCISE: New data breach/);
  });

  it('marks a late reminder with when it was due', () => {
    const mail = renderNotification({ ...base, event: 'deadline-reminder', lateSince: '2026-10-25T09:40:00Z' }, 'nl');
    expect(mail.subject).toMatch(/\(verlaat\)$/);
    expect(mail.text).toContain(
      'Dit bericht is later verzonden dan gepland (gepland: zondag 25 oktober 2026 om 10:40 CET).',
    );
  });

  it('attaches the deadline as a calendar event with a stable UID and an alarm', () => {
    const { attachments } = renderNotification(base, 'nl');
    expect(attachments).toHaveLength(1);
    const ics = attachments[0]!.content;
    expect(attachments[0]!.filename).toBe('termijn-ap-DL-2026-0042.ics');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain(`UID:ap-deadline.${base.incidentId}@babyconnect`);
    expect(ics).toContain('DTSTART:20261026T214000Z');
    expect(ics).toContain('BEGIN:VALARM');
    // HINQ gets the partners' 24-hour deadline.
    const chain = renderNotification({ ...base, event: 'other-organisations-involved' }, 'nl').attachments[0]!;
    expect(chain.content).toContain('DTSTART:20261024T214000Z');
    expect(chain.content).toContain(`UID:partner-deadline.${base.incidentId}@babyconnect`);
  });
});

describe('a notification through a real SMTP server', () => {
  const received: { mail: ParsedMail; rcpt: string[] }[] = [];
  let server: SMTPServer;
  let mailer: SmtpMailer;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const rcpt = session.envelope.rcptTo.map((r) => r.address);
        simpleParser(stream).then(
          (mail) => {
            received.push({ mail, rcpt });
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    server.listen(0, '127.0.0.1');
    await once(server.server, 'listening');
    const { port } = server.server.address() as AddressInfo;
    mailer = new SmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: 'datalek@babyconnect.example.org' });
  });

  afterAll(async () => {
    mailer.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('a name with CR/LF and Bcc: neither adds a header nor a recipient', async () => {
    const evil = 'De Wieg\r\nBcc: spion@evil.example\r\nX-Evil: 1\r\n\r\n<b>body</b>';
    const mail = renderNotification({ ...base, organisationName: evil, exercise: true }, 'nl');
    await mailer.send({
      to: ['fg@de-wieg.example.org'],
      subject: `${mail.subject}\r\nBcc: nog-een@evil.example`,
      text: mail.text,
      html: mail.html,
      reference: base.reference,
      idempotencyKey: 'injection-test',
      attachments: mail.attachments,
    });
    const got = received.at(-1)!;
    expect(got.rcpt).toEqual(['fg@de-wieg.example.org']);
    expect(got.mail.bcc).toBeUndefined();
    expect(got.mail.headers.has('x-evil')).toBe(false);
    expect(got.mail.subject).toBe(
      'OEFENING: Nieuwe datalekmelding DL-2026-0042 – De Wieg Bcc: spion@evil.example X-Evil: 1 <b>body</b> Bcc: nog-een@evil.example',
    );
    expect(got.mail.html).not.toContain('<b>body</b>');
    const ics = got.mail.attachments.find((a) => a.filename === 'termijn-ap-DL-2026-0042.ics');
    expect(ics?.contentType).toBe('text/calendar');
    expect(ics?.content.toString('utf8')).toContain('DTSTART:20261026T214000Z');
  });
});
