/**
 * The breach room: the protocol of a (suspected) data breach within one organisation, as plain rules without I/O.
 *
 * - `report.ts` (step 1) and `workflow.ts` (`decide`: steps 2–7 as a state machine; who may do what in
 *   `permissions.ts`, what each command carries in `commands.ts`, the step handlers in `transitions.ts` and
 *   `response.ts` and `notification-decisions.ts`, the steps' status in `steps.ts`);
 * - `checklist.ts` (step 3 as data) and `checklist-check.ts` (its validation);
 * - `incident-clock.ts`: the 72-hour AP clock of one incident (the clock itself is in `../time/`);
 * - `reference.ts`: `DL-2026-0042`;
 * - `risk-assessment.ts` (steps 5 and 6: the explained advice, ENISA 2013 score and EDPB 9/2022 levels, with
 *   `risk-factors.ts`, `risk-reasons.ts`, `risk-exemptions.ts`), and `privacy-guard.ts` (free text that looks
 *   like a client identity).
 *
 * Cross-organisation incidents are in `../chain/`.
 */
export * from './changes';
export * from './checklist';
export * from './checklist-check';
export * from './commands';
export * from './decision';
export * from './incident';
export * from './incident-clock';
export * from './permissions';
export * from './problems';
export * from './reference';
export * from './report';
export * from './risk-answers';
export * from './steps';
export * from './workflow';
// Privacy guard and risk advice (h/risk): keep these lines together.
export * from './privacy-guard-detectors';
export * from './privacy-guard';
export * from './risk-assessment';
export * from './risk-factors';
export * from './risk-missing-answers';
export * from './risk-reasons';
export { riskFactorLabel } from './risk-words';
