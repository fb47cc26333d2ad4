import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  fixedClock,
  formatIncidentReference,
  incidentApClock,
  parseGroupMemberships,
  type Actor,
  type BreachIncident,
  type OrganisationKind,
} from '@babyconnect/domain';
import { createDataSource } from '../src/database/data-source';
import { demoIncidents } from '../src/demo/demo-incidents';
import { playDemoScript, seedDemoIncidents } from '../src/demo/seed-demo-incidents';
import { fromStoredState } from '../src/incidents/incident-state.mapper';
import { AppClock } from '../src/time/app-clock';
import { gql, ORG } from './support/gql';
import { DETAIL, HISTORY, LIST } from './support/incidents';
import { REPO_ROOT } from './support/paths';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { issuer, startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// The demo incidents as `npm start` seeds them: into a real, migrated database (a copy of the template with the
// demo organisations), then read back through the API with real tokens of the demo users.

jest.setTimeout(90_000);

const DEMO_USERS_FILE = join(REPO_ROOT, 'infra/keycloak/babyconnect-demo.json');
const NOW = new Date('2026-03-10T09:00:00Z');
const DEMO_USERS = (
  JSON.parse(readFileSync(DEMO_USERS_FILE, 'utf8')) as {
    users: { id: string; username: string; firstName: string; lastName: string; groups: string[] }[];
  }
).users;
const WIEG = demoIncidents(NOW).filter((s) => s.organisation === 'vp-de-wieg');
const NEST = demoIncidents(NOW).filter((s) => s.organisation === 'vp-het-nest');

async function ownerOf(db: TestDatabase): Promise<DataSource> {
  const owner = createDataSource({ url: db.migrationUrl, poolMax: 2 });
  await owner.initialize();
  return owner;
}

/** GraphQL enum values are the domain's in upper snake case. */
const domainValue = (value: string) => value.toLowerCase().replaceAll('_', '-');

/** Everything the seed writes, in a comparable form. */
async function snapshot(db: TestDatabase) {
  return {
    incidents: await db.sql(
      `SELECT id, organisation_id, year, number, version, stage, exercise, reported_by, reported_at, discovered_at,
              ap_deadline, ap_notified_at, ap_not_needed, state, updated_at FROM incidents ORDER BY id`,
    ),
    events: await db.sql(`SELECT * FROM incident_events ORDER BY id`),
    counters: await db.sql(`SELECT * FROM incident_counters ORDER BY organisation_id, year`),
    // People only: the migrations' system users (e.g. the viewer-log detection) are not the seed's.
    users: await db.sql(
      `SELECT id, issuer, subject, display_name, email FROM users WHERE issuer NOT LIKE 'urn:babyconnect:system%' ORDER BY subject`,
    ),
  };
}

describe('demo incidents: seeding', () => {
  let db: TestDatabase;
  let owner: DataSource;
  // A fresh database per test: Jest may run them in any order (npm test randomises).
  beforeEach(async () => {
    db = await createTestDatabase();
    owner = await ownerOf(db);
  });
  afterEach(async () => {
    await owner.destroy();
    await db.drop();
  });

  it('adds them once: a second and a later start add nothing and change nothing, and write no access-log row', async () => {
    const logBefore = await db.sql<{ n: string }>(`SELECT count(*) AS n FROM access_log`);
    const first = await seedDemoIncidents(owner, { issuer: issuer(), demoUsersFile: DEMO_USERS_FILE });
    expect(first).toEqual({ added: 9, total: 9 });
    const seeded = await snapshot(db);
    expect(seeded.incidents).toHaveLength(9);
    expect(seeded.users.map((u) => u['subject'])).toHaveLength(6);

    expect(await seedDemoIncidents(owner, { issuer: issuer(), demoUsersFile: DEMO_USERS_FILE })).toEqual({
      added: 0,
      total: 9,
    });
    const tomorrow = new Date(Date.now() + 24 * 3_600_000);
    expect(await seedDemoIncidents(owner, { issuer: issuer(), demoUsersFile: DEMO_USERS_FILE, now: tomorrow })).toEqual(
      { added: 0, total: 9 },
    );
    expect(await snapshot(db)).toEqual(seeded);
    // Seeding is not a person's request (seed-demo-incidents.ts says why).
    expect(await db.sql(`SELECT count(*) AS n FROM access_log`)).toEqual(logBefore);
  });

  it('leaves an incident alone once it exists, also after it was changed in the portal', async () => {
    await seedDemoIncidents(owner, { issuer: issuer(), demoUsersFile: DEMO_USERS_FILE });
    const t = await startTestApp({}, db);
    try {
      const justReported = WIEG.find((s) => s.steps.length === 0)!.id;
      const advised = await gql<{ recordDpoAdvice: { version: number } }>(t.http, {
        token: await tokenFor('wieg-fg'),
        query: `mutation($id: ID!) { recordDpoAdvice(id: $id, expectedVersion: 1, text: "Eerst de auto doorzoeken.") { version } }`,
        variables: { id: justReported },
      });
      expect(advised.errors).toEqual([]);
      expect(advised.data?.recordDpoAdvice.version).toBe(2);
      const before = await snapshot(db);
      expect(await seedDemoIncidents(owner, { issuer: issuer(), demoUsersFile: DEMO_USERS_FILE })).toEqual({
        added: 0,
        total: 9,
      });
      expect(await snapshot(db)).toEqual(before);
      const [row] = await db.sql<{ version: number }>(`SELECT version FROM incidents WHERE id = $1`, [justReported]);
      expect(row?.version).toBe(2);
    } finally {
      await t.close();
    }
  });

  it('leaves no half incident when a step fails: its transaction takes the number back, a next start completes', async () => {
    // A fault at the last step of the oldest demo incident (the protocol's example at Het Nest: it is closed).
    await db.sql(`CREATE FUNCTION demo_fault() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'injected fault'; END $$`);
    await db.sql(`CREATE TRIGGER demo_fault BEFORE INSERT ON incident_events FOR EACH ROW
        WHEN (NEW.type = 'close') EXECUTE FUNCTION demo_fault()`);
    const options = { issuer: issuer(), demoUsersFile: DEMO_USERS_FILE, now: NOW };
    await expect(seedDemoIncidents(owner, options)).rejects.toThrow(/injected fault/);
    expect(await db.sql(`SELECT count(*)::int AS n FROM incidents`)).toEqual([{ n: 0 }]);
    expect(await db.sql(`SELECT count(*)::int AS n FROM incident_events`)).toEqual([{ n: 0 }]);
    expect(await db.sql(`SELECT count(*)::int AS n FROM incident_counters`)).toEqual([{ n: 0 }]);

    await db.sql(`DROP TRIGGER demo_fault ON incident_events`);
    expect(await seedDemoIncidents(owner, options)).toEqual({ added: 9, total: 9 });
    const numbers = await db.sql<{ number: number }>(
      `SELECT number FROM incidents WHERE organisation_id = $1 ORDER BY number`,
      [ORG.nest],
    );
    expect(numbers.map((r) => r.number)).toEqual([1, 2]);
  });
});

describe('demo incidents: what the product shows', () => {
  let db: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    const owner = await ownerOf(db);
    try {
      await seedDemoIncidents(owner, { issuer: issuer(), demoUsersFile: DEMO_USERS_FILE, now: NOW });
    } finally {
      await owner.destroy();
    }
    t = await startTestApp({}, db);
    t.app.get(AppClock).use(fixedClock(NOW));
  });
  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  it('stores exactly the state and history the workflow gives, with references in order of report', async () => {
    const users = new Map(
      (await db.sql<{ id: string; subject: string }>(`SELECT id, subject FROM users`)).map((u) => [u.subject, u.id]),
    );
    for (const [alias, scripts, kind] of [
      ['vp-de-wieg', WIEG, 'MIDWIFERY_PRACTICE'],
      ['vp-het-nest', NEST, 'MIDWIFERY_PRACTICE'],
    ] as const) {
      const actor = (username: string): Actor => {
        const user = DEMO_USERS.find((u) => u.username === username)!;
        return { personId: users.get(user.id)!, roles: parseGroupMemberships(user.groups).byAlias.get(alias)! };
      };
      for (const [index, script] of scripts.entries()) {
        const played = playDemoScript(script, kind as OrganisationKind, actor, NOW);
        const expected = played.at(-1)!.incident;
        const [row] = await db.sql<{ state: Record<string, unknown>; year: number; number: number; version: number }>(
          `SELECT state, year, number, version FROM incidents WHERE id = $1`,
          [script.id],
        );
        expect(fromStoredState(row!.state)).toEqual(expected);
        expect(row!.version).toBe(played.length);
        expect(formatIncidentReference(row!.year, row!.number)).toBe(formatIncidentReference(2026, index + 1));
        const events = await db.sql<{ version: number; type: string; by_user: string; advice: unknown }>(
          `SELECT version, type, by_user, advice FROM incident_events WHERE incident_id = $1 ORDER BY version`,
          [script.id],
        );
        expect(events.map((e) => [e.version, e.type, e.by_user])).toEqual(
          played.flatMap((p) => p.events.map((e) => [e.version, e.type, e.personId])),
        );
        expect(events.map((e) => e.advice !== null)).toEqual(played.map((p) => p.advice !== null));
      }
    }
    expect(await db.sql(`SELECT year, last_number FROM incident_counters ORDER BY last_number`)).toEqual([
      { year: 2026, last_number: NEST.length },
      { year: 2026, last_number: WIEG.length },
    ]);
  });

  it('shows the privacy officer every incident of the organisation, in the states of the README table', async () => {
    const res = await gql<{
      incidents: {
        nodes: { id: string; reference: string; stage: string; exercise: boolean; apClock: { state: string } }[];
      };
    }>(t.http, { token: await tokenFor('wieg-privacy'), query: LIST, variables: { first: 50 } });
    expect(res.errors).toEqual([]);
    const nodes = res.data!.incidents.nodes;
    // Newest first.
    expect(nodes.map((n) => n.id)).toEqual(WIEG.map((s) => s.id).reverse());
    expect(nodes.map((n) => [n.reference, domainValue(n.stage), domainValue(n.apClock.state)])).toEqual([
      ['DL-2026-0007', 'reported', 'open'],
      ['DL-2026-0006', 'overview', 'open'],
      ['DL-2026-0005', 'response', 'open'],
      ['DL-2026-0004', 'response', 'due-soon'],
      ['DL-2026-0003', 'closed', 'not-needed'],
      ['DL-2026-0002', 'overview', 'overdue'],
      ['DL-2026-0001', 'closed', 'met'],
    ]);
    // The list's clock filter (SQL) agrees with the domain's clock for each incident.
    for (const state of ['open', 'due-soon', 'overdue', 'met', 'not-needed']) {
      const filtered = await gql<{ incidents: { nodes: { id: string }[] } }>(t.http, {
        token: await tokenFor('wieg-privacy'),
        query: LIST,
        variables: { first: 50, filter: { clockState: state.toUpperCase().replace('-', '_') } },
      });
      expect(filtered.errors).toEqual([]);
      expect(filtered.data!.incidents.nodes.map((n) => n.id)).toEqual(
        nodes.filter((n) => domainValue(n.apClock.state) === state).map((n) => n.id),
      );
    }
    const nest = await gql<{
      incidents: { nodes: { reference: string; exercise: boolean; apClock: { state: string } }[] };
    }>(t.http, { token: await tokenFor('nest-privacy'), query: LIST, variables: { first: 50 } });
    expect(nest.data!.incidents.nodes.map((n) => [n.reference, n.exercise, domainValue(n.apClock.state)])).toEqual([
      ['DL-2026-0002', true, 'open'],
      ['DL-2026-0001', false, 'not-needed'],
    ]);
  });

  it('shows the employee who reported them as their own reports (the first login finds the seeded person)', async () => {
    const res = await gql<{ incidents: { nodes: { id: string; reportedByMe: boolean }[] } }>(t.http, {
      token: await tokenFor('wieg-medewerker'),
      query: LIST,
      variables: { first: 50 },
    });
    expect(res.errors).toEqual([]);
    expect(res.data!.incidents.nodes).toHaveLength(WIEG.length);
    expect(res.data!.incidents.nodes.every((n) => n.reportedByMe)).toBe(true);
    // Still one row per person: the login updated the seeded row instead of adding one.
    expect(
      await db.sql(
        `SELECT count(*)::int AS n FROM users WHERE subject IN (SELECT subject FROM users GROUP BY subject HAVING count(*) > 1)`,
      ),
    ).toEqual([{ n: 0 }]);
  });

  it('shows each incident’s detail, its risk advice and its history by name, with the advice kept at each decision', async () => {
    const token = await tokenFor('wieg-privacy');
    for (const script of WIEG) {
      const detail = await gql<{ incident: { stage: string; apClock: { state: string }; riskAdvice: unknown } }>(
        t.http,
        {
          token,
          query: DETAIL,
          variables: { id: script.id },
        },
      );
      expect(detail.errors).toEqual([]);
      const stored = await db.sql<{ state: Record<string, unknown> }>(`SELECT state FROM incidents WHERE id = $1`, [
        script.id,
      ]);
      const incident: BreachIncident = fromStoredState(stored[0]!.state);
      expect(domainValue(detail.data!.incident.stage)).toBe(incident.stage);
      expect(domainValue(detail.data!.incident.apClock.state)).toBe(incidentApClock(incident, fixedClock(NOW)).state);

      const history = await gql<{
        incidentHistory: { type: string; personName: string; advice: { modelVersion: string } | null }[];
      }>(t.http, { token, query: HISTORY, variables: { id: script.id } });
      expect(history.errors).toEqual([]);
      const events = history.data!.incidentHistory;
      expect(events.map((e) => domainValue(e.type))).toEqual(['reported', ...script.steps.map((s) => s.command.type)]);
      // The demo people by the names the identity provider gives them (never a bare id).
      const nameOf = (username: string) => {
        const user = DEMO_USERS.find((u) => u.username === username)!;
        return `${user.firstName} ${user.lastName}`;
      };
      expect(events.map((e) => e.personName)).toEqual([script.report.as, ...script.steps.map((s) => s.as)].map(nameOf));
      for (const event of events) {
        expect(event.advice !== null).toBe(domainValue(event.type).startsWith('decide-'));
      }
    }
  });
});
