/**
 * An organisation's key at the identity provider, the `<alias>` of group paths `/orgs/<alias>/<role>`: lower-case
 * letters, digits and hyphens, starting with a letter or digit, at most 63 characters (the database checks the same
 * pattern).
 */
export const ORGANISATION_ALIAS = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function isOrganisationAlias(value: unknown): value is string {
  return typeof value === 'string' && ORGANISATION_ALIAS.test(value);
}
