/** The kinds of organisation in the Babyconnect chain (DOMAIN.md "Who uses it"). */
export const ORGANISATION_KINDS = ['MIDWIFERY_PRACTICE', 'HOSPITAL', 'MATERNITY_CARE', 'HINQ'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export function isOrganisationKind(value: unknown): value is OrganisationKind {
  return typeof value === 'string' && (ORGANISATION_KINDS as readonly string[]).includes(value);
}

/** Who the product names as an organisation's privacy contact: its FG, or — for a small practice without one — its privacy contact. */
export const CONTACT_ROLES = ['DPO', 'PRIVACY_CONTACT'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];
