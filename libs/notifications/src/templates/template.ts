// A deliberately tiny template layer: `{{field}}` placeholders, no logic. Each template declares its fields
// and their kinds; renderMail refuses any other data key. That declaration is the guard that keeps client
// data out of e-mail: a caller can't pass "clientName" along "just for this one mail".
import { codePointLength, stripInvisible } from '@babyconnect/domain';
import { escapeHtml } from './escape';
import { formatInstant } from './format';
import { LOCALES, type Locale } from './locale';

/**
 * text: a short single-line name (organisation), without invisible formatting characters; reference: an identifier like DL-2026-0042;
 * instant: a Date, shown in Europe/Amsterdam; url: an http(s) link to the portal; percent: a whole number 0–100
 * (how much of a deadline's time has elapsed), shown as `75%`; count: a whole number ≥ 0; deadlines: a list of
 * incidents by reference and AP deadline (the daily digest), one line each — identifiers and instants only.
 */
export type FieldKind = 'text' | 'reference' | 'instant' | 'url' | 'percent' | 'count' | 'deadlines';
export type FieldKinds = Readonly<Record<string, FieldKind>>;

export interface TemplateContent {
  subject: string;
  text: string;
  /** Body fragment; renderMail wraps it in the HTML document. */
  html: string;
}

export interface MailTemplate<F extends FieldKinds> {
  readonly name: string;
  readonly fields: F;
  readonly content: Readonly<Record<Locale, TemplateContent>>;
}

/** One open incident in a digest: its reference and AP deadline, nothing of its content. */
export interface DeadlineLine {
  reference: string;
  deadline: Date;
  exercise: boolean;
}

export type TemplateData<F extends FieldKinds> = {
  readonly [K in keyof F]: F[K] extends 'instant' ? Date : F[K] extends 'deadlines' ? readonly DeadlineLine[] : string;
};

/** What every template can be told besides its fields; each adds fixed wording, never caller text. */
export interface RenderOptions {
  /**
   * A drill (issue 14 item 5): the subject starts with OEFENING / EXERCISE and the body says so first, so nobody
   * mistakes it for a real breach — and nobody ignores a real one because drills look the same.
   */
  exercise?: boolean;
  /** A timed mail sent later than planned (the server was down): says when it was due. */
  lateSince?: Date;
}

const EXERCISE = {
  nl: { subject: 'OEFENING', line: 'OEFENING — dit bericht hoort bij een oefening, niet bij een echt datalek.' },
  en: { subject: 'EXERCISE', line: 'EXERCISE — this message belongs to a drill, not to a real breach.' },
} as const;

const DEADLINE_WORD = { nl: 'termijn AP:', en: 'AP deadline:' } as const;

