/**
 * The chain room: incidents that concern several organisations of the Babyconnect chain, coordinated by HINQ.
 *
 * What will live here (DOMAIN.md):
 * - which partners a breach may involve, and the rule that they are informed within 24 hours (see `../time/`);
 * - the chain incident's own state machine as the HINQ coordinator runs it, linked to each organisation's own
 *   breach (`../breach/`), where each organisation still decides on its own notification to the AP;
 * - what one organisation may see of another's part: only what was shared through the chain, never more.
 */
export {};
