import { refuse, type Refused } from '../breach/decision';
import type { ClosedOutcome, IncidentStage } from '../breach/incident';

/**
 * The protocol's three situations ("Het datalekkenprotocol in relatie tot Babyconnect"):
 * - `A`: the breach is at HINQ, or a partner reports one to HINQ: HINQ runs the protocol, and every organisation
 *   whose own records are affected must itself decide on notifying the AP;
 * - `B`: the breach is at a partner and no other organisation's data is involved: the partner handles it alone;
 * - `C`: the breach is at a partner and other organisations' data may be involved (e.g. through the viewer): contact
 *   HINQ at once and decide together which partners to inform, each within 24 hours of discovery.
 * A and C make a chain incident; B stays inside the organisation. B may become C later (the same workflow starts);
 * a chain incident never becomes internal again: partners may already have been told.
 */
export const CHAIN_SCENARIOS = ['A', 'B', 'C'] as const;
export type ChainScenario = (typeof CHAIN_SCENARIOS)[number];
export type ChainIncidentScenario = Exclude<ChainScenario, 'B'>;

export function createsChainIncident(scenario: ChainScenario): scenario is ChainIncidentScenario {
  return scenario !== 'B';
}

export interface ScenarioContext {
  /** The scenario of the chain incident made from this breach earlier, or null (none, or only B was declared). */
  current: ChainIncidentScenario | null;
  sourceStage: IncidentStage;
  sourceClosure: ClosedOutcome | null;
}

export type ScenarioDecision = { ok: true; createsChainIncident: boolean } | Refused;

/** Whether the reporting organisation may declare `requested` now, and whether that opens a chain incident. */
export function declareScenario(ctx: ScenarioContext, requested: ChainScenario): ScenarioDecision {
  if (ctx.sourceStage === 'closed' && ctx.sourceClosure !== 'registered') {
    return refuse('wrong-stage', [
      {
        field: 'scenario',
        message: {
          nl: 'Dit incident is afgesloten als geen datalek of bijna-incident; er is geen ketenincident nodig. Heropen het eerst als dat niet klopt.',
          en: 'This incident was closed as not a breach or a near miss; no chain incident is needed. Re-open it first if that is wrong.',
        },
      },
    ]);
  }
  if (ctx.current === null) return { ok: true, createsChainIncident: createsChainIncident(requested) };
  if (requested === ctx.current) {
    return refuse('conflict', [
      {
        field: 'scenario',
        message: {
          nl: `Dit datalek is al een ketenincident (situatie ${ctx.current}).`,
          en: `This breach already is a chain incident (situation ${ctx.current}).`,
        },
      },
    ]);
  }
  const message =
    requested === 'B'
      ? {
          nl: 'Een ketenincident kan niet meer intern worden: HINQ is al ingelicht en partners zijn mogelijk al geïnformeerd.',
          en: 'A chain incident cannot become internal again: HINQ has been told and partners may already have been informed.',
        }
      : {
          nl: `Dit datalek is al een ketenincident in situatie ${ctx.current}; de situatie wisselen kan niet.`,
          en: `This breach already is a chain incident in situation ${ctx.current}; the situation cannot be switched.`,
        };
  return refuse('wrong-stage', [{ field: 'scenario', message }]);
}
