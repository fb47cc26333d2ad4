// Maps what nodemailer throws onto MailDeliveryError, the only error the outbox has to understand.
import type { NodemailerError } from 'nodemailer';
import { MailDeliveryError, type MailDeliveryReason } from './mailer';

const CONFIGURATION_CODES = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2', 'ETLS', 'EREQUIRETLS', 'ECONFIG', 'EPROXY']);
const CONNECTION_CODES = new Set(['ECONNECTION', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND']);

export function toMailDeliveryError(error: unknown): MailDeliveryError {
  if (error instanceof MailDeliveryError) return error;
  const err = (error ?? {}) as NodemailerError;
  const code = typeof err.code === 'string' ? err.code : undefined;
  const smtpCode = typeof err.responseCode === 'number' ? err.responseCode : undefined;
  const reason = classify(code, smtpCode, err.permanent);
  // The server's own words are the most useful detail; nodemailer's message otherwise.
  const detail = err.response ?? (typeof err.message === 'string' ? err.message : undefined);
  return new MailDeliveryError(reason, {
    ...(detail ? { detail } : {}),
    ...(smtpCode === undefined ? {} : { smtpCode }),
    ...(err.rejected?.length ? { recipients: err.rejected } : {}),
    cause: error,
  });
}

function classify(
  code: string | undefined,
  smtpCode: number | undefined,
  permanent: boolean | undefined,
): MailDeliveryReason {
  // Before the reply code: a 535 on AUTH is the settings' fault, not the message's (see 'configuration').
  if (code && CONFIGURATION_CODES.has(code)) return 'configuration';
  if (smtpCode !== undefined) {
    // nodemailer sets `permanent` from the reply class (5xx except 503); fall back to the same rule.
    const isPermanent = permanent ?? (smtpCode >= 500 && smtpCode < 600 && smtpCode !== 503);
    return isPermanent ? 'rejected' : 'deferred';
  }
  if (code === 'ETIMEDOUT') return 'timeout';
  if (code && CONNECTION_CODES.has(code)) return 'connection';
  // nodemailer's own envelope checks (no server reply involved).
  if (code === 'EENVELOPE') return 'invalid-address';
  if (code === 'EMAXRECIPIENTS' || code === 'EMESSAGE') return 'invalid-message';
  return 'unknown';
}
