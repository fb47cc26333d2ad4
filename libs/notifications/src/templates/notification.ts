// One notification as the outbox stores it (a JSON payload of identifiers, instants and fixed codes — no free text)
// and how it becomes a mail in the recipient's language, with its calendar attachment.
import { breachReported } from './breach-reported';
import {
  chainIncidentDeclared,
  partnerAckEscalation,
  partnerAckReminder,
  partnerInformed,
  partnerInformOverdue,
  partnerInformReminder,
  partnerUnreachable,
} from './chain';
import { dailyDigest } from './daily-digest';
import { deadlineCalendar, type CalendarAttachment } from './deadline-calendar';
import { deadlineOverdue } from './deadline-overdue';
import { deadlineReminder } from './deadline-reminder';
import { decisionLabel, isDecisionCode, type DecisionCode } from './decision-labels';
import { decisionRecorded } from './decision-recorded';
import type { Locale } from './locale';
import { otherOrganisationsInvolved } from './other-organisations-involved';
import { renderMail, TemplateDataError, type RenderedMail } from './template';

export const NOTIFICATION_EVENTS = [
  'breach-reported',
  'other-organisations-involved',
  'decision-recorded',
  'deadline-reminder',
  'deadline-overdue',
  // The chain (issue 17).
  'chain-incident-declared',
  'partner-informed',
  'partner-unreachable',
  'partner-inform-reminder',
  'partner-inform-overdue',
  'partner-ack-reminder',
  'partner-ack-escalation',
  'daily-digest',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];
/** The chain's events: their mails name the 24-hour clock or an acknowledgement, not the AP deadline (chain.spec.ts). */
export const CHAIN_NOTIFICATION_EVENTS = NOTIFICATION_EVENTS.slice(
  NOTIFICATION_EVENTS.indexOf('chain-incident-declared'),
);

/** Stored as JSON: instants as ISO-8601 strings. */
export interface NotificationPayload {
  event: NotificationEvent;
  /** The incident's id: the calendar entry's stable UID, never shown. */
  incidentId: string;
  organisationName: string;
  reference: string;
  exercise: boolean;
  /** The AP deadline (72 h after discovery). */
  deadline: string;
  portalUrl: string;
  /** other-organisations-involved: 24 h after discovery. */
  partnerDeadline?: string;
  /** decision-recorded. */
  decision?: DecisionCode;
  /** deadline-reminder: share of the 72 hours elapsed at the planned moment (0–100). */
  elapsedPercent?: number;
  /** A timed mail that went out later than planned (after downtime): when it was due. */
  lateSince?: string;
  /** partner-unreachable, partner-ack-escalation: the partner's name (the organisation is the reporter). */
  partnerName?: string;
  /**
   * daily-digest: the organisation's open incidents, soonest deadline first (reference and AP deadline only). The
   * digest's own `reference` is `digest-<day>` and its `incidentId` and `deadline` are unused.
   */
  openIncidents?: { reference: string; deadline: string; exercise: boolean }[];
}

export interface NotificationMail extends RenderedMail {
  attachments: CalendarAttachment[];
}

export function renderNotification(payload: NotificationPayload, locale: Locale): NotificationMail {
  const base = {
    organisationName: payload.organisationName,
    reference: payload.reference,
    portalUrl: payload.portalUrl,
  };
  if (payload.event === 'daily-digest') {
    const incidents = (payload.openIncidents ?? []).map((entry) => ({
      reference: entry.reference,
      deadline: instant(payload.event, 'openIncidents.deadline', entry.deadline),
      exercise: entry.exercise === true,
    }));
    const data = {
      organisationName: payload.organisationName,
      portalUrl: payload.portalUrl,
      count: String(incidents.length),
      incidents,
    };
    return { ...renderMail(dailyDigest, locale, data), attachments: [] };
  }
  const deadline = instant(payload.event, 'deadline', payload.deadline);
  const options = {
    exercise: payload.exercise === true,
    ...(payload.lateSince ? { lateSince: instant(payload.event, 'lateSince', payload.lateSince) } : {}),
  };
  const apCalendar = (): CalendarAttachment =>
    deadlineCalendar({
      uid: `ap-deadline.${payload.incidentId}`,
      clock: 'ap',
      reference: payload.reference,
      organisationName: payload.organisationName,
      deadline,
      portalUrl: payload.portalUrl,
      exercise: options.exercise,
      locale,
    });
  switch (payload.event) {
    case 'breach-reported':
      return { ...renderMail(breachReported, locale, { ...base, deadline }, options), attachments: [apCalendar()] };
    case 'other-organisations-involved': {
      const partnerDeadline = instant(payload.event, 'partnerDeadline', payload.partnerDeadline);
      return {
        ...renderMail(otherOrganisationsInvolved, locale, { ...base, deadline, partnerDeadline }, options),
        attachments: [
          deadlineCalendar({
            uid: `partner-deadline.${payload.incidentId}`,
            clock: 'partner',
            reference: payload.reference,
            organisationName: payload.organisationName,
            deadline: partnerDeadline,
            portalUrl: payload.portalUrl,
            exercise: options.exercise,
            locale,
          }),
        ],
      };
    }
    case 'decision-recorded': {
      if (!isDecisionCode(payload.decision)) throw new TemplateDataError(payload.event, 'unknown decision');
      const decision = decisionLabel(payload.decision, locale);
      return { ...renderMail(decisionRecorded, locale, { ...base, deadline, decision }, options), attachments: [] };
    }
    case 'deadline-reminder': {
      const elapsed = payload.elapsedPercent;
      if (typeof elapsed !== 'number' || !Number.isInteger(elapsed) || elapsed < 0 || elapsed > 100) {
        throw new TemplateDataError(payload.event, 'elapsedPercent must be a whole number 0–100');
      }
      return {
        ...renderMail(deadlineReminder, locale, { ...base, deadline, elapsed: String(elapsed) }, options),
        attachments: [apCalendar()],
      };
    }
    case 'deadline-overdue':
      return { ...renderMail(deadlineOverdue, locale, { ...base, deadline }, options), attachments: [] };
    case 'chain-incident-declared':
    case 'partner-inform-reminder':
    case 'partner-inform-overdue': {
      const template = {
        'chain-incident-declared': chainIncidentDeclared,
        'partner-inform-reminder': partnerInformReminder,
        'partner-inform-overdue': partnerInformOverdue,
      }[payload.event];
      const partnerDeadline = instant(payload.event, 'partnerDeadline', payload.partnerDeadline);
      return { ...renderMail(template, locale, { ...base, partnerDeadline }, options), attachments: [] };
    }
    case 'partner-informed':
      return { ...renderMail(partnerInformed, locale, { ...base, deadline }, options), attachments: [] };
    case 'partner-unreachable': {
      const partnerDeadline = instant(payload.event, 'partnerDeadline', payload.partnerDeadline);
      const partnerName = payload.partnerName ?? '';
      return {
        ...renderMail(partnerUnreachable, locale, { ...base, partnerDeadline, partnerName }, options),
        attachments: [],
      };
    }
    case 'partner-ack-reminder':
      return { ...renderMail(partnerAckReminder, locale, base, options), attachments: [] };
    case 'partner-ack-escalation':
      return {
        ...renderMail(partnerAckEscalation, locale, { ...base, partnerName: payload.partnerName ?? '' }, options),
        attachments: [],
      };
    default: {
      const unknown: never = payload.event;
      throw new TemplateDataError(String(unknown), 'unknown notification event');
    }
  }
}

function instant(template: string, field: string, value: string | undefined): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new TemplateDataError(template, `field ${field} must be an instant`);
  return date;
}
