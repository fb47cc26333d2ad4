// Deliberately stricter than RFC 5322: we only ever mail staff addresses, so a plain addr-spec without display
// name, comments or quoted local part is enough — and whatever passes here can't smuggle a second recipient
// or a header into the envelope. Anything that fails is a permanent error: retrying won't fix an address.

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export function isValidEmailAddress(address: string): boolean {
  if (address.length > 254) return false;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at > 64) return false;
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split('.');
  // A bare host name ("localhost") is never a real recipient of ours; require a dot.
  return LOCAL_PART.test(local) && labels.length >= 2 && labels.every((label) => DOMAIN_LABEL.test(label));
}

/** The domain part of a valid address. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
