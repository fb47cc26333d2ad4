import { Controller, Get, Logger, Param, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { BREACH_KINDS, INCIDENT_STAGES, LETTER_VARIANTS, type LetterVariant } from '@babyconnect/domain';
import type { Action, Subject } from '@babyconnect/contracts';
import type { Actor } from '../auth/actor';
import { PublicRoute } from '../auth/public-route.decorator';
import type { ScopedRequest } from '../auth/request-scope';
import { ApiError, errors, type FieldProblem } from '../errors/api-error';
import { outcomeOf } from '../errors/outcome';
import { EXPENSIVE_RETRY_AFTER_SECONDS, ExpensiveRequests } from '../rate-limit/expensive-requests';
import type { RegisterFilter } from '../register/register.repository';
import { AppClock } from '../time/app-clock';
import { ExportGate } from './export-gate';
import { ExportsService, type LetterChoice } from './exports.service';
import {
  DOCUMENT_FORMATS,
  INCIDENT_DOCUMENTS,
  type DocumentFormat,
  type IncidentDocumentKind,
} from './incident-documents';
import { REGISTER_FORMATS, type Lang, type RegisterFormat } from './register-sinks';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const STATUS: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  ORGANISATION_REQUIRED: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * Downloads over plain HTTP, streamed (never built whole in memory) — not GraphQL, whose answers are JSON held
 * whole. `@PublicRoute()` only takes these routes past the GraphQL guards, which refuse every non-GraphQL route:
 * each handler passes the ExportGate instead, which authenticates and authorises exactly like GraphQL (bearer token
 * verified locally, acting-organisation header, CASL) and writes the access-log row before the first byte. Every
 * export is an expensive request: at most EXPENSIVE_REQUESTS_PER_PERSON run at once per person (ExpensiveRequests).
 *
 *   GET /exports/register.csv | register.xlsx | register.pdf ?from&to&stage&kind&notified&late&nearMisses&lang
 *   GET /exports/incidents/<id>.pdf ?lang
 *   GET /exports/incidents/<id>/ap-notification.pdf | ap-notification.txt ?lang
 *   GET /exports/incidents/<id>/letter.pdf | letter.txt ?version | ?lang&variant
 */
@Controller('exports')
export class ExportsController {
  private readonly logger = new Logger('Exports');

  constructor(
    private readonly gate: ExportGate,
    private readonly exports: ExportsService,
    private readonly clock: AppClock,
    private readonly expensive: ExpensiveRequests,
  ) {}

  @Get('register.csv')
  @PublicRoute()
  registerCsv(@Req() req: ScopedRequest, @Res() res: Response, @Query() query: Record<string, unknown>) {
    return this.register('csv', req, res, query);
  }

  @Get('register.xlsx')
  @PublicRoute()
  registerXlsx(@Req() req: ScopedRequest, @Res() res: Response, @Query() query: Record<string, unknown>) {
    return this.register('xlsx', req, res, query);
  }

  @Get('register.pdf')
  @PublicRoute()
  registerPdf(@Req() req: ScopedRequest, @Res() res: Response, @Query() query: Record<string, unknown>) {
    return this.register('pdf', req, res, query);
  }

  @Get('incidents/:file')
  @PublicRoute()
  async incident(
    @Req() req: ScopedRequest,
    @Res() res: Response,
    @Param('file') file: string,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const id = file.endsWith('.pdf') ? file.slice(0, -4) : '';
    const name = 'incident.pdf';
    const ids = id ? [id] : [];
    const actor = await this.admit(req, res, name, ids, 'read', 'Incident');
    if (!actor) return;
    let reference: string;
    try {
      if (!UUID.test(id)) throw errors.notFound({ nl: 'Het datalek', en: 'The breach' });
      const lang = parseLang(query);
      reference = await this.exports.incidentReference(actor, id);
      await this.gate.log(req, name, ids, 'allowed', null);
      this.headers(res, 'application/pdf', `datalek-${reference}.pdf`);
      await this.exports.streamIncident(actor, id, lang, res);
    } catch (error) {
      await this.fail(req, res, name, ids, error);
    }
  }

  /**
   * The AP form's answers and the letter to the data subjects, as text or PDF (read like their GraphQL queries:
   * `read` on Incident). The letter: `?version=N`, else the newest saved version, else the generated draft in
   * `?lang` and `?variant=letter|public-communication`.
   */
  @Get('incidents/:id/:document')
  @PublicRoute()
  async incidentDocument(
    @Req() req: ScopedRequest,
    @Res() res: Response,
    @Param('id') id: string,
    @Param('document') document: string,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const [kind, format] = parseDocument(document);
    // An unknown document name still leaves a row: someone asked for something under this incident.
    const name = kind && format ? `incident.${kind}.${format}` : 'incident.document';
    const ids = [id];
    const actor = await this.admit(req, res, name, ids, 'read', 'Incident');
    if (!actor) return;
    try {
      if (!kind || !format) throw errors.notFound({ nl: 'Dit document', en: 'This document' });
      if (!UUID.test(id)) throw errors.notFound({ nl: 'Het datalek', en: 'The breach' });
      const lang = parseLang(query);
      const doc = await this.exports.incidentDocument(actor, id, kind, lang, parseLetterChoice(query, lang));
      await this.gate.log(req, name, ids, 'allowed', null);
      if (format === 'txt') {
        this.headers(res, 'text/plain; charset=utf-8', `${doc.basename}.txt`);
        res.end(doc.text);
      } else {
        this.headers(res, 'application/pdf', `${doc.basename}.pdf`);
        await doc.writePdf(res);
      }
    } catch (error) {
      await this.fail(req, res, name, ids, error);
    }
  }

  private async register(
    format: RegisterFormat,
    req: ScopedRequest,
    res: Response,
    query: Record<string, unknown>,
  ): Promise<void> {
    const name = `register.${format}`;
    const actor = await this.admit(req, res, name, [], 'read', 'Register');
    if (!actor) return;
    let started = false;
    // A client that goes away mid-download: stop reading the cursor; the transaction ends and frees its connection.
    let closedEarly = false;
    res.on('close', () => (closedEarly ||= !res.writableFinished));
    const cancelled = () => closedEarly;
    try {
      const filter = parseFilter(query, this.clock.now());
      const lang = parseLang(query);
      const rows = await this.exports.streamRegister(actor, filter, format, lang, res, cancelled, async () => {
        await this.gate.log(req, name, [], 'allowed', null);
        started = true;
        const day = new Date().toISOString().slice(0, 10);
        const list = filter.list === 'near-misses' ? 'bijna-incidenten' : 'datalekregister';
        this.headers(res, REGISTER_FORMATS[format].contentType, `${list}-${actor.acting!.alias}-${day}.${format}`);
      });
      if (cancelled()) await this.gate.logQuietly(req, name, [], 'failed', 'CLIENT_CLOSED');
      else this.logger.log(`${name}: ${rows} rows streamed`);
    } catch (error) {
      if (started && cancelled()) await this.gate.logQuietly(req, name, [], 'failed', 'CLIENT_CLOSED');
      else await this.fail(req, res, name, [], error);
    }
  }

  /**
   * Authenticates, authorises and takes one of the person's slots for running exports (given back when the response
   * closes); on refusal logs it and answers. Returns the actor, or null when answered.
   */
  private async admit(
    req: ScopedRequest,
    res: Response,
    name: string,
    ids: string[],
    action: Action,
    subject: Subject,
  ): Promise<Actor | null> {
    try {
      const actor = await this.gate.authorise(req, action, subject);
      this.expensive.begin(actor, res);
      return actor;
    } catch (error) {
      await this.fail(req, res, name, ids, error);
      return null;
    }
  }

  /** Logs a refusal or failure and answers it — as JSON before the first byte, by cutting the stream after. */
  private async fail(req: ScopedRequest, res: Response, name: string, ids: string[], error: unknown): Promise<void> {
    const { result, reason } = outcomeOf(error);
    if (!(error instanceof ApiError))
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : error);
    if (res.headersSent) {
      await this.gate.logQuietly(req, name, ids, 'failed', reason);
      res.destroy();
      return;
    }
    try {
      await this.gate.log(req, name, ids, result === 'allowed' ? 'failed' : result, reason);
    } catch (logError) {
      this.logger.error(`Access log write failed: ${logError instanceof Error ? logError.message : String(logError)}`);
      error = new ApiError('SERVICE_UNAVAILABLE', {
        nl: 'Het toegangslogboek kon niet worden bijgewerkt; er is niets geëxporteerd. Probeer het zo opnieuw.',
        en: 'The access log could not be written; nothing was exported. Please try again shortly.',
      });
    }
    const api = error instanceof ApiError ? error : null;
    const lang = (req.header('accept-language') ?? '').toLowerCase().startsWith('en') ? 'en' : 'nl';
    if (api?.code === 'TOO_MANY_REQUESTS') res.setHeader('retry-after', String(EXPENSIVE_RETRY_AFTER_SECONDS));
    res
      .status(api ? (STATUS[api.code] ?? 400) : 500)
      .type('application/json')
      .send({
        code: api?.code ?? 'INTERNAL_SERVER_ERROR',
        message: api ? api.text[lang] : lang === 'nl' ? 'Er ging iets mis.' : 'Something went wrong.',
        i18n: api?.text ?? null,
        fields: api?.fields ?? [],
      });
  }

  private headers(res: Response, contentType: string, filename: string): void {
    res.status(200);
    res.setHeader('content-type', contentType);
    res.setHeader('content-disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    // A register is confidential: never in a shared or browser cache.
    res.setHeader('cache-control', 'no-store');
    res.flushHeaders();
  }
}

function parseDocument(document: string): [IncidentDocumentKind | null, DocumentFormat | null] {
  const dot = document.lastIndexOf('.');
  const kind = document.slice(0, dot);
  const format = document.slice(dot + 1);
  return [
    (INCIDENT_DOCUMENTS as readonly string[]).includes(kind) ? (kind as IncidentDocumentKind) : null,
    (DOCUMENT_FORMATS as readonly string[]).includes(format) ? (format as DocumentFormat) : null,
  ];
}

function parseLetterChoice(query: Record<string, unknown>, lang: Lang): LetterChoice {
  const version = query['version'];
  const variant = query['variant'];
  const problems: FieldProblem[] = [];
  let number: number | null = null;
  if (version !== undefined && version !== '') {
    number = typeof version === 'string' && /^[1-9]\d{0,5}$/.test(version) ? Number(version) : null;
    if (number === null) {
      problems.push({ field: 'version', message: { nl: 'Geef een versienummer.', en: 'Give a version number.' } });
    }
  }
  if (variant !== undefined && !(LETTER_VARIANTS as readonly unknown[]).includes(variant)) {
    problems.push({
      field: 'variant',
      message: { nl: 'Kies letter of public-communication.', en: 'Choose letter or public-communication.' },
    });
  }
  if (problems.length) throw errors.invalidInput(problems);
  return { version: number, language: lang, variant: (variant as LetterVariant | undefined) ?? 'letter' };
}

function parseLang(query: Record<string, unknown>): Lang {
  const lang = query['lang'];
  if (lang === undefined || lang === 'nl') return 'nl';
  if (lang === 'en') return 'en';
  throw errors.invalidInput([{ field: 'lang', message: { nl: 'Kies nl of en.', en: 'Choose nl or en.' } }]);
}

/** The query string as the register's filter; anything unreadable is refused, never silently dropped. */
export function parseFilter(query: Record<string, unknown>, now: Date): RegisterFilter {
  const problems: FieldProblem[] = [];
  const text = (key: string): string | null => {
    const v = query[key];
    if (v === undefined || v === '') return null;
    if (typeof v !== 'string') {
      problems.push({ field: key, message: { nl: 'Eén waarde verwacht.', en: 'One value expected.' } });
      return null;
    }
    return v;
  };
  const instant = (key: string): Date | null => {
    const v = text(key);
    if (v === null) return null;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) {
      problems.push({ field: key, message: { nl: 'Geen geldige datum.', en: 'Not a valid date.' } });
      return null;
    }
    return d;
  };
  const bool = (key: string): boolean | null => {
    const v = text(key);
    if (v === null) return null;
    if (v === 'true' || v === 'false') return v === 'true';
    problems.push({ field: key, message: { nl: 'Kies true of false.', en: 'Choose true or false.' } });
    return null;
  };
  const oneOf = <T extends string>(key: string, values: readonly T[]): T | null => {
    const v = text(key);
    if (v === null) return null;
    const normal = v.toLowerCase().replace(/_/g, '-');
    if ((values as readonly string[]).includes(normal)) return normal as T;
    problems.push({ field: key, message: { nl: 'Onbekende waarde.', en: 'Unknown value.' } });
    return null;
  };
  const filter: RegisterFilter = {
    from: instant('from'),
    to: instant('to'),
    stage: oneOf('stage', INCIDENT_STAGES),
    kind: oneOf('kind', BREACH_KINDS),
    notified: bool('notified'),
    late: bool('late'),
    list: bool('nearMisses') ? 'near-misses' : 'breaches',
    now,
  };
  if (problems.length) throw errors.invalidInput(problems);
  return filter;
}
