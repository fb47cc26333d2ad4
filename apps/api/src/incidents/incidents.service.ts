import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  apNotificationClock,
  assessRisk,
  codePointLength,
  findForbiddenCharacter,
  decide,
  formatAmsterdam,
  INCIDENT_STAGES,
  NOTIFICATION_CLOCK_STATES,
  privacyWarnings,
  reportBreach,
  type Actor as DomainActor,
  type BreachIncident,
  type ChainScenario,
  type FreeTextField,
  type IncidentCommand,
  type LocalisedText,
  type Refused,
  type RiskAdvice,
} from '@babyconnect/domain';
import { actingOrganisationId, type Actor } from '../auth/actor';
import { Tenancy, type TenantTransaction } from '../database/tenancy';
import { ApiError, errors } from '../errors/api-error';
import { AppClock } from '../time/app-clock';
import { CHAIN_SCENARIO_AT_REPORT, type ChainScenarioAtReport } from './chain-scenario-at-report';
import { freeText } from './free-text-labels';
import { toReportInput, type CommandWithoutVersion } from './incident-commands';
import { INCIDENT_OBSERVER, type IncidentObserver } from './incident-observer';
import type { IncidentFilterInput, ReportBreachInput } from './incident.inputs';
import { presentEvent, presentIncident, presentOwnReport, presentSummary } from './incident.presenter';
import type { IncidentConnectionType, IncidentEventType, IncidentType } from './incident.type';
import {
  cursorValueOf,
  INCIDENT_SORTS,
  IncidentsRepository,
  type IncidentListCursor,
  type IncidentListRow,
  type IncidentSort,
  type StoredIncident,
} from './incidents.repository';