const LATE = {
  nl: { subject: '(verlaat)', line: (due: string) => `Dit bericht is later verzonden dan gepland (gepland: ${due}).` },
  en: { subject: '(late)', line: (due: string) => `This message was sent later than planned (due: ${due}).` },
} as const;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export class TemplateDataError extends Error {
  override readonly name = 'TemplateDataError';
  constructor(
    readonly template: string,
    message: string,
  ) {
    super(`Template ${template}: ${message}`);
  }
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;
// Keeps a text field a name, not a place to write a story (or a client's details).
const MAX_TEXT_LENGTH = 200;
const REFERENCE = /^[A-Z]{2,4}-\d{4}-\d{4,6}$/;

/** Checks at definition time (module load) that every placeholder is a declared field. */
export function defineTemplate<const F extends FieldKinds>(template: MailTemplate<F>): MailTemplate<F> {
  for (const locale of LOCALES) {
    for (const part of Object.values(template.content[locale])) {
      for (const [, field] of part.matchAll(PLACEHOLDER)) {
        if (!Object.hasOwn(template.fields, field as string)) {
          throw new TemplateDataError(template.name, `placeholder {{${field}}} is not a declared field`);
        }
      }
    }
  }
  return template;
}

export function renderMail<F extends FieldKinds>(
  template: MailTemplate<F>,
  locale: Locale,
  data: TemplateData<F>,
  options: RenderOptions = {},
): RenderedMail {
  // The type stops extra keys in object literals only; data assembled elsewhere needs the runtime check.
  const refused = Object.keys(data).filter((key) => !Object.hasOwn(template.fields, key));
  if (refused.length > 0) {
    throw new TemplateDataError(template.name, `refuses undeclared field(s) ${refused.join(', ')}`);
  }
  const values = new Map<string, string>();
  for (const [field, kind] of Object.entries(template.fields)) {
    if (!Object.hasOwn(data, field)) throw new TemplateDataError(template.name, `missing field ${field}`);
    values.set(field, formatValue(template.name, field, kind, (data as Record<string, unknown>)[field], locale));
  }
  const content = template.content[locale];
  // One pass each, so a value that itself contains "{{…}}" is never expanded.
  const fill = (source: string, encode: (value: string) => string): string =>
    source.replace(PLACEHOLDER, (_, field: string) => encode(values.get(field) ?? ''));
  let subject = fill(content.subject, (value) => value);
  let text = fill(content.text, (value) => value);
  let html = fill(content.html, escapeHtml);
  if (options.lateSince) {
    if (Number.isNaN(options.lateSince.getTime())) throw new TemplateDataError(template.name, 'lateSince is invalid');
    const line = LATE[locale].line(formatInstant(options.lateSince, locale));
    subject = `${subject} ${LATE[locale].subject}`;
    text = `${line}\n\n${text}`;
    html = `<p><em>${escapeHtml(line)}</em></p>\n${html}`;
  }
  if (options.exercise) {
    subject = `${EXERCISE[locale].subject}: ${subject}`;
    text = `${EXERCISE[locale].line}\n\n${text}`;
    html = `<p style="background: #fef3c7; padding: 8px;"><strong>${escapeHtml(EXERCISE[locale].line)}</strong></p>\n${html}`;
  }
  return { subject, text, html: htmlDocument(locale, escapeHtml(subject), html) };
}

function formatValue(template: string, field: string, kind: FieldKind, value: unknown, locale: Locale): string {
  const fail = (why: string): never => {
    throw new TemplateDataError(template, `field ${field} ${why}`);
  };
  switch (kind) {
    case 'instant':
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) return fail('must be a valid Date');
      return formatInstant(value, locale);
    case 'reference':
      if (typeof value !== 'string' || !REFERENCE.test(value)) return fail('must be a reference like DL-2026-0042');
      return value;
    case 'url': {
      if (typeof value !== 'string' || !URL.canParse(value)) return fail('must be a URL');
      const url = new URL(value);
      // No javascript:/data: links, and no credentials in a link that gets forwarded.
      if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
        return fail('must be an http(s) URL without credentials');
      }
      return url.href;
    }
    case 'percent':
      if (typeof value !== 'string' || !/^(100|[1-9]?\d)$/.test(value)) return fail('must be a whole percentage 0–100');
      return `${value}%`;
    case 'count':
      if (typeof value !== 'string' || !/^(0|[1-9]\d{0,5})$/.test(value)) return fail('must be a whole number');
      return value;
    case 'deadlines': {
      if (!Array.isArray(value) || value.length > 500) return fail('must be a list of at most 500 deadlines');
      return (value as unknown[])
        .map((line) => {
          const { reference, deadline, exercise } = (line ?? {}) as Partial<DeadlineLine>;
          if (typeof reference !== 'string' || !REFERENCE.test(reference)) return fail('has an invalid reference');
          if (!(deadline instanceof Date) || Number.isNaN(deadline.getTime())) return fail('has an invalid deadline');
          const drill = exercise === true ? ` (${EXERCISE[locale].subject})` : '';
          return `${reference}${drill} – ${DEADLINE_WORD[locale]} ${formatInstant(deadline, locale)}`;
        })
        .join('\n');
    }
    case 'text': {
      if (typeof value !== 'string') return fail('must be a string');
      // Single line: it also lands in the subject header. Bidi overrides and zero-width characters are removed, not
      // refused: input refuses them, but a name stored before that rule must not stop a breach notification.
      const text = stripInvisible(value)
        .replace(/[\s\p{Cc}]+/gu, ' ')
        .trim();
      // Code points, as names are measured when they are entered (a 200-emoji name is 200 characters, not 400).
      if (!text || codePointLength(text) > MAX_TEXT_LENGTH) return fail(`must be 1–${MAX_TEXT_LENGTH} characters`);
      return text;
    }
  }
}

function htmlDocument(locale: Locale, title: string, body: string): string {
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    `<head><meta charset="utf-8"><title>${title}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; line-height: 1.5; color: #1f2937;">',
    body,
    '</body>',
    '</html>',
  ].join('\n');
}
