import type { ViewerLogAnalysisDetailFragment } from '../../shared/api/generated/graphql';
import type { Lang } from '../../shared/i18n/translation.service';
import { incidentLabel } from '../../shared/labels/incident-labels';
import { amsterdamInputToIso, formatInstant } from '../incident/incident-view';

export type ViewerLogAnalysis = ViewerLogAnalysisDetailFragment;

/** The documented header (docs/viewer-log-format.md), shown before the upload so a wrong export is caught early. */
export const VIEWER_LOG_HEADER = 'timestamp,user,user_organisation,record_organisation,record_pseudonym,action';

/** Suspect accounts as typed: separated by commas, semicolons or line breaks; blanks and repeats dropped. */
export function parseAccounts(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[,;\n\r]+/)) {
    const account = raw.trim();
    const key = account.toLowerCase();
    if (account === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(account);
  }
  return out;
}

export type UploadProblem = 'file' | 'accounts' | 'window' | 'order';

/** What the form lacks before anything is sent (the API checks again and says more). */
export function uploadProblems(input: {
  file: { size: number } | null;
  accounts: string;
  from: string;
  to: string;
}): UploadProblem[] {
  const problems: UploadProblem[] = [];
  if (!input.file) problems.push('file');
  if (parseAccounts(input.accounts).length === 0) problems.push('accounts');
  const from = amsterdamInputToIso(input.from);
  const to = amsterdamInputToIso(input.to);
  if (!from || !to) problems.push('window');
  else if (Date.parse(to) <= Date.parse(from)) problems.push('order');
  return problems;
}

/**
 * The REST path of the upload. The window's ends are typed as Amsterdam wall-clock times (the chain's time zone,
 * wherever the reader is) and sent as UTC instants.
 */
export function uploadPath(chainIncidentId: string, accounts: string, from: string, to: string): string {
  const params = new URLSearchParams({
    accounts: parseAccounts(accounts).join(','),
    from: amsterdamInputToIso(from) ?? '',
    to: amsterdamInputToIso(to) ?? '',
  });
  return `/viewer-log/chain-incidents/${encodeURIComponent(chainIncidentId)}/analyses?${params.toString()}`;
}

/** Whole percent of an upload, or null while the browser does not know the total. */
export function uploadPercent(loaded: number, total: number | undefined): number | null {
  if (!total || total <= 0) return null;
  return Math.min(100, Math.floor((loaded / total) * 100));
}

export interface UploadRefusalView {
  /** 413, 415, 400 …, or 0 when the API was not reached. */
  status: number;
  kind: 'tooLarge' | 'notCsv' | 'header' | 'invalid' | 'other' | 'network';
  /** The API's own message, in the request's language, when it sent one. */
  message: string | null;
  /** For a wrong header: the header the API expects. */
  expectedHeader: string | null;
  /** For a wrong header: what the file's first line was. */
  foundHeader: string | null;
  /** Per field, for a wrong question (accounts, window). */
  fields: { field: string; message: string }[];
}

interface ApiErrorBody {
  errors?: {
    message?: string;
    extensions?: {
      expectedHeader?: unknown;
      foundHeader?: unknown;
      fields?: { field?: unknown; message?: unknown }[];
    };
  }[];
}

/** The API's refusal of an upload (its error shape, `errors[0]`) as the page shows it. */
export function uploadRefusal(status: number, body: unknown): UploadRefusalView {
  const parsed = typeof body === 'string' ? safeJson(body) : body;
  const first = (parsed as ApiErrorBody | null)?.errors?.[0];
  const extensions = first?.extensions ?? {};
  const expectedHeader = typeof extensions.expectedHeader === 'string' ? extensions.expectedHeader : null;
  const foundHeader = typeof extensions.foundHeader === 'string' ? extensions.foundHeader : null;
  const fields = (extensions.fields ?? [])
    .filter((f) => typeof f.field === 'string' && typeof f.message === 'string')
    .map((f) => ({ field: f.field as string, message: f.message as string }));
  const kind: UploadRefusalView['kind'] =
    status === 0
      ? 'network'
      : status === 413
        ? 'tooLarge'
        : status === 415
          ? 'notCsv'
          : expectedHeader !== null
            ? 'header'
            : status === 400
              ? 'invalid'
              : 'other';
  return {
    status,
    kind,
    message: typeof first?.message === 'string' ? first.message : null,
    expectedHeader,
    foundHeader,
    fields,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export interface ImpactRow {
  id: string;
  name: string;
  distinctRecords: number;
  accesses: number;
  first: string;
  last: string;
  status: string;
  statusText: string;
  /** Only proposed organisations can be confirmed as partners. */
  choosable: boolean;
}

export interface RejectedRow {
  line: number;
  reason: string;
  reasonText: string;
  detail: string;
}

export interface AnalysisView {
  window: string;
  accounts: string;
  analysed: string;
  confirmed: string | null;
  counts: { lines: number; accepted: number; relevant: number; rejected: number };
  byReason: { reason: string; text: string; count: number }[];
  rows: ImpactRow[];
  rejected: RejectedRow[];
  /** The API lists the first rejected lines only; set when the list is shorter than the count. */
  rejectedCapped: { shown: number; total: number } | null;
  proposedIds: string[];
}

export function analysisView(a: ViewerLogAnalysis, lang: Lang): AnalysisView {
  const rows = a.organisations.map((o) => ({
    id: o.organisation.id,
    name: o.organisation.name,
    distinctRecords: o.distinctRecords,
    accesses: o.accesses,
    first: formatInstant(o.firstAccessAt, lang),
    last: formatInstant(o.lastAccessAt, lang),
    status: o.status,
    statusText: incidentLabel('ViewerLogProposalStatus', o.status, lang),
    choosable: o.status === 'PROPOSED' && !a.confirmedAt,
  }));
  return {
    window: `${formatInstant(a.windowFrom, lang)} – ${formatInstant(a.windowTo, lang)}`,
    accounts: a.suspectAccounts.join(', '),
    analysed: `${formatInstant(a.analysedAt, lang)}, ${a.analysedByName}`,
    confirmed: a.confirmedAt ? `${formatInstant(a.confirmedAt, lang)}, ${a.confirmedByName ?? '—'}` : null,
    counts: { lines: a.lines, accepted: a.accepted, relevant: a.relevant, rejected: a.rejected },
    byReason: a.rejectedByReason.map((r) => ({
      reason: r.reason,
      text: incidentLabel('ViewerLogLineRejection', r.reason, lang),
      count: r.count,
    })),
    rows,
    rejected: a.rejectedLines.map((r) => ({
      line: r.line,
      reason: r.reason,
      reasonText: incidentLabel('ViewerLogLineRejection', r.reason, lang),
      detail: lang === 'en' ? r.detail.en : r.detail.nl,
    })),
    rejectedCapped: a.rejected > a.rejectedLines.length ? { shown: a.rejectedLines.length, total: a.rejected } : null,
    proposedIds: rows.filter((r) => r.choosable).map((r) => r.id),
  };
}

/** Megabytes with one decimal, for the chosen file and the upload limit. */
export function formatBytes(bytes: number, lang: Lang): string {
  const mb = bytes / (1024 * 1024);
  if (mb < 0.1) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${mb.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 })} MB`;
}
