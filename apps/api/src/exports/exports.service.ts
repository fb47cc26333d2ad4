import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { formatAmsterdam, formatIncidentReference, type LetterLanguage, type LetterVariant } from '@babyconnect/domain';
import { errors } from '../errors/api-error';
import { actingOrganisationId, type Actor } from '../auth/actor';
import { Tenancy } from '../database/tenancy';
import { IncidentsRepository } from '../incidents/incidents.repository';
import { RegisterRepository, type RegisterFilter } from '../register/register.repository';
import { RegisterService } from '../register/register.service';
import { AppClock } from '../time/app-clock';
import {
  apNotificationDocument,
  letterDocument,
  type IncidentDocument,
  type IncidentDocumentKind,
} from './incident-documents';
import { writeIncidentFile } from './incident-file';
import { IncidentPdf, type PdfHeading } from './pdf-document';
import { registerSink, type Lang, type RegisterFormat } from './register-sinks';

/** Rows per FETCH from the register's cursor: large enough to be quick, small enough to stay flat in memory. */
export const EXPORT_BATCH = 200;

/**
 * The exports' database work: always in a tenant transaction of the acting organisation (row-level security
 * binds it too), the register read from a server-side cursor batch by batch while the bytes go out.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly register: RegisterRepository,
    private readonly registerService: RegisterService,
    private readonly incidents: IncidentsRepository,
    private readonly clock: AppClock,
  ) {}

  /** Calls `start` (headers, access-log row) once the organisation is known, then streams the register to `out`. */
  async streamRegister(
    actor: Actor,
    filter: RegisterFilter,
    format: RegisterFormat,
    lang: Lang,
    out: Writable,
    cancelled: () => boolean,
    start: () => Promise<void>,
  ): Promise<number> {
    return this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      const organisation = await this.register.organisation(tx);
      await start();
      const heading: PdfHeading = {
        organisationName: organisation.name,
        title:
          filter.list === 'near-misses'
            ? lang === 'nl'
              ? 'Bijna-incidenten'
              : 'Near misses'
            : lang === 'nl'
              ? 'Datalekregister (AVG art. 33 lid 5)'
              : 'Breach register (GDPR art. 33(5))',
        period: periodText(filter, lang),
        exportedAt: filter.now,
      };
      const sink = registerSink(format, out, lang, heading);
      const total = await this.register.stream(
        tx,
        filter,
        EXPORT_BATCH,
        async (rows) => sink.rows(await this.registerService.entries(tx, rows, lang, filter.now)),
        cancelled,
      );
      if (!cancelled()) await sink.end();
      return total;
    });
  }

  /** Checks the incident exists for the acting organisation ("not found" otherwise) and returns its reference. */
  async incidentReference(actor: Actor, id: string): Promise<string> {
    return this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      const stored = await this.registerService.load(tx, id, false);
      return formatIncidentReference(stored.year, stored.number);
    });
  }

  /**
   * The AP answers or the letter of one incident, read whole (a few kilobytes) in one tenant transaction: another
   * organisation's incident, an unknown id or an unknown letter version fail here, before anything is logged as
   * allowed or sent.
   */
  async incidentDocument(
    actor: Actor,
    id: string,
    kind: IncidentDocumentKind,
    lang: Lang,
    letter: LetterChoice,
  ): Promise<IncidentDocument> {
    return this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      const stored = await this.registerService.load(tx, id, false);
      const organisation = await this.register.organisation(tx);
      if (kind === 'ap-notification') {
        const view = await this.registerService.answersOf(tx, stored);
        return apNotificationDocument(
          {
            reference: view.reference,
            organisationName: organisation.name,
            discoveredAt: stored.incident.report.discoveredAt,
            sections: view.sections,
            now: this.clock.now(),
          },
          lang,
        );
      }
      const view = await this.registerService.letterOf(tx, stored, letter.language, letter.variant);
      const saved =
        letter.version === null ? (view.versions[0] ?? null) : view.versions.find((v) => v.version === letter.version);
      if (saved === undefined) {
        throw errors.invalidInput([
          {
            field: 'version',
            message: { nl: 'Deze versie van de brief bestaat niet.', en: 'This version of the letter does not exist.' },
          },
        ]);
      }
      const chosen = saved ?? { ...view.draft, version: null };
      return letterDocument({
        reference: view.reference,
        organisationName: organisation.name,
        subject: chosen.subject,
        body: chosen.body,
        language: chosen.language,
        variant: chosen.variant,
        version: chosen.version,
      });
    });
  }

  async streamIncident(actor: Actor, id: string, lang: Lang, out: Writable): Promise<void> {
    await this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      const stored = await this.registerService.load(tx, id, false);
      const organisation = await this.register.organisation(tx);
      const records = (await this.register.records(tx, [id])).get(id)!;
      const history = await this.incidents.history(tx, id);
      const reference = formatIncidentReference(stored.year, stored.number);
      const pdf = new IncidentPdf(out, lang, {
        organisationName: organisation.name,
        title: `${lang === 'nl' ? 'Dossier datalek' : 'Breach file'} ${reference}`,
        period: `${lang === 'nl' ? 'ontdekt' : 'discovered'} ${formatAmsterdam(stored.incident.report.discoveredAt, lang)}`,
        exportedAt: this.clock.now(),
      });
      writeIncidentFile(
        pdf,
        { id, reference, incident: stored.incident, records, organisation, history, now: this.clock.now() },
        lang,
      );
      await pdf.end();
    });
  }
}

/** Which letter: a saved version by number, else the newest saved one, else the draft in this language and variant. */
export interface LetterChoice {
  version: number | null;
  language: LetterLanguage;
  variant: LetterVariant;
}

function periodText(filter: RegisterFilter, lang: Lang): string {
  const day = (d: Date) => formatAmsterdam(d, lang).replace(/ (om|at) \d\d:\d\d.*$/, '');
  if (!filter.from && !filter.to) return lang === 'nl' ? 'alle periodes' : 'all periods';
  const from = filter.from ? `${lang === 'nl' ? 'vanaf' : 'from'} ${day(filter.from)}` : '';
  const to = filter.to ? `${lang === 'nl' ? 'tot' : 'until'} ${day(filter.to)}` : '';
  return `${lang === 'nl' ? 'ontdekt' : 'discovered'} ${[from, to].filter(Boolean).join(' ')}`;
}
