import { Injectable } from '@nestjs/common';
import {
  apNotificationAnswers,
  checkApFollowUp,
  checkApWithdrawal,
  checkCommunication,
  checkLetter,
  draftDataSubjectLetter,
  formatIncidentReference,
  privacyWarnings,
  registerEntry,
  type ApAnswerSection,
  type ApFollowUpInput,
  type ApWithdrawalInput,
  type Checked,
  type CommunicationInput,
  type FreeTextField,
  type LetterDraft,
  type LetterLanguage,
  type LetterSave,
  type LetterVariant,
  type RegisterEntry,
  type RegisterOrganisation,
  withoutKnownValues,
} from '@babyconnect/domain';
import { actingOrganisationId, type Actor } from '../auth/actor';
import { Tenancy, type TenantTransaction } from '../database/tenancy';
import { ApiError, errors } from '../errors/api-error';
import { fromStoredState } from '../incidents/incident-state.mapper';
import { IncidentsRepository, type StoredIncident } from '../incidents/incidents.repository';
import { AppClock } from '../time/app-clock';
import {
  RegisterRepository,
  type IncidentRecords,
  type RegisterCursor,
  type RegisterFilter,
  type RegisterRow,
} from './register.repository';

const INCIDENT = { nl: 'Het datalek', en: 'The breach' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const REGISTER_PAGE_MAX = 100;

export interface ApAnswersView {
  incidentId: string;
  reference: string;
  sections: ApAnswerSection[];
  incident: StoredIncident['incident'];
  records: IncidentRecords;
}

export interface LetterView {
  incidentId: string;
  reference: string;
  draft: LetterDraft;
  versions: Awaited<ReturnType<RegisterRepository['letters']>>;
}

/**
 * The register's use cases: the AP form's answers, the records beside the incident (follow-up, withdrawal, letter
 * versions, sendings) and the register itself. Each method: the guards checked the operation's permission; one
 * tenant transaction (the request's, so the access-log row commits with it); the domain's rules decide.
 */
@Injectable()
export class RegisterService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly incidents: IncidentsRepository,
    private readonly register: RegisterRepository,
    private readonly clock: AppClock,
  ) {}

  apAnswers(actor: Actor, incidentId: string): Promise<ApAnswersView> {
    return this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      const stored = await this.load(tx, incidentId, false);
      return this.answersOf(tx, stored);
    });
  }

  recordFollowUp(
    actor: Actor,
    incidentId: string,
    input: ApFollowUpInput,
    confirm: boolean | null | undefined,
  ): Promise<ApAnswersView> {
    return this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      const stored = await this.load(tx, incidentId, true);
      const records = (await this.register.records(tx, [stored.id])).get(stored.id)!;
      const checked = accept(
        checkApFollowUp(stored.incident, records.withdrawal, input, actor.user.id, this.clock.now()),
      );
      checkPrivacy([field('summary', 'Aanvulling', 'Follow-up', checked.summary)], confirm);
      await this.register.insertFollowUp(tx, stored.id, checked);
      return this.answersOf(tx, stored);
    });
  }

  withdraw(
    actor: Actor,
    incidentId: string,
    input: ApWithdrawalInput,
    confirm: boolean | null | undefined,
  ): Promise<ApAnswersView> {
    return this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      const stored = await this.load(tx, incidentId, true);
      const records = (await this.register.records(tx, [stored.id])).get(stored.id)!;
      const checked = accept(
        checkApWithdrawal(stored.incident, records.withdrawal, input, actor.user.id, this.clock.now()),
      );
      checkPrivacy([field('reason', 'Reden van de intrekking', 'Reason for the withdrawal', checked.reason)], confirm);
      await this.register.insertWithdrawal(tx, stored.id, checked);
      return this.answersOf(tx, stored);
    });
  }

  letter(actor: Actor, incidentId: string, language: LetterLanguage, variant: LetterVariant): Promise<LetterView> {
    return this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      const stored = await this.load(tx, incidentId, false);
      return this.letterOf(tx, stored, language, variant);
    });
  }

  saveLetter(
    actor: Actor,
    incidentId: string,
    input: LetterSave,
    confirmPrivacyWarnings: boolean | null | undefined,
  ): Promise<LetterView> {
    return this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      // The incident's row lock numbers versions one after another, also when two people save at once.
      const stored = await this.load(tx, incidentId, true);
      const latest = (await this.register.letters(tx, stored.id))[0]?.version ?? 0;
      const checked = accept(checkLetter(input, latest, actor.user.id, this.clock.now()));
      // A letter without names is the design; one that looks like it names a client needs a confirmation. What the
      // draft itself wrote (the FG's address, the discovery date) is not a client's and is not held against it.
      const { knownValues } = draftDataSubjectLetter({
        reference: formatIncidentReference(stored.year, stored.number),
        incident: stored.incident,
        organisation: await this.register.organisation(tx),
        variant: checked.variant,
        language: checked.language,
      });
      checkPrivacy(
        [
          field('subject', 'Onderwerp van de brief', 'Subject of the letter', checked.subject),
          field('body', 'Tekst van de brief', 'Text of the letter', withoutKnownValues(checked.body, knownValues)),
        ],
        confirmPrivacyWarnings,
      );
      await this.register.insertLetter(tx, stored.id, checked);
      return this.letterOf(tx, stored, checked.language, checked.variant);
    });
  }

  recordCommunication(
    actor: Actor,
    incidentId: string,
    input: CommunicationInput,
    confirm: boolean | null | undefined,
  ): Promise<ApAnswersView> {
    return this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      const stored = await this.load(tx, incidentId, true);
      const latest = (await this.register.letters(tx, stored.id))[0]?.version ?? null;
      const checked = accept(checkCommunication(stored.incident, input, latest, actor.user.id, this.clock.now()));
      if (checked.note) checkPrivacy([field('note', 'Toelichting', 'Note', checked.note)], confirm);
      await this.register.insertCommunication(tx, stored.id, checked);
      return this.answersOf(tx, stored);
    });
  }

  async page(
    actor: Actor,
    filter: RegisterFilter,
    first: number,
    after: string | null,
    lang: LetterLanguage = 'nl',
  ): Promise<{ entries: RegisterEntry[]; nextCursor: string | null }> {
    if (!Number.isInteger(first) || first < 1 || first > REGISTER_PAGE_MAX) {
      throw errors.invalidInput([
        {
          field: 'first',
          message: { nl: `Vraag 1 tot ${REGISTER_PAGE_MAX} per pagina op.`, en: `Ask for 1 to ${REGISTER_PAGE_MAX}.` },
        },
      ]);
    }
    const cursor = parseCursor(after);
    return this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      const rows = await this.register.page(tx, filter, first + 1, cursor);
      const page = rows.slice(0, first);
      const entries = await this.entries(tx, page, lang, filter.now);
      const last = page.at(-1);
      return {
        entries,
        nextCursor:
          rows.length > first && last ? formatCursor({ at: new Date(last.discovered_at), id: last.id }) : null,
      };
    });
  }

  /**
   * Register rows with their records, for a batch of incidents read by the caller. `now` is the filter's moment, so a
   * row's "late" says what the "late" filter said about it, even when a deadline passes during a long download.
   */
  async entries(
    tx: TenantTransaction,
    rows: readonly RegisterRow[],
    lang: 'nl' | 'en',
    now: Date,
  ): Promise<RegisterEntry[]> {
    const records = await this.register.records(
      tx,
      rows.map((r) => r.id),
    );
    return rows.map((row) =>
      registerEntry(
        {
          id: row.id,
          reference: formatIncidentReference(row.year, row.number),
          incident: fromStoredState(row.state, { owned: true }), // each row is read once, for this entry only
          ...records.get(row.id)!,
          now,
        },
        lang,
      ),
    );
  }

  async load(tx: TenantTransaction, id: string, lock: boolean): Promise<StoredIncident> {
    // Another organisation's incident is invisible (row-level security): "not found", exactly like a wrong id.
    const stored = UUID.test(id) ? await this.incidents.find(tx, id, lock) : null;
    if (!stored) throw errors.notFound(INCIDENT);
    return stored;
  }

  organisation(tx: TenantTransaction): Promise<RegisterOrganisation> {
    return this.register.organisation(tx);
  }

  /** Also for the exports (the AP answers as text and PDF), inside their own tenant transaction. */
  async answersOf(tx: TenantTransaction, stored: StoredIncident): Promise<ApAnswersView> {
    const records = (await this.register.records(tx, [stored.id])).get(stored.id)!;
    const reference = formatIncidentReference(stored.year, stored.number);
    const sections = apNotificationAnswers({
      reference,
      incident: stored.incident,
      organisation: await this.register.organisation(tx),
      ...records,
      now: this.clock.now(),
    });
    return { incidentId: stored.id, reference, sections, incident: stored.incident, records };
  }

  /** Also for the exports (the letter as text and PDF), inside their own tenant transaction. */
  async letterOf(
    tx: TenantTransaction,
    stored: StoredIncident,
    language: LetterLanguage,
    variant: LetterVariant,
  ): Promise<LetterView> {
    const reference = formatIncidentReference(stored.year, stored.number);
    const draft = draftDataSubjectLetter({
      reference,
      incident: stored.incident,
      organisation: await this.register.organisation(tx),
      variant,
      language,
    });
    return { incidentId: stored.id, reference, draft, versions: await this.register.letters(tx, stored.id) };
  }
}

