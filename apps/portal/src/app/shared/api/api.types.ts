import type { OrganisationRole } from '@babyconnect/contracts';
import type { MeQuery } from './generated/graphql';

/**
 * Names for the shapes the portal passes around, derived from the generated operation types: a field added to
 * or removed from an operation (operations/*.graphql) changes them after `npm run codegen`, never by hand.
 */
export type { OrganisationKind } from './generated/graphql';
export type Me = MeQuery['me'];
export type Membership = Me['memberships'][number];
export type OrganisationRef = NonNullable<Me['actingOrganisation']>;

/** Roles travel as strings in the schema; the known ones are defined once in libs/contracts. */
export type Role = OrganisationRole;
