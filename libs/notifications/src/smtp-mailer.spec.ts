// Against a real SMTP server (smtp-server on a random loopback port), read back with mailparser.
import { once } from 'node:events';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { invalidEmailAddressText, isValidEmailAddress } from './address';
import { MailDeliveryError, type OutgoingMail } from './mailer';
import { messageIdFor, SmtpMailer, type SmtpMailerOptions } from './smtp-mailer';
import { parseSmtpUrl } from './smtp-url';

const FROM = 'datalek@babyconnect.example.org';

function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

function mail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    to: ['fg@praktijk-de-wieg.example.org'],
    subject: 'Nieuwe datalekmelding DL-2026-0042',
    text: 'Referentie: DL-2026-0042',
    html: '<p>Referentie: <strong>DL-2026-0042</strong></p>',
    reference: 'DL-2026-0042',
    idempotencyKey: 'outbox:7f3c',
    ...overrides,
  };
}

async function expectDeliveryError(promise: Promise<unknown>): Promise<MailDeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MailDeliveryError);
  return error as MailDeliveryError;
}

/** A port nothing listens on: bind, read the port, close. */
async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

describe('SmtpMailer against a real SMTP server', () => {
  const received: ParsedMail[] = [];
  /** RCPT TO addresses per delivered mail, as the server read them. */
  const envelopes: string[][] = [];
  let connections = 0;
  let server: SMTPServer;
  let url: string;
  const mailers: SmtpMailer[] = [];

  const mailer = (options: Partial<SmtpMailerOptions> = {}): SmtpMailer => {
    const created = new SmtpMailer({ url, from: FROM, fromName: 'Babyconnect Datalekken', ...options });
    mailers.push(created);
    return created;
  };

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onConnect(_session, callback) {
        connections += 1;
        callback();
      },
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('onbekend@')) return callback(smtpError(550, 'No such user'));
        if (address.address.startsWith('vol@')) return callback(smtpError(452, 'Mailbox full, try later'));
        return callback();
      },
      onData(stream, session, callback) {
        envelopes.push(session.envelope.rcptTo.map((recipient) => recipient.address));
        simpleParser(stream).then(
          (parsed) => {
            received.push(parsed);
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    server.listen(0, '127.0.0.1');
    await once(server.server, 'listening');
    url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const created of mailers) created.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => {
    received.length = 0;
    envelopes.length = 0;
  });

  it('delivers subject, text, html, the derived Message-ID and the reference header', async () => {
    const sent = await mailer().send(mail());

    expect(sent.accepted).toEqual(['fg@praktijk-de-wieg.example.org']);
    expect(sent.rejected).toEqual([]);
    expect(sent.messageId).toBe(messageIdFor('outbox:7f3c', 'babyconnect.example.org'));
    expect(received).toHaveLength(1);
    const arrived = received[0]!;
    expect(arrived.subject).toBe('Nieuwe datalekmelding DL-2026-0042');
    expect(arrived.text?.trim()).toBe('Referentie: DL-2026-0042');
    expect(arrived.html).toBe('<p>Referentie: <strong>DL-2026-0042</strong></p>');
    expect(arrived.messageId).toBe(sent.messageId);
    expect(arrived.headers.get('x-babyconnect-reference')).toBe('DL-2026-0042');
    expect(arrived.headers.get('auto-submitted')).toBe('auto-generated');
    expect(arrived.from?.value[0]).toEqual({ name: 'Babyconnect Datalekken', address: FROM });
  });

  it('gives a resend with the same idempotency key the same Message-ID, another key another one', async () => {
    const first = await mailer().send(mail());
    const again = await mailer().send(mail());
    const other = await mailer().send(mail({ idempotencyKey: 'outbox:8a01' }));

    expect(again.messageId).toBe(first.messageId);
    expect(other.messageId).not.toBe(first.messageId);
    expect(received.map((m) => m.messageId)).toEqual([first.messageId, first.messageId, other.messageId]);
  });

  it('reports a recipient refused with 550 as a permanent error', async () => {
    const error = await expectDeliveryError(mailer().send(mail({ to: ['onbekend@praktijk.example.org'] })));

    expect(error).toMatchObject({ permanent: true, reason: 'rejected', smtpCode: 550 });
    expect(error.recipients).toEqual(['onbekend@praktijk.example.org']);
    expect(error.messageNl).toMatch(/^Geweigerd door de mailserver: 550/);
    expect(received).toHaveLength(0);
  });

  it('reports a 4xx refusal as temporary', async () => {
    const error = await expectDeliveryError(mailer().send(mail({ to: ['vol@praktijk.example.org'] })));

    expect(error).toMatchObject({ permanent: false, reason: 'deferred', smtpCode: 452 });
  });

  it('returns a partly refused mail as sent, with the refused recipient listed', async () => {
    const sent = await mailer().send(mail({ to: ['fg@praktijk.example.org', 'onbekend@praktijk.example.org'] }));

    expect(sent).toMatchObject({ accepted: ['fg@praktijk.example.org'], rejected: ['onbekend@praktijk.example.org'] });
    expect(received).toHaveLength(1);
  });

  it('refuses an invalid address as permanent before connecting', async () => {
    const before = connections;
    const error = await expectDeliveryError(
      mailer().send(mail({ to: ['fg@praktijk.example.org', 'fg@praktijk.example.org>\r\nBcc: x@evil.example'] })),
    );

    expect(error).toMatchObject({ permanent: true, reason: 'invalid-address' });
    expect(error.recipients).toHaveLength(1);
    expect(connections).toBe(before);
  });

  it('refuses an address the API would refuse, in the words of the API (the domain rule), before connecting', async () => {
    const before = connections;
    const error = await expectDeliveryError(mailer().send(mail({ to: ['fg,ops@example.org'] })));

    expect(error).toMatchObject({ permanent: true, reason: 'invalid-address', recipients: ['fg,ops@example.org'] });
    expect(error.messageNl).toBe('"fg,ops@example.org" is geen geldig e-mailadres.');
    expect(error.message).toBe('"fg,ops@example.org" is not a valid e-mail address.');
    expect(error.messageNl).toBe(invalidEmailAddressText('fg,ops@example.org').nl);
    expect(connections).toBe(before);
  });

  it('delivers to exactly the address the rule accepts, special characters of the local part included', async () => {
    const addresses = ["o'brien@example.org", 'fg+datalek@example.org', 'a!#$%&*/=?^`{|}~-b@sub.example.org'];
    const sent = await mailer().send(mail({ to: addresses }));

    expect(addresses.every(isValidEmailAddress)).toBe(true);
    expect(sent.accepted).toEqual(addresses);
    expect(envelopes).toEqual([addresses]);
  });

  it('sends a subject on one line and without invisible formatting characters', async () => {
    await mailer().send(
      mail({ subject: 'Melding DL-2026-0042 \u2013 De \u202eWieg\u202c\u200b\r\nBcc: x@evil.example' }),
    );

    expect(received[0]?.subject).toBe('Melding DL-2026-0042 \u2013 De Wieg Bcc: x@evil.example');
    expect(received[0]?.headers.get('bcc')).toBeUndefined();
  });

  it('refuses headers the mailer owns, and a reference that is not an identifier, before connecting', async () => {
    const before = connections;
    const header = await expectDeliveryError(mailer().send(mail({ headers: { 'Message-ID': '<mine@example.org>' } })));
    const reference = await expectDeliveryError(mailer().send(mail({ reference: 'Jansen, 12-03-1990' })));

    expect(header).toMatchObject({ permanent: true, reason: 'invalid-message' });
    expect(reference).toMatchObject({ permanent: true, reason: 'invalid-message' });
    expect(connections).toBe(before);
  });

  it('reports a server that is down as temporary', async () => {
    const down = mailer({ url: `smtp://127.0.0.1:${await closedPort()}` });

    const error = await expectDeliveryError(down.send(mail()));
    expect(error).toMatchObject({ permanent: false, reason: 'connection' });
    await expect(down.verify()).rejects.toMatchObject({ permanent: false, reason: 'connection' });
  });

  it('reports a server that never greets as a temporary timeout', async () => {
    const silent: Server = createServer(() => undefined);
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    try {
      const port = (silent.address() as AddressInfo).port;
      const error = await expectDeliveryError(
        mailer({ url: `smtp://127.0.0.1:${port}`, timeouts: { greetingMs: 200 } }).send(mail()),
      );
      expect(error).toMatchObject({ permanent: false, reason: 'timeout' });
    } finally {
      silent.close();
    }
  });

  it('verifies a reachable server', async () => {
    await expect(mailer().verify()).resolves.toBeUndefined();
  });
});

describe('parseSmtpUrl', () => {
  it('reads host, port and decoded credentials', () => {
    expect(parseSmtpUrl('smtp://mail.example.org:1025')).toEqual({
      host: 'mail.example.org',
      port: 1025,
      secure: false,
    });
    expect(parseSmtpUrl('smtps://datalek:p%40ss%3Aword@mail.example.org')).toEqual({
      host: 'mail.example.org',
      port: 465,
      secure: true,
      auth: { user: 'datalek', pass: 'p@ss:word' },
    });
  });

  it('refuses other schemes without echoing the URL', () => {
    expect(() => parseSmtpUrl('http://mail.example.org')).toThrow(/smtp:\/\/ or smtps:\/\//);
    const error = (() => {
      try {
        parseSmtpUrl('smtps://user:geheim@');
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error?.message).toMatch(/not a valid URL/);
    expect(error?.message).not.toContain('geheim');
  });
});
