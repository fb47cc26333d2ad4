import {
  adviceReference,
  assessRisk,
  decide,
  fixedClock,
  privacyWarnings,
  reportBreach,
  type Actor,
  type BreachIncident,
  type Decision,
  type FreeTextField,
  type IncidentEvent,
  type IncidentCommand,
  type OrganisationKind,
  type RiskAdvice,
} from '@babyconnect/domain';
import type { DataSource } from 'typeorm';
import { Tenancy, type TenantTransaction } from '../database/tenancy';
import { IncidentsRepository } from '../incidents/incidents.repository';
import { demoIncidents, type DemoCommand, type DemoIncident } from './demo-incidents';
import { ensureDemoUsers, type DemoUser } from './demo-users';

const HOUR_MS = 3_600_000;

export interface DemoIncidentSeedOptions {
  /** The identity provider's issuer (OIDC_ISSUER_URL): whose subjects the demo users' rows are keyed by. */
  issuer: string;
  /** infra/keycloak/babyconnect-demo.json */
  demoUsersFile: string;
  /** The moment the scripts count back from (tests pass a fixed one). */
  now?: Date;
}

/**
 * Seeds the fictional demo incidents (demo-incidents.ts) as the schema owner, after the demo organisations.
 *
 * Each incident is made by the workflow itself, as the API makes it (incidents.service.ts): `reportBreach`, then
 * `decide` for every command, each at its own time and by its own demo person; the risk advice for a decision is
 * computed from the checklist and kept with the decision's event; the reference comes from the organisation's
 * counter; state, version and history rows are written by the API's own repository. Free text passes the privacy
 * guard or the seed stops. One transaction per incident: a failure leaves no half incident and takes no number.
 *
 * Idempotent: each demo incident has a fixed id, and an incident with that id is left alone, whatever was done to
 * it in the portal since. A second start adds nothing.
 *
 * No access-log rows: the access log (NEN 7513) records what a person asked the API to do, and nobody asked this;
 * rows saying the demo people did these things at these times would be false entries at the head of each
 * organisation's hash chain. The history of the incidents shows the demo people, as the product would; the access
 * log starts with the first real request.
 */
export async function seedDemoIncidents(
  owner: DataSource,
  options: DemoIncidentSeedOptions,
): Promise<{ added: number; total: number }> {
  const now = options.now ?? new Date();
  const scripts = demoIncidents(now);
  const organisations = await organisationsByAlias(owner, [...new Set(scripts.map((s) => s.organisation))]);
  const people = [...new Set(scripts.flatMap((s) => [s.report.as, ...s.steps.map((step) => step.as)]))];
  const users = await owner.transaction((manager) =>
    ensureDemoUsers(manager, options.issuer, options.demoUsersFile, people),
  );
  const tenancy = new Tenancy(owner);
  const repository = new IncidentsRepository();
  let added = 0;
  for (const script of scripts) {
    const organisation = organisations.get(script.organisation);
    if (!organisation) throw new Error(`demo organisation ${script.organisation} is missing`);
    const created = await tenancy.asTenant(organisation.id, (tx) =>
      seedOne(tx, repository, script, organisation, users, now),
    );
    if (created) added += 1;
  }
  return { added, total: scripts.length };
}

interface Organisation {
  id: string;
  alias: string;
  kind: OrganisationKind;
}

async function seedOne(
  tx: TenantTransaction,
  repository: IncidentsRepository,
  script: DemoIncident,
  organisation: Organisation,
  users: Map<string, DemoUser>,
  now: Date,
): Promise<boolean> {
  // Two starts at once: the second waits here, then finds the incident.
  await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`demo-incident:${script.id}`]);
  const exists: unknown[] = await tx.manager.query(`SELECT 1 FROM incidents WHERE id = $1`, [script.id]);
  if (exists.length > 0) return false;

  const [first, ...rest] = playDemoScript(
    script,
    organisation.kind,
    (username) => actorOf(users, username, organisation.alias),
    now,
  );
  const year = amsterdamYear(first!.incident.reportedAt);
  const number = await repository.nextNumber(tx, year);
  const insertedId = await repository.insert(tx, year, number, first!.incident);
  // The repository lets the database choose the id; the demo's fixed id is what makes the seed idempotent. Set
  // before any history row points at it, in the same transaction.
  await tx.manager.query(`UPDATE incidents SET id = $1 WHERE organisation_id = $2 AND id = $3`, [
    script.id,
    tx.organisationId,
    insertedId,
  ]);
  await repository.appendEvents(tx, script.id, first!.events);
  let version = first!.incident.version;
  for (const step of rest) {
    await repository.update(tx, script.id, version, step.incident, step.at);
    await repository.appendEvents(tx, script.id, step.events, step.advice);
    version = step.incident.version;
  }
  return true;
}

/** One accepted step of a script: the incident after it, its history rows, the advice it was decided against. */
export interface PlayedStep {
  at: Date;
  incident: BreachIncident;
  events: readonly IncidentEvent[];
  advice: RiskAdvice | null;
}

/**
 * Plays a demo script through the workflow, without storage: the report, then every command at its time by its
 * person. Throws when the workflow refuses a step or the privacy guard warns about its text: a demo incident is
 * only what the product itself would have accepted.
 */
