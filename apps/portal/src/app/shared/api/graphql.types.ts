import type { ErrorCode } from '@babyconnect/contracts';
/**
 * Hand-written types of the API's GraphQL schema as far as the portal uses it (codegen comes later).
 * Keep the names equal to the schema's so the switch to generated types is mechanical.
 */

export type Role = 'employee' | 'privacy-officer' | 'dpo' | 'auditor' | 'hinq-coordinator';
export type OrganisationKind = 'MIDWIFERY_PRACTICE' | 'HOSPITAL' | 'MATERNITY_CARE' | 'HINQ';

export interface User {
  readonly id: string;
  readonly displayName: string;
  readonly email: string | null;
}

export interface OrganisationRef {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
}

export interface Organisation extends OrganisationRef {
  readonly alias: string;
}

export interface Membership {
  readonly organisation: Organisation;
  /** Role strings; typed loosely so a role added to the API later does not break the portal. */
  readonly roles: readonly (Role | (string & {}))[];
}

export interface Me {
  readonly user: User;
  readonly platformAdmin: boolean;
  /** Null when the person has several organisations and none was chosen (header `x-organisation-id`). */
  readonly actingOrganisation: OrganisationRef | null;
  readonly memberships: readonly Membership[];
}

export interface MeQueryData {
  readonly me: Me;
}

/** Known `extensions.code` values; others may appear. */
/** The API's stable codes (libs/contracts); other strings may come from the GraphQL server itself. */
export type GraphqlErrorCode = ErrorCode | (string & {});

export interface GraphqlErrorEntry {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: GraphqlErrorCode; readonly [key: string]: unknown };
}

export interface GraphqlResponse<TData> {
  readonly data?: TData | null;
  readonly errors?: readonly GraphqlErrorEntry[];
}

/** GET <apiUrl>/health/ready */
export interface HealthReady {
  readonly status: 'ok' | 'error';
  readonly checks: {
    readonly database: 'ok' | 'error';
    readonly migrations: 'ok' | 'pending';
  };
}
