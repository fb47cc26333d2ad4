import type { OrganisationKind } from './organisation-kind';

/**
 * Roles a person holds *within one organisation*. Rights always follow the organisation a request acts for,
 * never the union of all of a person's roles (DOMAIN.md).
 */
export const ORGANISATION_ROLES = ['employee', 'privacy-officer', 'dpo', 'auditor', 'hinq-coordinator'] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

export function isOrganisationRole(value: unknown): value is OrganisationRole {
  return typeof value === 'string' && (ORGANISATION_ROLES as readonly string[]).includes(value);
}

/** The HINQ coordinator coordinates chain incidents on HINQ's behalf; the role means nothing elsewhere. */
export function isRoleValidFor(kind: OrganisationKind, role: OrganisationRole): boolean {
  return role !== 'hinq-coordinator' || kind === 'HINQ';
}
