// Public API of @babyconnect/notifications. The outbox, events and deadline engine (later) build on Mailer
// and MailDeliveryError, not on SMTP.
export { isValidEmailAddress } from './address';
export {
  MAIL_DELIVERY_REASON_TEXT,
  MailDeliveryError,
  type MailDeliveryErrorOptions,
  type MailAttachment,
  type MailDeliveryReason,
  type Mailer,
  type OutgoingMail,
  type SentMail,
} from './mailer';
export { messageIdFor, REFERENCE_HEADER, SmtpMailer, type SmtpMailerOptions } from './smtp-mailer';
export { parseSmtpUrl, redactSmtpUrl, type SmtpEndpoint } from './smtp-url';
export * from './templates/index';