const INCIDENT = { nl: 'Het datalek', en: 'The breach' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_MAX = 100;

/** What a mutation asks the workflow: the command (built from the incident as loaded), its free text, its advice. */
export interface CommandRequest {
  build: (incident: BreachIncident, advise: () => RiskAdvice) => CommandWithoutVersion;
  freeText: FreeTextField[];
  confirmPrivacyWarnings: boolean | null | undefined;
  /**
   * The reporter may act on their own report (correct-report) without reading every incident: for them the
   * incident exists only when it is theirs, and the answer shows only what they may read.
   */
  reporterMayAct?: boolean;
}

/**
 * The breach workflow's use cases. Each method: one permission context (the guards checked the operation), one
 * tenant transaction (which is the request's, so the access-log row commits with the change), the domain's rules.
 */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly incidents: IncidentsRepository,
    private readonly clock: AppClock,
    @Optional() @Inject(INCIDENT_OBSERVER) private readonly observer?: IncidentObserver,
    @Optional() @Inject(CHAIN_SCENARIO_AT_REPORT) private readonly chain?: ChainScenarioAtReport,
  ) {}

  async report(actor: Actor, input: ReportBreachInput): Promise<IncidentType> {
    const decision = reportBreach(toReportInput(input), domainActor(actor), this.clock);
    if (!decision.ok) throw refusal(decision);
    checkPrivacy(
      [
        freeText('whatHappened', 'whatHappened', input.whatHappened),
        freeText('howDiscovered', 'howDiscovered', input.howDiscovered),
      ],
      input.confirmPrivacyWarnings,
    );
    const scenario = checkChainScenario(input);
    // Fail loudly rather than drop the answer: without the chain module HINQ would never hear of an A or C.
    if (scenario && !this.chain) throw new Error('A chain scenario was given but the chain module is not loaded');
    const incident = decision.incident;
    return this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      // The year of the report, in the organisation's time zone (a report at 00:30 on 1 January is the new year's).
      const year = Number(formatYear(incident.reportedAt));
      const number = await this.incidents.nextNumber(tx, year);
      const id = await this.incidents.insert(tx, year, number, incident);
      await this.incidents.appendEvents(tx, id, decision.events);
      await this.observer?.incidentChanged(tx, {
        id,
        year,
        number,
        before: null,
        after: incident,
        events: decision.events,
      });
      const stored = { id, organisationId: tx.organisationId, year, number, incident };
      if (scenario) await this.chain!.declareAtReport(tx, actor, stored, scenario);
      return presentIncident(stored, this.clock, null);
    });
  }

  async list(
    actor: Actor,
    first: number,
    after: string | null,
    filter: IncidentFilterInput | null,
    sort: IncidentSort = 'reported-newest',
  ): Promise<IncidentConnectionType> {
    if (!Number.isInteger(first) || first < 1 || first > PAGE_MAX) {
      throw errors.invalidInput([
        { field: 'first', message: { nl: `Vraag 1 tot ${PAGE_MAX} per pagina op.`, en: `Ask for 1 to ${PAGE_MAX}.` } },
      ]);
    }
    const checked = checkListInput(filter, sort, after);
    const readsAll = actor.ability.can('read', 'Incident');
    const rows = await this.tenancy.asTenant(actingOrganisationId(actor), (tx) =>
      this.incidents.list(tx, {
        first: first + 1,
        sort,
        after: checked.after,
        reportedBy: readsAll ? null : actor.user.id,
        stage: oneOf(INCIDENT_STAGES, filter?.stage),
        exercise: filter?.exercise ?? null,
        clockState: oneOf(NOTIFICATION_CLOCK_STATES, filter?.clockState),
        discoveredFrom: filter?.discoveredFrom ?? null,
        discoveredTo: filter?.discoveredTo ?? null,
        text: checked.text,
        now: this.clock.now(),
      }),
    );
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return {
      nodes: page.map((row) => presentSummary(row, readsAll ? this.clock : null, actor.user.id, listClock)),
      nextCursor: rows.length > first && last ? cursorOf(last, sort) : null,
    };
  }

  async detail(actor: Actor, id: string): Promise<IncidentType> {
    return this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      const stored = await this.load(tx, id, false);
      return presentIncident(stored, this.clock, this.adviceFor(actor, stored.incident));
    });
  }

  async history(actor: Actor, id: string): Promise<IncidentEventType[]> {
    return this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      await this.load(tx, id, false);
      return (await this.incidents.history(tx, id)).map(presentEvent);
    });
  }

  /**
   * One step of the protocol: load and lock, let the domain decide, check the free text, write state, version and
   * events. All inside the request's transaction: a refusal or failure anywhere leaves nothing behind.
   */
  async apply(actor: Actor, id: string, expectedVersion: number, request: CommandRequest): Promise<IncidentType> {
    return this.tenancy.asTenant(actingOrganisationId(actor), async (tx) => {
      const stored = await this.load(tx, id, true);
      const readsAll = actor.ability.can('read', 'Incident');
      const ownReport = request.reporterMayAct === true && stored.incident.reportedBy === actor.user.id;
      // Whoever cannot read the organisation's incidents does not learn that another one exists.
      if (!readsAll && !ownReport) throw errors.notFound(INCIDENT);
      let advice: RiskAdvice | null = null;
      const advise = () => (advice ??= this.adviceFor(actor, stored.incident));
      const command = { ...request.build(stored.incident, advise), version: expectedVersion } as IncidentCommand;
      const decision = decide(stored.incident, command, domainActor(actor), this.clock);
      if (!decision.ok) {
        if (decision.refusal === 'conflict') throw await this.conflict(tx, stored, expectedVersion);
        throw refusal(decision);
      }
      checkPrivacy(request.freeText, request.confirmPrivacyWarnings);
      if (decision.events.length > 0) {
        await this.incidents.update(tx, id, stored.incident.version, decision.incident, this.clock.now());
        await this.incidents.appendEvents(tx, id, decision.events, advice);
        const { year, number } = stored;
        await this.observer?.incidentChanged(tx, {
          id,
          year,
          number,
          before: stored.incident,
          after: decision.incident,
          events: decision.events,
        });
      }
      const next = { ...stored, incident: decision.incident };
      if (!readsAll) return presentOwnReport(next, this.clock);
      return presentIncident(next, this.clock, this.adviceFor(actor, decision.incident));
    });
  }

  private async load(tx: TenantTransaction, id: string, lock: boolean): Promise<StoredIncident> {
    // Another organisation's incident is invisible (row-level security): "not found", exactly like a wrong id.
    const stored = UUID.test(id) ? await this.incidents.find(tx, id, lock) : null;
    if (!stored) throw errors.notFound(INCIDENT);
    return stored;
  }

  /** The explained risk advice from the checklist, computed here and never taken from the client. */
  private adviceFor(actor: Actor, incident: BreachIncident): RiskAdvice {
    return assessRisk({
      checklist: incident.checklist,
      organisationKind: actor.acting!.kind,
      answers: incident.riskAnswers,
    });
  }

  private async conflict(tx: TenantTransaction, stored: StoredIncident, expectedVersion: number): Promise<ApiError> {
    const last = await this.incidents.lastChange(tx, stored.id);
    const current = stored.incident.version;
    const who = { nl: last?.byName ?? 'iemand anders', en: last?.byName ?? 'someone else' };
    const text = {
      nl: `Dit datalek is intussen gewijzigd door ${who.nl}${last ? ` (${formatAmsterdam(last.at, 'nl')})` : ''}: nu versie ${current}, u werkte met versie ${expectedVersion}. Bekijk de wijzigingen en probeer het opnieuw.`,
      en: `This breach was changed in the meantime by ${who.en}${last ? ` (${formatAmsterdam(last.at, 'en')})` : ''}: now version ${current}, you worked on version ${expectedVersion}. Review the changes and try again.`,
    };
    const error = errors.conflict(text);
    error.fields.push({ field: 'version', message: text });
    return error;
  }
}

