// The port the product sends e-mail through. The outbox (a later issue) depends on this interface only,
// so tests and other transports can stand in for SMTP. Rule from the domain: an e-mail carries a reference
// and a link, never client data — which is why `reference` is a field of its own.

export interface OutgoingMail {
  /** Plain addresses (`fg@praktijk.example.org`), no display names. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** The breach or incident the mail is about, e.g. `DL-2026-0042`; sent as X-Babyconnect-Reference. */
  reference: string;
  /**
   * Stable per logical message (one outbox row). The Message-ID is derived from it, so a resend after a
   * crash between "sent" and "marked as sent" carries the same Message-ID and can be recognised as a duplicate.
   */
  idempotencyKey: string;
  /** Extra headers; the ones the mailer owns (From, To, Message-ID, …) are refused. */
  headers?: Record<string, string>;
  /** Generated content only (a deadline's .ics); never a path or URL — the mailer reads no files. */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface SentMail {
  messageId: string;
  accepted: string[];
  /**
   * Recipients the server refused while it accepted others. Not an error: the mail did go out, and
   * throwing would make a retry send it again to the accepted ones.
   */
  rejected: string[];
}

export interface Mailer {
  send(message: OutgoingMail): Promise<SentMail>;
}

/**
 * Why a delivery failed. The outbox retries the temporary ones and dead-letters the permanent ones, so the
 * split follows one question: would sending the *same message* again ever succeed?
 */
export type MailDeliveryReason =
  /** An address failed our validation; refused before connecting. */
  | 'invalid-address'
  /** The message itself is malformed (reference, headers, idempotency key): a programming error. */
  | 'invalid-message'
  /** The server answered 5xx (except 503): it will answer the same again. */
  | 'rejected'
  /** The server answered 4xx or 503: try later. */
  | 'deferred'
  /** Refused, closed or unresolvable connection. */
  | 'connection'
  | 'timeout'
  /**
   * Authentication or TLS failed. Temporary on purpose, although the server may say 535: the message is
   * fine, an operator has to fix the settings, and dead-lettering every mail meanwhile would lose them.
   */
  | 'configuration'
  /** Anything unrecognised; retried, the outbox's attempt limit bounds it. */
  | 'unknown';

const PERMANENT: ReadonlySet<MailDeliveryReason> = new Set(['invalid-address', 'invalid-message', 'rejected']);

/** Readable reasons, Dutch first, for logs and the dead-letter view. */
export const MAIL_DELIVERY_REASON_TEXT: Readonly<Record<MailDeliveryReason, { nl: string; en: string }>> = {
  'invalid-address': { nl: 'Ongeldig e-mailadres', en: 'Invalid e-mail address' },
  'invalid-message': { nl: 'Ongeldig bericht', en: 'Invalid message' },
  rejected: { nl: 'Geweigerd door de mailserver', en: 'Rejected by the mail server' },
  deferred: { nl: 'Tijdelijk geweigerd door de mailserver', en: 'Temporarily refused by the mail server' },
  connection: { nl: 'Geen verbinding met de mailserver', en: 'No connection to the mail server' },
  timeout: { nl: 'Time-out bij de mailserver', en: 'Mail server timed out' },
  configuration: {
    nl: 'Aanmelding of TLS bij de mailserver mislukt (instellingen)',
    en: 'Mail server authentication or TLS failed (settings)',
  },
  unknown: { nl: 'Onbekende fout bij verzenden', en: 'Unknown error while sending' },
};

export interface MailDeliveryErrorOptions {
  /** Technical detail, e.g. the server's reply; appended to both messages. */
  detail?: string;
  /**
   * The whole message in both languages, instead of the reason's text and the detail: for refusals whose wording is
   * the domain's (an invalid address reads exactly as the API said it when the address was entered).
   */
  text?: { nl: string; en: string };
  smtpCode?: number;
  /** Addresses the error is about. */
  recipients?: string[];
  cause?: unknown;
}

export class MailDeliveryError extends Error {
  override readonly name = 'MailDeliveryError';
  /** Derived from `reason`, so the two can never disagree. */
  readonly permanent: boolean;
  readonly messageNl: string;
  readonly smtpCode: number | undefined;
  readonly recipients: string[];

  constructor(
    readonly reason: MailDeliveryReason,
    options: MailDeliveryErrorOptions = {},
  ) {
    const reasonText = MAIL_DELIVERY_REASON_TEXT[reason];
    const suffix = options.detail ? `: ${options.detail}` : '';
    const text = options.text ?? { nl: reasonText.nl + suffix, en: reasonText.en + suffix };
    super(text.en, { cause: options.cause });
    this.permanent = PERMANENT.has(reason);
    this.messageNl = text.nl;
    this.smtpCode = options.smtpCode;
    this.recipients = options.recipients ?? [];
  }

  /** What the outbox stores with a failed attempt. */
  toJSON(): {
    reason: MailDeliveryReason;
    permanent: boolean;
    message: string;
    messageNl: string;
    smtpCode?: number;
    recipients: string[];
  } {
    return {
      reason: this.reason,
      permanent: this.permanent,
      message: this.message,
      messageNl: this.messageNl,
      ...(this.smtpCode === undefined ? {} : { smtpCode: this.smtpCode }),
      recipients: this.recipients,
    };
  }
}
