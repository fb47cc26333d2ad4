import { quoteForMessage } from '../text/characters';
import type { LocalisedText } from '../text/localised-text';

// Deliberately stricter than RFC 5322, and the one rule the API (when an address is entered) and the mailer (when
// one is used) both apply, so an address the API accepts is never refused later as invalid. We only ever mail staff
// addresses, so a plain addr-spec is enough: a dot-atom local part (no quoted strings, so no spaces, commas, angle
// brackets or quotes: nothing that could add a second recipient or a header), an ASCII domain of at least two
// labels (IDN domains in their xn-- form), no display name or comment. nodemailer's address parser reads every
// address this accepts as exactly that one address.

/** RFC 5321: a path is at most 256 octets including the angle brackets, so an address at most 254. */
export const EMAIL_ADDRESS_MAX_LENGTH = 254;
const LOCAL_PART_MAX_LENGTH = 64;
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
// A top-level domain is never all digits; this also refuses a bare IPv4 address as a domain.
const TOP_LEVEL_LABEL = /[A-Za-z]/;

export function isValidEmailAddress(address: string): boolean {
  if (address.length > EMAIL_ADDRESS_MAX_LENGTH) return false;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at > LOCAL_PART_MAX_LENGTH) return false;
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split('.');
  // A bare host name ("localhost") is never a real recipient of ours: require a dot.
  return (
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL_LABEL.test(labels[labels.length - 1]!)
  );
}

/** How an address is stored: without surrounding spaces, in lower case (mail systems treat addresses so). */
export function normaliseEmailAddress(raw: string): string {
  return raw.trim().toLowerCase();
}

/** The one wording for an address that fails `isValidEmailAddress`, in the API's answer and the mailer's error alike. */
export function invalidEmailAddressText(address: string): LocalisedText {
  const quoted = quoteForMessage(address);
  return {
    nl: `"${quoted}" is geen geldig e-mailadres.`,
    en: `"${quoted}" is not a valid e-mail address.`,
  };
}

export type EmailAddressCheck = { ok: true; address: string } | { ok: false; problem: LocalisedText };

/** Normalises and checks an address. */
export function checkEmailAddress(raw: string): EmailAddressCheck {
  const address = normaliseEmailAddress(raw);
  return isValidEmailAddress(address)
    ? { ok: true, address }
    : { ok: false, problem: invalidEmailAddressText(address) };
}
