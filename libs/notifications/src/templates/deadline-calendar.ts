// An .ics file per deadline, so an FG can put the 72-hour mark in their own calendar. Its UID is stable per
// incident and clock: a later mail with a moved deadline updates the same calendar entry instead of adding one.
import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import { formatInstant } from './format';
import type { Locale } from './locale';

export interface DeadlineCalendarInput {
  /** Stable per incident and clock, e.g. `ap-deadline.<incident id>`; an identifier, never text. */
  uid: string;
  /** `ap` (72 h) or `partner` (24 h). */
  clock: 'ap' | 'partner';
  reference: string;
  organisationName: string;
  deadline: Date;
  portalUrl: string;
  exercise: boolean;
  locale: Locale;
}

export interface CalendarAttachment {
  filename: string;
  contentType: string;
  content: string;
}

const UID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/;
const SUMMARY = {
  ap: { nl: 'Termijn melding AP', en: 'AP notification deadline' },
  partner: { nl: 'Termijn informeren ketenpartners', en: 'Chain partner notification deadline' },
} as const;
const EXERCISE = { nl: 'OEFENING', en: 'EXERCISE' } as const;

export function deadlineCalendar(input: DeadlineCalendarInput): CalendarAttachment {
  if (!UID.test(input.uid)) throw new Error('calendar uid must be an identifier');
  const summary = [
    input.exercise ? `${EXERCISE[input.locale]}:` : null,
    `${SUMMARY[input.clock][input.locale]} ${input.reference}`,
    // Single line: the summary is a property value; ical-generator escapes, this keeps it readable.
    `– ${input.organisationName.replace(/[\s\p{Cc}]+/gu, ' ').trim()}`,
  ]
    .filter(Boolean)
    .join(' ');
  const calendar = ical({
    prodId: { company: 'Babyconnect', product: 'Datalekken', language: input.locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
  });
  calendar.createEvent({
    id: `${input.uid}@babyconnect`,
    start: input.deadline,
    end: new Date(input.deadline.getTime() + 15 * 60_000),
    stamp: input.deadline,
    summary,
    description: `${formatInstant(input.deadline, input.locale)}\n${input.portalUrl}`,
    url: input.portalUrl,
    alarms: [{ type: ICalAlarmType.display, trigger: 2 * 60 * 60 }],
  });
  return {
    filename: `${input.clock === 'ap' ? 'termijn-ap' : 'termijn-ketenpartners'}-${input.reference}.ics`,
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: calendar.toString(),
  };
}
