import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  messageId: string;
  subject: string;
  mail: ParsedMail;
}

/**
 * A real SMTP server for notification tests (smtp-server on a loopback port). It can go down and come back on the
 * same port, refuse chosen addresses with 550, and hold its reply to DATA (`holdData`): the message is complete and
 * counted as received — as a real mail server that has queued it — but the sender never hears the 250, as when it
 * dies at that moment.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  readonly rejected = new Set<string>();
  /** While true, DATA is read and recorded but not answered; `held` lists the messages waiting for their reply. */
  holdData = false;
  readonly held: { messageId: string; release: () => void }[] = [];
  private server: SMTPServer | null = null;
  private port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.rejected.has(address.address.toLowerCase())) {
          return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
        }
        return callback();
      },
      onData: (stream, session, callback) => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        simpleParser(stream).then(
          (mail) => {
            this.received.push({ to, messageId: mail.messageId ?? '', subject: mail.subject ?? '', mail });
            if (this.holdData) this.held.push({ messageId: mail.messageId ?? '', release: () => callback() });
            else callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    server.listen(this.port, '127.0.0.1');
    await once(server.server, 'listening');
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Down: connections are refused until start() again (same port). */
  async stop(): Promise<void> {
    this.held.splice(0).forEach((h) => h.release());
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address.toLowerCase()));
  }
}

/** Polls until `check` holds (or fails with what it last saw). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 15_000, everyMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw last;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