export function playDemoScript(
  script: DemoIncident,
  organisationKind: OrganisationKind,
  actor: (username: string) => Actor,
  now: Date,
): PlayedStep[] {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR_MS);
  const clock = fixedClock(at(script.report.hoursAgo));
  const what = `demo incident ${script.id}`;
  const reported = accepted(reportBreach(script.report.input, actor(script.report.as), clock), `${what}: report`);
  guardPrivacy(
    [
      { field: 'whatHappened', text: script.report.input.whatHappened },
      { field: 'howDiscovered', text: script.report.input.howDiscovered },
    ],
    `${what}: report`,
  );
  let incident = reported.incident;
  const played: PlayedStep[] = [{ at: clock.now(), incident, events: reported.events, advice: null }];
  let previous = script.report.hoursAgo;
  for (const [index, step] of script.steps.entries()) {
    const label = `${what}: step ${index + 1} (${step.command.type})`;
    if (step.hoursAgo > previous) throw new Error(`${label} is earlier than the step before it`);
    previous = step.hoursAgo;
    clock.set(at(step.hoursAgo));
    // As the API: the advice is the server's, computed from the checklist as it stands, and kept with the decision.
    const current = incident;
    let advice: RiskAdvice | null = null;
    const command = withAdvice(
      step.command,
      current.version,
      () => (advice ??= assessRisk({ checklist: current.checklist, organisationKind })),
    );
    const decision = accepted(decide(current, command, actor(step.as), clock), label);
    guardPrivacy(freeTextOf(step.command), label);
    if (decision.events.length === 0) throw new Error(`${label} changes nothing`);
    incident = decision.incident;
    played.push({ at: clock.now(), incident, events: decision.events, advice });
  }
  return played;
}

/** The domain's command: the incident's version, and for a decision the advice it was taken against. */
function withAdvice(command: DemoCommand, version: number, advise: () => RiskAdvice): IncidentCommand {
  if (command.type === 'decide-ap-notification' || command.type === 'decide-data-subjects') {
    return { ...command, advice: adviceReference(advise()), version } as IncidentCommand;
  }
  return { ...command, version } as IncidentCommand;
}

/** The free text each command carries, as the API's resolvers hand it to the privacy guard. */
export function freeTextOf(command: DemoCommand): FreeTextField[] {
  const fields = (values: Record<string, string | null | undefined>) =>
    Object.entries(values).map(([field, text]) => ({ field, text }));
  switch (command.type) {
    case 'correct-report':
      return fields({
        whatHappened: command.whatHappened,
        howDiscovered: command.howDiscovered,
        reason: command.reason,
      });
    case 'assess':
      return fields({ reasoning: command.reasoning, reason: command.reason });
    case 'update-checklist':
      return fields({
        'checklist.cause.description': command.answers.cause?.description,
        'checklist.howDiscovered': command.answers.howDiscovered,
      });
    case 'add-containment-measure':
    case 'update-containment-measure':
    case 'add-improvement-action':
    case 'update-improvement-action':
      return fields({ description: command.description, owner: command.owner });
    case 'update-risk-answers':
      return fields({ reason: command.reason });
    case 'decide-ap-notification':
    case 'decide-data-subjects':
      return fields({ reasoning: command.reasoning, departureReason: command.departureReason, reason: command.reason });
    case 'record-ap-notification':
      return fields({ apReference: command.apReference, delayReasons: command.delayReasons, reason: command.reason });
    case 'record-dpo-advice':
      return fields({ text: command.text });
    case 'close':
      return fields({ consequences: command.consequences, recurrencePrevention: command.recurrencePrevention });
    case 'reopen':
      return fields({ reason: command.reason });
    case 'complete-overview':
    case 'complete-containment':
    case 'record-data-subjects-informed':
      return [];
  }
}

function actorOf(users: Map<string, DemoUser>, username: string, alias: string): Actor {
  const user = users.get(username);
  const roles = user?.rolesByAlias.get(alias) ?? [];
  if (!user || roles.length === 0) throw new Error(`demo user ${username} has no role in ${alias}`);
  return { personId: user.id, roles };
}

function accepted(decision: Decision, what: string): Extract<Decision, { ok: true }> {
  if (!decision.ok) {
    throw new Error(
      `${what} was refused (${decision.refusal}): ${decision.problems.map((p) => p.message.en).join(' ')}`,
    );
  }
  return decision;
}

/** Demo text must never look like a client identity: the product stores none, and the demo shows how it should look. */
function guardPrivacy(fields: FreeTextField[], what: string): void {
  const warnings = privacyWarnings(fields);
  if (warnings.length > 0) throw new Error(`${what}: ${warnings.map((w) => w.message.en).join(' ')}`);
}

async function organisationsByAlias(owner: DataSource, aliases: string[]): Promise<Map<string, Organisation>> {
  const rows: Organisation[] = await owner.query(
    `SELECT id::text AS id, alias, kind FROM organisations WHERE alias = ANY($1)`,
    [aliases],
  );
  return new Map(rows.map((o) => [o.alias, o]));
}

const YEAR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric' });

/** The reference's year, as incidents.service.ts takes it: the year of the report in the organisation's time zone. */
function amsterdamYear(instant: Date): number {
  return Number(YEAR.format(instant));
}
