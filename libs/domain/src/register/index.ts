/**
 * The register room: documents an inspector and a data subject read, derived from the breach workflow's incident
 * (`../breach/`) without changing it — the AP form's answers (`ap-answers.ts`), the letter to data subjects
 * (`letter.ts`), the register's rows and columns (`register-entry.ts`), and the records kept beside the incident:
 * follow-up notifications, withdrawal, letter versions and sendings (`records.ts`).
 */
export * from './ap-answers';
export * from './consequences';
export * from './letter';
export * from './records';
export * from './register-entry';
export { CAUSE, SPECIAL_CATEGORIES } from './words';