function domainActor(actor: Actor): DomainActor {
  return { personId: actor.user.id, roles: actor.acting?.roles ?? [] };
}

/** The domain's refusal as the API's error: invalid → BAD_USER_INPUT, wrong stage → CONFLICT, role → FORBIDDEN. */
export function refusal(decision: Refused): ApiError {
  const fields = decision.problems.map((p) => ({ field: p.field, message: p.message }));
  switch (decision.refusal) {
    case 'invalid':
      return errors.invalidInput(fields);
    case 'forbidden':
      return errors.forbidden(fields[0]?.message);
    case 'wrong-stage':
    case 'conflict': {
      const error = errors.conflict({
        nl: fields.map((f) => f.message.nl).join(' '),
        en: fields.map((f) => f.message.en).join(' '),
      });
      error.fields.push(...fields);
      return error;
    }
  }
}

/** The privacy guard: free text that looks like a client identity is saved only after an explicit confirmation. */
export function checkPrivacy(fields: FreeTextField[], confirmed: boolean | null | undefined): void {
  if (confirmed === true) return;
  const warnings = privacyWarnings(fields);
  if (warnings.length === 0) return;
  throw new ApiError(
    'PRIVACY_CONFIRMATION_REQUIRED',
    {
      nl: `Controleer de tekst: ${warnings.map((w) => w.message.nl).join(' ')}`,
      en: `Check the text: ${warnings.map((w) => w.message.en).join(' ')}`,
    },
    // The field and the kind, never the value (the warning travels over the network and into logs).
    warnings.map((w) => ({ field: w.field, message: w.message })),
  );
}

/**
 * The situation answered with the report (optional). C says other organisations' data may be involved: refused
 * when the same report says they are not, so the chain incident HINQ receives never contradicts its breach.
 */
function checkChainScenario(input: ReportBreachInput): ChainScenario | null {
  const scenario = input.chainScenario ?? null;
  if (scenario === 'C' && input.otherOrganisationsInvolved === 'no') {
    throw errors.invalidInput([
      {
        field: 'chainScenario',
        message: {
          nl: 'Situatie C betekent dat gegevens van andere organisaties betrokken kunnen zijn, maar de melding zegt "nee". Kies "ja" of "weet ik niet", of laat de situatie open.',
          en: 'Situation C means other organisations\' data may be involved, but the report says "no". Choose "yes" or "unknown", or leave the situation open.',
        },
      },
    ]);
  }
  return scenario;
}

