/**
 * HINQ's reporting-rate figures per partner and quarter (issue 17 item 6, issue 18 item 3).
 *
 * Few reports usually mean poor detection, not good security (the background document's warning). What shows that
 * an organisation does look: an incident reported — by a person or raised automatically by the viewer-log
 * detection — or a detection alert its privacy officer judged and dismissed with a reason. A quarter with neither
 * is the signal HINQ follows up.
 */
export interface ReportingFigures {
  /** Incidents reported in the quarter, exercises excluded (automatically raised ones included). */
  readonly reported: number;
  /** Of `reported`: raised automatically by the viewer-log detection. */
  readonly detectionAlerts: number;
  /** Detection alerts dismissed with a reason in the quarter (by the moment of dismissal). */
  readonly dismissedAlerts: number;
}

/** True when nothing in the quarter shows the organisation noticing anything: neither a report nor a judged alert. */
export function lowReportingSignal(figures: ReportingFigures): boolean {
  return figures.reported + figures.dismissedAlerts === 0;
}
