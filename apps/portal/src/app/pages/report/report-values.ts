import type { ChainScenario, YesNoUnknown } from '../../shared/api/generated/graphql';

// Apart from report-form.ts so that the shell's draft store (which the logout clears) needs neither the form's
// rules nor the page's texts: the shell loads this file, the report page the rest.

/** The form's values as the inputs hold them. `discoveredAt` is Amsterdam wall time (`datetime-local`). */
export interface ReportValues {
  readonly whatHappened: string;
  readonly discoveredAt: string;
  readonly stillOngoing: YesNoUnknown | null;
  readonly howDiscovered: string;
  readonly otherOrganisationsInvolved: YesNoUnknown | null;
  readonly exercise: boolean;
  /** The chain situation (issue 17), optional; asked only when other organisations are (possibly) involved. */
  readonly chainScenario?: ChainScenario | null;
}

export const CHAIN_SCENARIOS: readonly ChainScenario[] = ['A', 'B', 'C'];
