/**
 * The breach room: the protocol of a (suspected) data breach within one organisation, as plain rules without I/O.
 *
 * What will live here (DOMAIN.md):
 * - the workflow of protocol steps 1–7 as a state machine (report → assess → decide → notify the AP within 72 hours
 *   → inform data subjects → register → close): which step may follow which, who (by role in the acting
 *   organisation) may take it, and what each step requires before it is done;
 * - the risk assessment of step 5 (`risk-assessment.ts`): from the answers to the likelihood and severity of the
 *   risk for data subjects, and from there whether the AP and the data subjects must be notified;
 * - the check that free text carries no client identities.
 *
 * Deadlines are in `../time/` (elapsed hours); cross-organisation incidents in `../chain/`.
 */
// Privacy guard and risk advice (h/risk): keep these lines together.
export * from './privacy-guard-detectors';
export * from './privacy-guard';
export * from './risk-assessment';
export * from './risk-factors';
export * from './risk-missing-answers';
export * from './risk-reasons';
export { riskFactorLabel } from './risk-words';