function accept<T>(checked: Checked<T>): T {
  if (checked.ok) return checked.value;
  throw errors.invalidInput(checked.problems.map((p) => ({ field: p.field, message: p.message })));
}

function field(name: string, nl: string, en: string, text: string | null): FreeTextField {
  return { field: name, label: { nl: `Het veld "${nl}"`, en: `The field "${en}"` }, text };
}

/** The privacy guard, as the incident workflow applies it: a warning needs an explicit confirmation. */
function checkPrivacy(fields: FreeTextField[], confirmed: boolean | null | undefined): void {
  if (confirmed === true) return;
  const warnings = privacyWarnings(fields);
  if (warnings.length === 0) return;
  throw new ApiError(
    'PRIVACY_CONFIRMATION_REQUIRED',
    {
      nl: `Controleer de tekst: ${warnings.map((w) => w.message.nl).join(' ')}`,
      en: `Check the text: ${warnings.map((w) => w.message.en).join(' ')}`,
    },
    warnings.map((w) => ({ field: w.field, message: w.message })),
  );
}

function formatCursor(c: RegisterCursor): string {
  return Buffer.from(JSON.stringify({ at: c.at.toISOString(), id: c.id })).toString('base64url');
}

function parseCursor(value: string | null): RegisterCursor | null {
  if (value === null) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    const at = typeof parsed.at === 'string' ? new Date(parsed.at) : null;
    if (at && !Number.isNaN(at.getTime()) && typeof parsed.id === 'string' && UUID.test(parsed.id)) {
      return { at, id: parsed.id };
    }
  } catch {
    // fall through: refused below
  }
  throw errors.invalidInput([
    { field: 'after', message: { nl: 'De cursor is ongeldig.', en: 'The cursor is invalid.' } },
  ]);
}
