import { AP_DUE_SOON_HOURS } from '@babyconnect/domain';
import type {
  IncidentDetailFragment,
  IncidentHistoryQuery,
  NotificationClockState,
  ProtocolStep,
  StepStatus,
} from '../../shared/api/generated/graphql';
import { GraphqlRequestError } from '../../shared/api/graphql-client.service';
import type { Lang } from '../../shared/i18n/translation.service';
import { INCIDENT_ENUMS, type IncidentEnum, incidentLabel } from '../../shared/labels/incident-labels';

/**
 * Pure helpers of the incident page: what to show and what may be done, from the incident as the API sent it.
 * No Angular here, so each rule has a plain unit test (incident-view.spec.ts).
 */
export type Incident = IncidentDetailFragment;
export type HistoryEvent = IncidentHistoryQuery['incidentHistory'][number];
export type Count = Incident['checklist']['records'];

/** Instants are stored in UTC and always shown in the chain's time zone, wherever the reader is. */
export const INCIDENT_TIME_ZONE = 'Europe/Amsterdam';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: INCIDENT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function wallClock(instant: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const { type, value } of parts.formatToParts(instant)) {
    if (type in out) out[type as keyof typeof out] = Number(value);
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "29-03-2026 03:15" (nl) / "29/03/2026 03:15" (en) in Europe/Amsterdam; null/invalid as "—" / as sent. */
export function formatInstant(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const w = wallClock(date);
  const sep = lang === 'nl' ? '-' : '/';
  return `${pad(w.day)}${sep}${pad(w.month)}${sep}${w.year} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** The value of an `<input type="datetime-local">` for an instant: its Amsterdam wall-clock time. */
export function isoToAmsterdamInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const w = wallClock(date);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * An Amsterdam wall-clock time from a `datetime-local` input as a UTC instant (ISO), whatever the browser's own
 * zone. In the hour skipped in spring the time is read with the winter offset (02:30 → 01:30 UTC); in the hour
 * repeated in autumn the first (summer) reading wins. Empty or unreadable input → null.
 */
export function amsterdamInputToIso(local: string | null | undefined): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local?.trim() ?? '');
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const offsetAt = (instant: number) => {
    const w = wallClock(new Date(instant));
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - instant;
  };
  // The offsets a day before and after (Amsterdam's is +1 or +2 hours): a reading is valid when the instant it
  // gives has that offset. Two valid readings: the repeated autumn hour, the first wins. None: the skipped spring
  // hour, read with the offset before the change.
  const day = 24 * HOUR_MS;
  const before = offsetAt(asUtc - day);
  const offsets = [...new Set([before, offsetAt(asUtc + day)])];
  const valid = offsets.map((offset) => asUtc - offset).filter((t) => offsetAt(t) === asUtc - t);
  return new Date(valid.length ? Math.min(...valid) : asUtc - before).toISOString();
}

/** The AP clock as it stands at `nowMs` (the page ticks; the API's reading is from the moment it answered). */
export interface ClockView {
  readonly state: NotificationClockState;
  /** Milliseconds to the deadline (negative once passed); null once notified or not needed. */
  readonly remainingMs: number | null;
}

export function clockAt(clock: Incident['apClock'], nowMs: number): ClockView {
  if (clock.state === 'MET' || clock.state === 'MET_LATE' || clock.state === 'NOT_NEEDED') {
    return { state: clock.state, remainingMs: null };
  }
  const remainingMs = new Date(clock.deadline).getTime() - nowMs;
  const state = remainingMs < 0 ? 'OVERDUE' : remainingMs <= AP_DUE_SOON_HOURS * HOUR_MS ? 'DUE_SOON' : 'OPEN';
  return { state, remainingMs };
}

/** "71 u 59 min 03 s" / "71 h 59 min 03 s" (days are not used: the AP's term is counted in hours). */
export function formatDuration(ms: number, lang: Lang): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `${hours} ${lang === 'nl' ? 'u' : 'h'} ${pad(minutes)} min ${pad(seconds)} s`;
}

/** The step the incident waits on: the first open one; a closed incident shows its last done step. */
export function currentStep(steps: Incident['steps']): ProtocolStep {
  const open = steps.find((s) => s.status === 'OPEN');
  if (open) return open.step;
  const done = steps.filter((s) => s.status === 'DONE');
  return done.at(-1)?.step ?? 'IDENTIFICATION';
}

export function statusOf(incident: Incident, step: ProtocolStep): StepStatus {
  return incident.steps.find((s) => s.step === step)?.status ?? 'WAITING';
}

/**
 * After a save: the step to show next. Stays on `shown` unless that step just became done (or not applicable);
 * then the first open step, so the stepper guides without taking the person away from unfinished work.
 */
export function stepAfterSave(before: Incident, after: Incident, shown: ProtocolStep): ProtocolStep {
  const was = statusOf(before, shown);
  const now = statusOf(after, shown);
  if (was === now || (now !== 'DONE' && now !== 'NOT_APPLICABLE')) return shown;
  return after.steps.find((s) => s.status === 'OPEN')?.step ?? shown;
}

/**
 * What may be done now, by stage and facts, mirroring the domain's rules (libs/domain/src/breach/workflow.ts
 * COMMAND_STAGES and the step handlers) for a person who may update incidents. The API decides again; this only
 * keeps the page from offering what would be refused.
 */
export interface StepActions {
  readonly assess: boolean;
  /** A revision of an earlier assessment needs a reason. */
  readonly assessIsRevision: boolean;
  readonly editChecklist: boolean;
  readonly completeOverview: boolean;
  readonly addMeasure: boolean;
  readonly updateMeasure: boolean;
  readonly completeContainment: boolean;
  readonly decideAp: boolean;
  readonly recordAp: boolean;
  /** Correcting a recorded AP notification needs a reason. */
  readonly recordApIsCorrection: boolean;
  readonly decideDataSubjects: boolean;
  readonly recordInformed: boolean;
  readonly close: boolean;
  readonly reopen: boolean;
  /** Step 1 corrected by the privacy officer until the incident closes (the reporter's own case is not here). */
  readonly correctReport: boolean;
  /** The risk answers of steps 5 and 6, from the overview until the incident closes. */
  readonly editRiskAnswers: boolean;
  /** A decision of step 5 or 6 rests on the risk answers: changing them needs a reason. */
  readonly riskAnswersNeedReason: boolean;
  /** Improvement actions (step 7) from the overview on, also after closing. */
  readonly addImprovement: boolean;
  readonly updateImprovement: boolean;
}

export function stepActions(incident: Incident, mayUpdate: boolean): StepActions {
  const stage = incident.stage;
  const open = stage !== 'CLOSED';
  const response = stage === 'RESPONSE';
  const ap = incident.apDecision;
  const subjects = incident.dataSubjectDecision;
  const all = {
    assess: open,
    assessIsRevision: stage !== 'REPORTED',
    editChecklist: stage === 'OVERVIEW' || response,
    completeOverview: stage === 'OVERVIEW',
    addMeasure: open,
    updateMeasure: true,
    completeContainment: response && !incident.containment.completedAt,
    decideAp: response && !incident.apNotification,
    recordAp: !!ap?.notify && (response || (stage === 'CLOSED' && !!incident.apNotification)),
    recordApIsCorrection: !!incident.apNotification,
    decideDataSubjects: response && !!ap && !incident.dataSubjectsInformedAt,
    recordInformed: response && !incident.dataSubjectsInformedAt && !!subjects && subjects.outcome !== 'NOT_INFORM',
    close: response && statusOf(incident, 'REGISTER') === 'OPEN',
    reopen: stage === 'CLOSED',
    correctReport: open,
    editRiskAnswers: stage === 'OVERVIEW' || response,
    riskAnswersNeedReason: !!ap || !!subjects,
    addImprovement: stage !== 'REPORTED',
    updateImprovement: stage !== 'REPORTED',
  };
  if (mayUpdate) return all;
  return Object.fromEntries(Object.keys(all).map((key) => [key, false])) as unknown as StepActions;
}

/** Whether a notification at `submittedIso` is after the 72 hours, so the GDPR asks for the delay's reasons. */
export function isLate(incident: Incident, submittedIso: string | null): boolean {
  return !!submittedIso && new Date(submittedIso).getTime() > new Date(incident.apDeadline).getTime();
}

/** One field's problem as the API names it (`BAD_USER_INPUT` / `PRIVACY_CONFIRMATION_REQUIRED` `fields`). */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export function fieldProblemsOf(error: unknown): FieldProblem[] {
  if (!(error instanceof GraphqlRequestError)) return [];
  return error.errors.flatMap((e) => {
    const fields = e.extensions?.['fields'];
    if (!Array.isArray(fields)) return [];
    return fields.flatMap((f: unknown) => {
      const { field, message } = (f ?? {}) as { field?: unknown; message?: unknown };
      return typeof field === 'string' && typeof message === 'string' ? [{ field, message }] : [];
    });
  });
}

/**
 * The message for a field of the form, if the API named it: the field itself or anything under it
 * (`checklist.records` takes `checklist.records.value`), messages joined.
 */
export function problemFor(problems: readonly FieldProblem[], ...names: readonly string[]): string | null {
  const found = problems.filter((p) => names.some((n) => p.field === n || p.field.startsWith(`${n}.`)));
  return found.length ? found.map((p) => p.message).join(' ') : null;
}

/** One answer shown side by side when someone else saved first: what is stored now and what the person typed. */
export interface DiffRow {
  readonly label: string;
  readonly stored: string;
  readonly mine: string;
}

/** The answers (by label) where what is stored now differs from what the person tried to save. */
export function diffRows(
  stored: readonly { label: string; value: string }[],
  mine: readonly { label: string; value: string }[],
): DiffRow[] {
  return mine.flatMap(({ label, value }) => {
    const now = stored.find((s) => s.label === label)?.value ?? '—';
    return now === value ? [] : [{ label, stored: now, mine: value }];
  });
}

/** An approximate count in words: "precies 3", "ongeveer 10–20", "onbekend". */
export function countText(
  count: { kind: string; value?: number | null; min?: number | null; max?: number | null },
  lang: Lang,
): string {
  switch (count.kind) {
    case 'EXACT':
      return `${incidentLabel('CountKind', 'EXACT', lang)} ${count.value ?? '?'}`;
    case 'RANGE':
      return `${count.min ?? '?'}–${count.max ?? '?'}`;
    default:
      return incidentLabel('CountKind', 'UNKNOWN', lang);
  }
}

/** Several enum values in words, in the order given; none → "—". */
export function labelsText(kind: IncidentEnum, values: readonly string[], lang: Lang): string {
  return values.length ? values.map((v) => incidentLabel(kind, v, lang)).join(', ') : '—';
}

/** Which enum names the values of a history field (the domain's lower-case spelling). */
const HISTORY_ENUMS: readonly (readonly [RegExp, IncidentEnum])[] = [
  [/^stage$/, 'IncidentStage'],
  [/^assessment\.conclusion$/, 'AssessmentConclusion'],
  [/^checklist\.kinds$/, 'BreachKind'],
  [/^checklist\.cause\.category$/, 'CauseCategory'],
  [/^checklist\.dataCategories$/, 'PersonalDataCategory'],
  [/^checklist\.groups$/, 'DataSubjectGroup'],
  [/^(checklist\.|report\.)?(stillOngoing|otherOrganisationsInvolved)$/, 'YesNoUnknown'],
  [/^checklist\.(recipients|unintelligible)\./, 'YesNoUnknown'],
  [/^dataSubjectDecision\.outcome$/, 'DataSubjectOutcome'],
  [/\.advice\.dataSubjects$/, 'DataSubjectOutcome'],
  [/^riskAnswers\.easeOfIdentification$/, 'EaseOfIdentification'],
  [/^riskAnswers\.integrityLoss$/, 'IntegrityLoss'],
  [/^riskAnswers\.availabilityLoss$/, 'AvailabilityLoss'],
  [/^riskAnswers\.(laterMeasuresRemovedHighRisk|individualContactDisproportionate)$/, 'YesNoUnknown'],
  [/exemption$/, 'Art34Exemption'],
  [/^closure\.outcome$/, 'ClosedOutcome'],
];

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A history value (JSON, the domain's spelling) in words: enums named, instants in Amsterdam time. */
export function historyValue(field: string, json: string, lang: Lang): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  const kind = HISTORY_ENUMS.find(([pattern]) => pattern.test(field))?.[1];
  const one = (v: unknown): string => {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'boolean') return lang === 'nl' ? (v ? 'ja' : 'nee') : v ? 'yes' : 'no';
    if (typeof v === 'number') return String(v);
    if (typeof v === 'string') {
      if (ISO_INSTANT.test(v)) return formatInstant(v, lang);
      return kind ? incidentLabel(kind, v.toUpperCase().replace(/-/g, '_'), lang) : v;
    }
    if (Array.isArray(v)) return v.length ? v.map(one).join(', ') : '—';
    const record = v as Record<string, unknown>;
    if ('kind' in record) {
      return countText({ ...record, kind: String(record['kind']).toUpperCase() } as Count, lang);
    }
    if (typeof record['description'] === 'string') {
      const status = typeof record['status'] === 'string' ? record['status'] : null;
      const statusText = status ? incidentLabel('MeasureStatus', status.toUpperCase().replace(/-/g, '_'), lang) : '';
      return `${record['description']}${statusText ? ` (${statusText})` : ''}`;
    }
    if (typeof record['text'] === 'string') return record['text'];
    return JSON.stringify(v);
  };
  return one(value);
}

/** Every value of an enum with its name, in the labels' order (for radio buttons, checkboxes and selects). */
export function enumChoices(
  kind: IncidentEnum,
  lang: Lang,
  only?: readonly string[],
): { value: string; label: string }[] {
  return Object.keys(INCIDENT_ENUMS[kind])
    .filter((value) => !only || only.includes(value))
    .map((value) => ({ value, label: incidentLabel(kind, value, lang) }));
}

/** One field's change as the history shows it. */
export interface ChangeRow {
  readonly field: string;
  readonly from: string;
  readonly to: string;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !('kind' in v) && !('description' in v);

/**
 * A history change in rows: a whole object that appeared or changed (a decision, the report, the closure) is
 * shown per answer (`assessment.conclusion: — → datalek`) instead of as JSON; who decided is the event's person
 * already, so the ids (`…By`) are left out.
 */
export function changeRows(field: string, fromJson: string, toJson: string, lang: Lang): ChangeRow[] {
  const parse = (json: string): unknown => {
    try {
      return JSON.parse(json);
    } catch {
      return json;
    }
  };
  const from = parse(fromJson);
  const to = parse(toJson);
  if (!isPlainObject(from) && !isPlainObject(to)) {
    return [{ field, from: historyValue(field, fromJson, lang), to: historyValue(field, toJson, lang) }];
  }
  const a = isPlainObject(from) ? from : {};
  const b = isPlainObject(to) ? to : {};
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => !key.endsWith('By'))
    .flatMap((key) => {
      const before = JSON.stringify(a[key] ?? null);
      const after = JSON.stringify(b[key] ?? null);
      return before === after ? [] : changeRows(`${field}.${key}`, before, after, lang);
    });
}
