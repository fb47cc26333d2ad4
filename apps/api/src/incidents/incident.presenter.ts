import {
  AP_NOTIFICATION_HOURS,
  deadlineAfter,
  formatIncidentReference,
  incidentApClock,
  PROTOCOL_STEPS,
  STEP_NAMES,
  stepStatuses,
  type ApproximateCount,
  type BreachIncident,
  type Clock,
  type NotificationClockReading,
  type RiskAdvice,
} from '@babyconnect/domain';
import type { IncidentListRow, StoredEvent, StoredIncident } from './incidents.repository';
import type {
  ApClockType,
  ApproximateCountType,
  IncidentEventType,
  IncidentSummaryType,
  IncidentType,
} from './incident.type';
import { RiskAdviceType } from './risk-advice.type';

/** Maps the domain's incident (and what the database adds) to the GraphQL shapes. No rule is decided here. */
export function presentIncident(stored: StoredIncident, clock: Clock, advice: RiskAdvice | null): IncidentType {
  const i: BreachIncident = stored.incident;
  const statuses = stepStatuses(i);
  return {
    id: stored.id,
    reference: formatIncidentReference(stored.year, stored.number),
    version: i.version,
    stage: i.stage,
    exercise: i.exercise,
    reportedAt: i.reportedAt,
    reportedBy: i.reportedBy,
    discoveredAt: i.report.discoveredAt,
    apDeadline: deadlineAfter(i.report.discoveredAt, AP_NOTIFICATION_HOURS),
    apClock: presentClock(incidentApClock(i, clock)),
    report: { ...i.report },
    assessment: i.assessment,
    checklist: {
      ...i.checklist,
      kinds: [...i.checklist.kinds],
      dataCategories: [...i.checklist.dataCategories],
      groups: [...i.checklist.groups],
      records: presentCount(i.checklist.records),
      persons: presentCount(i.checklist.persons),
      recipients: { ...i.checklist.recipients, count: presentCount(i.checklist.recipients.count) },
      unintelligible: { ...i.checklist.unintelligible },
    },
    overviewCompletedAt: i.overviewCompletedAt,
    containment: { measures: i.containment.measures.map((m) => ({ ...m })), completedAt: i.containment.completedAt },
    apDecision: i.apDecision,
    apNotification: i.apNotification,
    dataSubjectDecision: i.dataSubjectDecision,
    dataSubjectsInformedAt: i.dataSubjectsInformedAt,
    dpoAdvice: i.dpoAdvice.map((a) => ({ ...a })),
    closure: i.closure,
    improvementActions: i.improvementActions.map((a) => ({ ...a })),
    riskAnswers: { ...i.riskAnswers },
    steps: PROTOCOL_STEPS.map((step) => ({ step, status: statuses[step], name: STEP_NAMES[step] })),
    riskAdvice: advice ? RiskAdviceType.from(advice) : null,
  };
}

/**
 * The incident as its reporter sees it after correcting their own report (they do not read the organisation's
 * incidents): the report, the reference, the stage and the clock; what others recorded (measures, FG advice,
 * improvement actions) and the risk advice are left out.
 */
export function presentOwnReport(stored: StoredIncident, clock: Clock): IncidentType {
  const full = presentIncident(stored, clock, null);
  return {
    ...full,
    containment: { measures: [], completedAt: null },
    dpoAdvice: [],
    improvementActions: [],
  };
}

/** A list row; the clock only for readers of every incident (an employee follows the status of their own). */
export function presentSummary(
  row: IncidentListRow,
  clock: Clock | null,
  requesterId: string,
  reading: (row: IncidentListRow, clock: Clock) => NotificationClockReading,
): IncidentSummaryType {
  return {
    id: row.id,
    reference: formatIncidentReference(row.year, row.number),
    stage: row.stage,
    exercise: row.exercise,
    reportedAt: row.reportedAt,
    discoveredAt: row.discoveredAt,
    // Like the clock: an employee follows only the status of her own reports.
    whatHappenedExcerpt: clock ? row.whatHappenedExcerpt : null,
    reportedByMe: row.reportedBy === requesterId,
    apClock: clock ? presentClock(reading(row, clock)) : null,
  };
}

export function presentClock(reading: NotificationClockReading): ApClockType {
  return { state: reading.state, deadline: reading.deadline, remainingMs: reading.remainingMs };
}

function presentCount(count: ApproximateCount): ApproximateCountType {
  switch (count.kind) {
    case 'exact':
      return { kind: 'exact', value: count.value, min: null, max: null };
    case 'range':
      return { kind: 'range', value: null, min: count.min, max: count.max };
    case 'unknown':
      return { kind: 'unknown', value: null, min: null, max: null };
  }
}

export function presentEvent(stored: StoredEvent): IncidentEventType {
  const e = stored.event;
  return {
    version: e.version,
    type: e.type,
    at: e.at,
    personId: e.personId,
    personName: stored.byName,
    roles: [...e.roles],
    changes: e.changes.map((c) => ({ field: c.field, from: JSON.stringify(c.from), to: JSON.stringify(c.to) })),
    reason: e.reason,
    advice: stored.advice ? RiskAdviceType.from(stored.advice) : null,
  };
}
