/**
 * The chain room: breaches that concern several organisations of the Babyconnect chain, coordinated by HINQ
 * (DOMAIN.md "The chain dimension"; the protocol's situations A, B and C).
 *
 * - `scenario.ts`: A / B / C, and which may follow which (B → C, never back);
 * - `chain-incident.ts`: the chain part of a breach and one partner's notification (what is shared, never the
 *   reporter's own incident);
 * - `participation.ts`: reporter, coordinator (HINQ), informed partner — and who of them may do what;
 * - `partners.ts`: choosing the partners to inform, with reasoning, and what is refused;
 * - `partner-notification.ts`: written once, adjusted per partner, approved, sent (late: reasons), acknowledged;
 *   each partner's 24-hour clock from the discovery;
 * - `awareness.ts`: when an informed partner became aware (its own 72-hour clock);
 * - `linked-incident.ts`: the report that opens an informed partner's own incident from the shared facts;
 * - `timeline.ts`: the shared timeline;
 * - `reporting-figures.ts`: HINQ's reporting-rate figures and the low-reporting signal.
 */
export * from './awareness';
export * from './chain-incident';
export * from './linked-incident';
export * from './participation';
export * from './partner-notification';
export * from './partners';
export * from './reporting-figures';
export * from './scenario';
export * from './timeline';
