export * from './headers';
export * from './error-codes';
export * from './abilities';
export type { OrganisationKind, OrganisationRole, ContactRole } from '@babyconnect/domain';
export { ORGANISATION_KINDS, ORGANISATION_ROLES, CONTACT_ROLES } from '@babyconnect/domain';
