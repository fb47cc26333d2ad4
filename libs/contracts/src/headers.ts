/**
 * The organisation a request acts for, by id. Optional for a person in one organisation, required for a person
 * in several. Checked against the token's memberships on every request.
 */
export const ACTING_ORGANISATION_HEADER = 'x-organisation-id';

/** Correlates a request across the portal, the API's logs and the access log. */
export const REQUEST_ID_HEADER = 'x-request-id';
