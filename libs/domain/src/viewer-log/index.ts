/**
 * The viewer-log room (issue 18): HINQ's viewer records who opened which client record of which organisation.
 *
 * - `format.ts`: the documented CSV export format, its header, strict timestamps;
 * - `lines.ts`: one line checked, with the reason it is refused;
 * - `analysis.ts`: the impact analysis for a chain incident — per organisation the distinct records (salted hashes,
 *   never the pseudonyms) and the accesses of the suspect accounts in the window;
 * - `record-key-set.ts`: the distinct record keys of one organisation, compact (a million in a few MB);
 * - `proposal.ts`: exactly those organisations as partners to inform, and why some are left out;
 * - `detection.ts`: the rules that raise a suspected breach by themselves.
 */
export * from './analysis';
export * from './detection';
export * from './format';
export * from './lines';
export * from './proposal';
export * from './record-key-set';