function listClock(row: IncidentListRow, clock: { now(): Date }) {
  return apNotificationClock(
    { discoveredAt: row.discoveredAt, notifiedAt: row.apNotifiedAt, notNeeded: row.apNotNeeded },
    clock,
  );
}

function oneOf<T extends string>(values: readonly T[], value: string | null | undefined): T | null {
  return value !== null && value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : null;
}

function cursorOf(row: IncidentListRow, sort: IncidentSort): string {
  return Buffer.from(JSON.stringify([sort, cursorValueOf(row, sort).toISOString(), row.id])).toString('base64url');
}

const TEXT_MIN = 2;
const TEXT_MAX = 100;

/** The list's input beyond the enums: every problem at once, each by field, in words (never a 500). */
function checkListInput(
  filter: IncidentFilterInput | null,
  sort: IncidentSort,
  after: string | null,
): { text: string | null; after: IncidentListCursor | null } {
  const problems: { field: string; message: LocalisedText }[] = [];
  let text: string | null = null;
  if (filter?.text !== null && filter?.text !== undefined) {
    text = filter.text.trim();
    const length = codePointLength(text);
    if (findForbiddenCharacter(text, { lineBreaks: false })) {
      problems.push({
        field: 'filter.text',
        message: {
          nl: 'De zoektekst bevat een teken dat niet is toegestaan (zoals een regeleinde of stuurteken).',
          en: 'The search text contains a character that is not allowed (such as a line break or control character).',
        },
      });
    } else if (length < TEXT_MIN || length > TEXT_MAX) {
      problems.push({
        field: 'filter.text',
        message: {
          nl: `Zoek op ${TEXT_MIN} tot ${TEXT_MAX} tekens (nu ${length}), bijvoorbeeld een kenmerk als DL-2026-0042 of 0042, of een woord uit wat er gebeurd is.`,
          en: `Search for ${TEXT_MIN} to ${TEXT_MAX} characters (now ${length}), e.g. a reference such as DL-2026-0042 or 0042, or a word of what happened.`,
        },
      });
    }
  }
  const from = filter?.discoveredFrom ?? null;
  const to = filter?.discoveredTo ?? null;
  if (from && to && from.getTime() > to.getTime()) {
    problems.push({
      field: 'filter.discoveredTo',
      message: {
        nl: 'Het einde van de periode ligt vóór het begin.',
        en: 'The end of the period is before its start.',
      },
    });
  }
  let cursor: IncidentListCursor | null = null;
  if (after !== null) {
    const parsed = parseCursor(after);
    if (!parsed) {
      problems.push({ field: 'after', message: { nl: 'De cursor is ongeldig.', en: 'The cursor is invalid.' } });
    } else if (parsed.sort !== sort) {
      problems.push({
        field: 'after',
        message: {
          nl: 'Deze cursor hoort bij een andere volgorde van de lijst; begin opnieuw bij de eerste pagina.',
          en: 'This cursor belongs to another order of the list; start again at the first page.',
        },
      });
    } else {
      cursor = parsed;
    }
  }
  if (problems.length > 0) throw errors.invalidInput(problems);
  return { text, after: cursor };
}

function parseCursor(cursor: string): IncidentListCursor | null {
  try {
    const [sort, at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const instant = new Date(String(at));
    const known = (INCIDENT_SORTS as readonly unknown[]).includes(sort);
    if (known && typeof id === 'string' && UUID.test(id) && !Number.isNaN(instant.getTime())) {
      return { sort: sort as IncidentSort, at: instant, id };
    }
  } catch {
    // answered by the caller
  }
  return null;
}

const YEAR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric' });
function formatYear(instant: Date): string {
  return YEAR.format(instant);
}
