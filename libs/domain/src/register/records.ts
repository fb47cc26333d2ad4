import type { BreachIncident } from '../breach/incident';
import { checkPastInstant } from '../breach/notification-decisions';
import type { Checked } from '../identity/organisation-details';
import { checkFreeText, isInstant, isOneOf, Problems } from '../breach/problems';

/**
 * What happens around the AP notification and the letter after the incident's own step-5/6 decisions, kept as
 * records of their own (append-only, each with its own dates): a follow-up notification (GDPR art. 33(4):
 * information given in phases), a withdrawal (it turned out not to be a breach), and each time the organisation
 * sent the letter or published the public communication. The incident's state stays the workflow's; these rules
 * only read it.
 */

/** Art. 33(4): the notification supplemented later, through the AP's form for follow-ups. */
export interface ApFollowUp {
  submittedAt: Date;
  /** What the follow-up added or corrected (the AP's form asks for a summary). */
  summary: string;
  /** The AP's reference of the follow-up, if it gave a new one. */
  apReference: string | null;
  recordedAt: Date;
  recordedBy: string;
}

/** The notification withdrawn: the investigation showed no breach (the AP's form has a "withdraw" option). */
export interface ApWithdrawal {
  withdrawnAt: Date;
  reason: string;
  recordedAt: Date;
  recordedBy: string;
}

/** How the organisation reached the data subjects; the product sends nothing itself (it holds no identities). */
export const COMMUNICATION_CHANNELS = ['letter', 'email', 'phone', 'in-person', 'website', 'press', 'other'] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];

/** One sending of the letter (or publication of the public communication): when, how, to how many. */
export interface DataSubjectCommunication {
  sentAt: Date;
  channel: CommunicationChannel;
  /** How many persons it was sent to; null for a public communication (nobody is counted). */
  recipients: number | null;
  /** The letter version that was sent, if it was one of the stored versions. */
  letterVersion: number | null;
  note: string | null;
  recordedAt: Date;
  recordedBy: string;
}

