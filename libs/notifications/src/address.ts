// The address rule is the domain's (libs/domain/src/identity/email-address.ts), the same one the API applies when an
// address is entered: whatever the API stored, the mailer accepts, and what the mailer refuses never got in.
export { invalidEmailAddressText, isValidEmailAddress } from '@babyconnect/domain';

/** The domain part of a valid address. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
