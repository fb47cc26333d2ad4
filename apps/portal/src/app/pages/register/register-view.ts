import type { BreachKind, IncidentStage, RegisterFilterInput } from '../../shared/api/generated/graphql';
import { fromAmsterdamInput } from '../../shared/time/amsterdam-time';

/** The register page's filter form as the person fills it (`''` = no filter). */
export interface RegisterForm {
  readonly from: string; // yyyy-mm-dd, Amsterdam calendar day
  readonly to: string; // yyyy-mm-dd, inclusive
  readonly stage: '' | IncidentStage;
  readonly kind: '' | BreachKind;
  readonly notified: '' | 'yes' | 'no';
  readonly late: '' | 'yes' | 'no';
}

export const EMPTY_FORM: RegisterForm = { from: '', to: '', stage: '', kind: '', notified: '', late: '' };

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The start of an Amsterdam calendar day as an instant; `nextDay` gives the start of the day after (inclusive "to"). */
export function dayStart(day: string, nextDay = false): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const start = fromAmsterdamInput(`${day}T00:00`);
  if (!start || !nextDay) return start;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return fromAmsterdamInput(`${next.toISOString().slice(0, 10)}T00:00`);
}

const yesNo = (value: '' | 'yes' | 'no') => (value === '' ? null : value === 'yes');

/** The GraphQL filter: the same one for the list and (as a query string) for the exports. */
export function toFilter(form: RegisterForm, nearMisses: boolean): RegisterFilterInput {
  return {
    from: dayStart(form.from)?.toISOString() ?? null,
    to: dayStart(form.to, true)?.toISOString() ?? null,
    stage: form.stage || null,
    kind: form.kind || null,
    notified: yesNo(form.notified),
    late: yesNo(form.late),
    nearMisses,
  };
}

/** The export URL's query string for a filter (only what is set; the API refuses what it cannot read). */
export function exportQuery(filter: RegisterFilterInput, lang: 'nl' | 'en'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    // `notified=false` is a filter ("not notified"); `nearMisses=false` is the default list and says nothing.
    if (value === null || value === undefined || (key === 'nearMisses' && value === false)) continue;
    params.set(key, String(value));
  }
  params.set('lang', lang);
  return params.toString();
}

/** The name the browser saves the download under (the API's own name is not readable cross-origin). */
export function exportFileName(
  format: ExportFormat,
  nearMisses: boolean,
  now: Date,
  organisationAlias: string,
): string {
  const list = nearMisses ? 'bijna-incidenten' : 'datalekregister';
  const alias = organisationAlias.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'organisatie';
  return `${list}-${alias}-${now.toISOString().slice(0, 10)}.${format}`;
}