export const LETTER_VARIANTS = ['letter', 'public-communication'] as const;
export type LetterVariant = (typeof LETTER_VARIANTS)[number];
export const LETTER_LANGUAGES = ['nl', 'en'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/** One saved version of the letter: every save is a new version, the old ones are kept. */
export interface LetterVersion {
  version: number;
  language: LetterLanguage;
  variant: LetterVariant;
  subject: string;
  body: string;
  savedAt: Date;
  savedBy: string;
}

/** The letter is longer than a breach field: a page or two of plain text. */
export const LETTER_BODY_MAX = 20_000;
const SUBJECT_MAX = 200;
const AP_REFERENCE_MAX = 100;
/** More recipients than this is a typing error: the whole chain does not have that many clients. */
const RECIPIENTS_MAX = 10_000_000;

function result<T>(p: Problems, value: () => T): Checked<T> {
  return p.empty ? { ok: true, value: value() } : { ok: false, problems: p.list };
}

function notifiedProblem(incident: BreachIncident, p: Problems): boolean {
  if (incident.apNotification) return false;
  p.add('apNotification', {
    nl: 'Leg eerst de melding aan de AP vast (stap 5); een aanvulling of intrekking volgt daarop.',
    en: 'First record the AP notification (step 5); a follow-up or withdrawal follows it.',
  });
  return true;
}

export interface ApFollowUpInput {
  submittedAt: Date;
  summary: string;
  apReference?: string | null;
}

export function checkApFollowUp(
  incident: BreachIncident,
  withdrawal: ApWithdrawal | null,
  input: ApFollowUpInput,
  by: string,
  now: Date,
): Checked<ApFollowUp> {
  const p = new Problems();
  if (!notifiedProblem(incident, p)) {
    if (withdrawal) {
      p.add('withdrawal', {
        nl: 'De melding is ingetrokken; een aanvulling kan niet meer.',
        en: 'The notification was withdrawn; it can no longer be supplemented.',
      });
    }
    checkPastInstant(p, 'submittedAt', input.submittedAt, incident.apNotification!.submittedAt, now);
  }
  const summary = checkFreeText(p, 'summary', input.summary, { required: true }) ?? '';
  const apReference = checkFreeText(p, 'apReference', input.apReference, { required: false, max: AP_REFERENCE_MAX });
  return result(p, () => ({
    submittedAt: input.submittedAt,
    summary,
    apReference,
    recordedAt: now,
    recordedBy: by,
  }));
}

export interface ApWithdrawalInput {
  withdrawnAt: Date;
  reason: string;
}

export function checkApWithdrawal(
  incident: BreachIncident,
  withdrawal: ApWithdrawal | null,
  input: ApWithdrawalInput,
  by: string,
  now: Date,
): Checked<ApWithdrawal> {
  const p = new Problems();
  if (!notifiedProblem(incident, p)) {
    if (withdrawal) {
      p.add('withdrawal', { nl: 'De melding is al ingetrokken.', en: 'The notification was already withdrawn.' });
    }
    checkPastInstant(p, 'withdrawnAt', input.withdrawnAt, incident.apNotification!.submittedAt, now);
  }
  const reason = checkFreeText(p, 'reason', input.reason, { required: true }) ?? '';
  return result(p, () => ({ withdrawnAt: input.withdrawnAt, reason, recordedAt: now, recordedBy: by }));
}

export interface CommunicationInput {
  sentAt: Date;
  channel: CommunicationChannel;
  recipients?: number | null;
  letterVersion?: number | null;
  note?: string | null;
}

/** Only after the step-6 decision to inform (personally or publicly); a count for a personal sending. */
export function checkCommunication(
  incident: BreachIncident,
  input: CommunicationInput,
  latestLetterVersion: number | null,
  by: string,
  now: Date,
): Checked<DataSubjectCommunication> {
  const p = new Problems();
  const outcome = incident.dataSubjectDecision?.outcome;
  if (outcome !== 'inform' && outcome !== 'public-communication') {
    p.add('dataSubjectDecision', {
      nl: 'Er is (nog) niet besloten de betrokkenen te informeren (stap 6).',
      en: 'It has not (yet) been decided to inform the data subjects (step 6).',
    });
  }
  if (!isInstant(input.sentAt)) p.add('sentAt', { nl: 'Geen geldig tijdstip.', en: 'Not a valid instant.' });
  else checkPastInstant(p, 'sentAt', input.sentAt, incident.report.discoveredAt, now);
  if (!isOneOf(COMMUNICATION_CHANNELS, input.channel)) {
    p.add('channel', { nl: 'Kies hoe het is verstuurd.', en: 'Choose how it was sent.' });
  }
  const publicChannel = input.channel === 'website' || input.channel === 'press';
  const recipients = input.recipients ?? null;
  if (recipients === null && !publicChannel) {
    p.add('recipients', {
      nl: 'Vul in aan hoeveel personen het is verstuurd (alleen een aantal, geen namen).',
      en: 'Enter how many persons it was sent to (a number only, no names).',
    });
  } else if (recipients !== null && (!Number.isInteger(recipients) || recipients < 1 || recipients > RECIPIENTS_MAX)) {
    p.add('recipients', { nl: 'Geef een aantal van 1 of meer.', en: 'Give a number of 1 or more.' });
  }
  const letterVersion = input.letterVersion ?? null;
  if (
    letterVersion !== null &&
    (latestLetterVersion === null || letterVersion < 1 || letterVersion > latestLetterVersion)
  ) {
    p.add('letterVersion', {
      nl: 'Deze versie van de brief bestaat niet.',
      en: 'This version of the letter does not exist.',
    });
  }
  const note = checkFreeText(p, 'note', input.note, { required: false });
  return result(p, () => ({
    sentAt: input.sentAt,
    channel: input.channel,
    recipients,
    letterVersion,
    note,
    recordedAt: now,
    recordedBy: by,
  }));
}

export interface LetterSave {
  language: LetterLanguage;
  variant: LetterVariant;
  subject: string;
  body: string;
}

export function checkLetter(input: LetterSave, previousVersion: number, by: string, now: Date): Checked<LetterVersion> {
  const p = new Problems();
  if (!isOneOf(LETTER_LANGUAGES, input.language)) p.add('language', { nl: 'Kies nl of en.', en: 'Choose nl or en.' });
  if (!isOneOf(LETTER_VARIANTS, input.variant)) {
    p.add('variant', { nl: 'Kies brief of openbare mededeling.', en: 'Choose letter or public communication.' });
  }
  const subject = checkFreeText(p, 'subject', input.subject, { required: true, max: SUBJECT_MAX }) ?? '';
  const body = checkFreeText(p, 'body', input.body, { required: true, max: LETTER_BODY_MAX }) ?? '';
  return result(p, () => ({
    version: previousVersion + 1,
    language: input.language,
    variant: input.variant,
    subject,
    body,
    savedAt: now,
    savedBy: by,
  }));
}
