// Mailer over SMTP with nodemailer. One connection per send (no pool): the outbox sends a trickle of mails,
// and a fresh connection per attempt keeps failures independent and close() trivial.
import { createHash } from 'node:crypto';
import nodemailer, { type SMTPSentMessageInfo, type Transporter } from 'nodemailer';
import { stripInvisible } from '@babyconnect/domain';
import { domainOf, invalidEmailAddressText, isValidEmailAddress } from './address';
import { MailDeliveryError, type Mailer, type OutgoingMail, type SentMail } from './mailer';
import { toMailDeliveryError } from './smtp-errors';
import { parseSmtpUrl } from './smtp-url';

export interface SmtpMailerOptions {
  /** `smtp://host:port` (STARTTLS when offered) or `smtps://user:pass@host:465`. */
  url: string;
  /** Sender address, e.g. `datalek@babyconnect.example.org`. */
  from: string;
  /** Display name of the sender. */
  fromName?: string;
  /** Right-hand side of generated Message-IDs; defaults to the domain of `from`. */
  messageIdDomain?: string;
  /**
   * nodemailer's defaults (2 min connect, 10 min socket) would stall an outbox worker; a timeout is
   * a temporary error and the outbox tries again later.
   */
  timeouts?: { connectMs?: number; greetingMs?: number; socketMs?: number };
  /** Fail instead of sending in plain text when the server offers no STARTTLS (smtp:// only). */
  requireTls?: boolean;
}

export const REFERENCE_HEADER = 'X-Babyconnect-Reference';

// A reference is an identifier, not text: this keeps free text (and so client data) out of the header.
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const HEADER_NAME = /^[A-Za-z0-9-]+$/;
const ATTACHMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$/;
// Headers the mailer sets itself; letting a caller set them would break idempotency or the envelope.
const RESERVED_HEADERS = new Set([
  'from',
  'sender',
  'reply-to',
  'to',
  'cc',
  'bcc',
  'subject',
  'date',
  'message-id',
  'in-reply-to',
  'references',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'auto-submitted',
  REFERENCE_HEADER.toLowerCase(),
]);

/** Same key, same Message-ID. Hashed so the key's contents (ids, addresses) don't leak into headers. */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const digest = createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 32);
  return `<${digest}@${domain}>`;
}

export class SmtpMailer implements Mailer {
  private readonly transport: Transporter<SMTPSentMessageInfo>;
  private readonly from: { name: string; address: string };
  private readonly messageIdDomain: string;

  constructor(options: SmtpMailerOptions) {
    if (!isValidEmailAddress(options.from)) throw new Error('SMTP from-address is not a valid e-mail address');
    const endpoint = parseSmtpUrl(options.url);
    this.from = { name: options.fromName ?? '', address: options.from };
    this.messageIdDomain = options.messageIdDomain ?? domainOf(options.from);
    this.transport = nodemailer.createTransport({
      host: endpoint.host,
      port: endpoint.port,
      secure: endpoint.secure,
      ...(endpoint.auth ? { auth: endpoint.auth } : {}),
      requireTLS: options.requireTls ?? false,
      connectionTimeout: options.timeouts?.connectMs ?? 10_000,
      greetingTimeout: options.timeouts?.greetingMs ?? 10_000,
      socketTimeout: options.timeouts?.socketMs ?? 30_000,
      // Attachments are generated strings (.ics); never let content make the mailer read files or fetch URLs.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  async send(message: OutgoingMail): Promise<SentMail> {
    // Validate everything before connecting: these failures are permanent, a retry can't fix them.
    validate(message);
    const messageId = messageIdFor(message.idempotencyKey, this.messageIdDomain);
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: singleLine(message.subject),
        text: message.text,
        html: message.html,
        messageId,
        attachments: (message.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
        headers: {
          ...message.headers,
          [REFERENCE_HEADER]: message.reference,
          // RFC 3834: keeps out-of-office replies away from a no-reply sender.
          'Auto-Submitted': 'auto-generated',
        },
      });
      return { messageId, accepted: [...info.accepted], rejected: [...info.rejected] };
    } catch (error) {
      throw toMailDeliveryError(error);
    }
  }

  /** Readiness: connects (and authenticates) without sending. Throws a MailDeliveryError when not ready. */
  async verify(): Promise<void> {
    try {
      await this.transport.verify();
    } catch (error) {
      throw toMailDeliveryError(error);
    }
  }

  close(): void {
    this.transport.close();
  }
}

function validate(message: OutgoingMail): void {
  if (message.to.length === 0) throw new MailDeliveryError('invalid-address', { detail: 'no recipients' });
  const invalid = message.to.filter((address) => !isValidEmailAddress(address));
  if (invalid.length > 0) {
    const texts = invalid.map(invalidEmailAddressText);
    throw new MailDeliveryError('invalid-address', {
      text: { nl: texts.map((t) => t.nl).join(' '), en: texts.map((t) => t.en).join(' ') },
      recipients: invalid,
    });
  }
  if (!message.idempotencyKey.trim()) {
    throw new MailDeliveryError('invalid-message', { detail: 'empty idempotency key' });
  }
  if (!REFERENCE.test(message.reference)) {
    throw new MailDeliveryError('invalid-message', { detail: 'reference is not an identifier' });
  }
  for (const attachment of message.attachments ?? []) {
    // The file name and type become MIME header parameters.
    if (!ATTACHMENT_NAME.test(attachment.filename) || /[\r\n]/.test(attachment.contentType)) {
      throw new MailDeliveryError('invalid-message', { detail: 'attachment name or type is not plain' });
    }
  }
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (!HEADER_NAME.test(name) || RESERVED_HEADERS.has(name.toLowerCase())) {
      throw new MailDeliveryError('invalid-message', { detail: `header ${name} may not be set` });
    }
    if (/[\r\n]/.test(value)) {
      throw new MailDeliveryError('invalid-message', { detail: `header ${name} contains a line break` });
    }
  }
}

/**
 * The subject as a reader should see it: one line, without invisible formatting characters (a right-to-left override
 * in an organisation name would otherwise turn the subject around). Templates already clean their values; this is the
 * last line for any caller. Removed, not refused: a breach notification must still go out.
 */
function singleLine(subject: string): string {
  return stripInvisible(subject)
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
}
