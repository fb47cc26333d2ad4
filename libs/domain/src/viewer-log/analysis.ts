import type { LocalisedText } from '../text/localised-text';
import { checkLine, LINE_REJECTIONS, type LineRejection, type OrganisationsByAlias } from './lines';
import { RecordKeySet } from './record-key-set';

/** What HINQ asks: which accounts are suspect, in which window (from inclusive, to exclusive). */
export interface ViewerLogQuestion {
  /** Viewer accounts, compared without regard to case or surrounding spaces. */
  suspectAccounts: readonly string[];
  from: Date;
  to: Date;
}

/**
 * Turns an organisation and a record pseudonym into a key that says "the same record" and nothing else: a salted
 * hash made by the caller, its first 96 bits as 12 one-byte characters (`RECORD_KEY_CHARS`). The salt lives as long as one analysis and is then discarded, so the stored
 * result holds counts only, and no later party can test a guessed pseudonym against anything (see
 * docs/viewer-log-format.md, "Distinct records and the salt").
 */
export type RecordKey = (recordOrganisationId: string, recordPseudonym: string) => string;

export interface OrganisationImpact {
  organisationId: string;
  /** Distinct records of this organisation opened by a suspect account in the window. */
  distinctRecords: number;
  /** Every access to them (a record opened three times counts three). */
  accesses: number;
  firstAccessAt: Date;
  lastAccessAt: Date;
}

export interface RejectedLine {
  /** The line's number in the file (the header is line 1; a quoted field with line breaks spans several). */
  line: number;
  reason: LineRejection;
  detail: LocalisedText;
}

export interface ViewerLogAnalysis {
  /** Data lines read (the header not counted). */
  lines: number;
  /** Lines that passed the checks. */
  accepted: number;
  /** Accepted lines of a suspect account inside the window: the ones counted per organisation. */
  relevant: number;
  rejected: number;
  rejectedByReason: Record<LineRejection, number>;
  /** The first `rejectionListCap` rejected lines; the counts above stay complete. */
  rejectedLines: RejectedLine[];
  /** Per organisation whose records were opened, most distinct records first. */
  organisations: OrganisationImpact[];
}

export interface AnalyserOptions {
  organisations: OrganisationsByAlias;
  question: ViewerLogQuestion;
  recordKey: RecordKey;
  rejectionListCap?: number;
}

export const DEFAULT_REJECTION_LIST_CAP = 1000;

/**
 * Reads a viewer-log export one line at a time (the caller streams the file; nothing here holds it). Memory grows
 * with the distinct records of the suspect accounts in the window — one short hash each — not with the file.
 */
export class ViewerLogAnalyser {
  private readonly suspects: Set<string>;
  private readonly from: number;
  private readonly to: number;
  private readonly cap: number;
  private lines = 0;
  private accepted = 0;
  private relevant = 0;
  private rejected = 0;
  private readonly byReason = Object.fromEntries(LINE_REJECTIONS.map((r) => [r, 0])) as Record<LineRejection, number>;
  private readonly rejectedLines: RejectedLine[] = [];
  private readonly impact = new Map<string, { keys: RecordKeySet; accesses: number; first: number; last: number }>();

  constructor(private readonly options: AnalyserOptions) {
    this.suspects = new Set(options.question.suspectAccounts.map(normaliseAccount).filter((a) => a !== ''));
    this.from = options.question.from.getTime();
    this.to = options.question.to.getTime();
    this.cap = options.rejectionListCap ?? DEFAULT_REJECTION_LIST_CAP;
  }

  /** One data line and its number in the file. */
  add(lineNumber: number, fields: readonly string[]): void {
    this.lines++;
    const checked = checkLine(fields, this.options.organisations);
    if (!checked.ok) {
      this.reject(lineNumber, checked.reason, checked.detail);
      return;
    }
    this.accepted++;
    const { line } = checked;
    if (line.at < this.from || line.at >= this.to || !this.suspects.has(normaliseAccount(line.user))) return;
    this.relevant++;
    let entry = this.impact.get(line.recordOrganisationId);
    if (!entry) {
      entry = { keys: new RecordKeySet(), accesses: 0, first: line.at, last: line.at };
      this.impact.set(line.recordOrganisationId, entry);
    }
    entry.keys.add(this.options.recordKey(line.recordOrganisationId, line.recordPseudonym));
    entry.accesses++;
    if (line.at < entry.first) entry.first = line.at;
    if (line.at > entry.last) entry.last = line.at;
  }

  /** A line the CSV reader could not even split into fields (BAD_QUOTING). */
  addUnreadable(lineNumber: number, detail: LocalisedText): void {
    this.lines++;
    this.reject(lineNumber, 'BAD_QUOTING', detail);
  }

  private reject(lineNumber: number, reason: LineRejection, detail: LocalisedText): void {
    this.rejected++;
    this.byReason[reason]++;
    if (this.rejectedLines.length < this.cap) this.rejectedLines.push({ line: lineNumber, reason, detail });
  }

  result(): ViewerLogAnalysis {
    const organisations = [...this.impact].map(([organisationId, e]) => ({
      organisationId,
      distinctRecords: e.keys.size,
      accesses: e.accesses,
      firstAccessAt: new Date(e.first),
      lastAccessAt: new Date(e.last),
    }));
    organisations.sort(
      (a, b) =>
        b.distinctRecords - a.distinctRecords ||
        b.accesses - a.accesses ||
        a.organisationId.localeCompare(b.organisationId),
    );
    return {
      lines: this.lines,
      accepted: this.accepted,
      relevant: this.relevant,
      rejected: this.rejected,
      rejectedByReason: { ...this.byReason },
      rejectedLines: [...this.rejectedLines],
      organisations,
    };
  }
}

export function normaliseAccount(account: string): string {
  return account.trim().toLowerCase();
}

export type QuestionCheck =
  { ok: true; question: ViewerLogQuestion } | { ok: false; problems: { field: string; message: LocalisedText }[] };

/** The suspect accounts (1–20) and a window of at most 92 days that ends after it starts. */
export function checkQuestion(suspectAccounts: readonly string[], from: Date, to: Date): QuestionCheck {
  const problems: { field: string; message: LocalisedText }[] = [];
  const accounts = [...new Set(suspectAccounts.map((a) => a.trim()).filter((a) => a !== ''))];
  if (accounts.length === 0 || accounts.length > 20 || accounts.some((a) => a.length > 200)) {
    problems.push({
      field: 'suspectAccounts',
      message: {
        nl: 'Noem 1 tot 20 verdachte accounts (elk hoogstens 200 tekens).',
        en: 'Name 1 to 20 suspect accounts (each at most 200 characters).',
      },
    });
  }
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to.getTime() <= from.getTime()) {
    problems.push({
      field: 'to',
      message: {
        nl: 'Het einde van het venster moet na het begin liggen.',
        en: 'The end of the window must come after its start.',
      },
    });
  } else if (to.getTime() - from.getTime() > 92 * 86_400_000) {
    problems.push({
      field: 'to',
      message: { nl: 'Het venster is hoogstens 92 dagen.', en: 'The window is at most 92 days.' },
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, question: { suspectAccounts: accounts, from, to } };
}
