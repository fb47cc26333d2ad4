// Seeds many incidents quickly, as the schema owner, with generate_series: `--seed-million` gives 1,000,000 across
// 500 organisations (issue 14, "Speed"); without it a small set for the demo organisations. Every row is what the
// API itself would have written: the CHECKs and foreign keys hold, the columns beside `state` are copies of it (as
// columnsOf() in incidents.repository.ts writes them), and `state` starts from a real report made by the domain's
// reportBreach (from the build) with the later steps filled in just far enough for the stage (assessment, AP
// decision and notification, closure), so the API's mapper and its detail query read every row.
//
// A realistic spread: reports over the last eight years, inserted in time order (one organisation's rows are
// spread over the whole table, as they would be after years of use, not packed together); nearly everything older
// than two months closed, recent ones in every stage; about a third of registered breaches notified to the AP, a
// fifth of those late; 3 % exercises; organisation sizes skewed (weight rank^-0.4: De Wieg, the first demo
// organisation, is the largest, so the GraphQL scenario and the database probe both read the worst case).
import pg from 'pg';
import type { ApiBuild } from './api-build.ts';

export interface SeedOptions {
  migrationUrl: string;
  build: ApiBuild;
  total: number;
  organisations: number;
  /** Ranked first (largest first), in this order; the rest are created as `bench-seed-NNN`. */
  demoOrganisationIds: string[];
  now: Date;
  say: (line: string) => void;
}

export interface SeedResult {
  incidents: number;
  organisations: number;
  organisationsCreated: number;
  usersCreated: number;
  /** Wall time of the inserts, and of VACUUM ANALYZE after them. */
  insertSeconds: number;
  vacuumSeconds: number;
  tableMB: number;
  indexesMB: number;
  largest: { organisationId: string; incidents: number };
  smallest: { organisationId: string; incidents: number };
  byStage: Record<string, number>;
  byClockState: Record<string, number>;
  exercises: number;
}

const USERS_PER_ORGANISATION = 20;
/** Seeded reporters' issuer: no token names it, so nobody can sign in as them. */
const SEED_ISSUER = 'urn:babyconnect:bench-seed';

const WHAT_HAPPENED = [
  'E-mail met een verwijsbrief naar de verkeerde ontvanger gestuurd.',
  'Telefoon met toegang tot het cliëntendossier verloren tijdens een visite.',
  'Papieren overdracht in de trein laten liggen.',
  'Collega zonder behandelrelatie keek mee in een dossier.',
  'Laptop gestolen uit de auto; versleuteling onbekend.',
  'Uitslag in de verkeerde cliëntenportal geplaatst.',
  'Phishingmail: wachtwoord van een medewerker ingevoerd op een valse site.',
  'Echo-afdrukken meegegeven aan de verkeerde ouders.',
];

/** The stored state of a fresh report, made by the domain and the API's mapper (from the build). */
function templateState(build: ApiBuild, now: Date): Record<string, unknown> {
  const decision = build.reportBreach(
    {
      whatHappened: WHAT_HAPPENED[0]!,
      discoveredAt: now,
      stillOngoing: 'no',
      howDiscovered: 'Gemeld door een collega.',
      otherOrganisationsInvolved: 'no',
      exercise: false,
    },
    { personId: '00000000-0000-4000-8000-000000000000', roles: ['employee'] },
    { now: () => now },
  );
  if (!decision.ok) throw new Error(`the domain refused the seed's template report: ${JSON.stringify(decision)}`);
  return build.toStoredState(decision.incident);
}

const ISO = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * One INSERT … SELECT over generate_series. Per incident a few random numbers decide its age, stage, outcome and
 * AP clock; `setseed` makes the data the same on every run.
 */
const INSERT_INCIDENTS = `
WITH ranked AS (
  SELECT id, row_number() OVER (ORDER BY array_position($2::uuid[], id) NULLS LAST, alias) AS rank
    FROM organisations WHERE id = ANY($2::uuid[]) OR alias LIKE 'bench-seed-%'
), weighted AS (
  SELECT id, rank, power(rank, -0.4) AS w FROM ranked WHERE rank <= $3
), sized AS (
  SELECT id, rank, floor($4 * w / sum(w) OVER ())::int AS n FROM weighted
), sizes AS (
  SELECT id, n + CASE WHEN rank = 1 THEN $4 - sum(n) OVER () ELSE 0 END AS n FROM sized
), raw AS (
  SELECT s.id AS org, 1 + floor(random() * $7)::int AS reporter_index,
         $5::timestamptz - (60 + random() * 8 * 365.25 * 86400) * interval '1 second' AS reported_at,
         random() AS r_stage, random() AS r_discovered, random() AS r_exercise, random() AS r_outcome,
         random() AS r_ap, random() AS r_late, random() AS r_text
    FROM sizes s CROSS JOIN LATERAL generate_series(1, s.n)
), aged AS (
  SELECT r.*, u.id AS reporter,
         r.reported_at - (r_discovered ^ 3) * interval '48 hours' AS discovered_at,
         CASE
           WHEN $5::timestamptz - r.reported_at > interval '60 days' THEN
             CASE WHEN r_stage < 0.995 THEN 'closed' ELSE 'response' END
           WHEN $5::timestamptz - r.reported_at > interval '7 days' THEN
             CASE WHEN r_stage < 0.6 THEN 'closed' WHEN r_stage < 0.9 THEN 'response'
                  WHEN r_stage < 0.97 THEN 'overview' ELSE 'reported' END
           ELSE CASE WHEN r_stage < 0.1 THEN 'closed' WHEN r_stage < 0.4 THEN 'response'
                     WHEN r_stage < 0.7 THEN 'overview' ELSE 'reported' END
         END AS stage
    FROM raw r JOIN bench_seed_users u ON u.org = r.org AND u.idx = r.reporter_index
), decided AS (
  SELECT a.*,
         CASE WHEN stage <> 'closed' THEN NULL WHEN r_outcome < 0.6 THEN 'registered'
              WHEN r_outcome < 0.85 THEN 'not-a-breach' ELSE 'near-miss' END AS outcome,
         discovered_at + interval '72 hours' AS ap_deadline
    FROM aged a
), ap AS (
  SELECT d.*,
         CASE WHEN (stage = 'closed' AND outcome = 'registered') OR stage = 'response' THEN
                CASE WHEN r_ap < 0.3 THEN 'notified' WHEN r_ap < 0.6 OR stage = 'closed' THEN 'not-notifying' END
         END AS ap,
         least($5::timestamptz, greatest(reported_at, discovered_at + r_late * interval '90 hours')) AS submitted_at,
         least($5::timestamptz, reported_at + interval '1 hour') AS assessed_at,
         least($5::timestamptz, reported_at + interval '10 days') AS closed_at
    FROM decided d
), rows AS (
  SELECT p.*,
         CASE stage WHEN 'reported' THEN 1 WHEN 'overview' THEN 2 WHEN 'response' THEN 4 ELSE 7 END AS version,
         r_exercise < 0.03 AS exercise,
         extract(year FROM reported_at AT TIME ZONE 'Europe/Amsterdam')::int AS year,
         CASE WHEN ap = 'notified' THEN submitted_at END AS ap_notified_at,
         coalesce(outcome IN ('not-a-breach', 'near-miss') OR ap = 'not-notifying', false) AS ap_not_needed
    FROM ap p
)
INSERT INTO incidents (organisation_id, year, number, version, stage, exercise, reported_by, reported_at,
                       discovered_at, ap_deadline, ap_notified_at, ap_not_needed, state, updated_at)
SELECT r.org, r.year,
       coalesce(c.last_number, 0) + row_number() OVER (PARTITION BY r.org, r.year ORDER BY r.reported_at),
       r.version, r.stage, r.exercise, r.reporter, r.reported_at, r.discovered_at, r.ap_deadline, r.ap_notified_at,
       r.ap_not_needed,
       $1::jsonb || jsonb_build_object(
         'version', r.version, 'stage', r.stage, 'exercise', r.exercise,
         'reportedAt', ${ISO('r.reported_at')}, 'reportedBy', r.reporter,
         'report', ($1::jsonb -> 'report') || jsonb_build_object(
           'whatHappened', ($6::text[])[1 + floor(r.r_text * array_length($6::text[], 1))::int],
           'discoveredAt', ${ISO('r.discovered_at')}),
         'assessment', CASE WHEN r.stage <> 'reported' THEN jsonb_build_object(
           'conclusion', CASE WHEN r.outcome IN ('not-a-breach', 'near-miss') THEN r.outcome ELSE 'breach' END,
           'reasoning', 'Beoordeeld door de privacyfunctionaris.', 'assessedAt', ${ISO('r.assessed_at')},
           'assessedBy', r.reporter) END,
         'overviewCompletedAt', CASE WHEN r.stage = 'response' OR r.outcome = 'registered'
           THEN ${ISO('r.assessed_at')} END,
         'apDecision', CASE WHEN r.ap IS NOT NULL THEN jsonb_build_object(
           'notify', r.ap = 'notified', 'reasoning', 'Besluit na het risicoadvies.', 'advice', NULL,
           'departureReason', NULL, 'decidedAt', ${ISO('r.assessed_at')}, 'decidedBy', r.reporter) END,
         'apNotification', CASE WHEN r.ap = 'notified' THEN jsonb_build_object(
           'submittedAt', ${ISO('r.submitted_at')}, 'apReference', NULL,
           'delayReasons', CASE WHEN r.submitted_at > r.ap_deadline THEN 'Pas na het weekend volledig in beeld.' END,
           'recordedAt', ${ISO('r.submitted_at')}, 'recordedBy', r.reporter) END,
         'closure', CASE WHEN r.stage = 'closed' THEN jsonb_build_object(
           'outcome', r.outcome,
           'consequences', CASE WHEN r.outcome = 'registered' THEN 'Beperkt; betrokkenen geïnformeerd waar nodig.' END,
           'recurrencePrevention', NULL, 'closedAt', ${ISO('r.closed_at')}, 'closedBy', r.reporter) END),
       CASE WHEN r.stage = 'closed' THEN r.closed_at ELSE r.reported_at END
  FROM rows r LEFT JOIN incident_counters c ON c.organisation_id = r.org AND c.year = r.year
 ORDER BY r.reported_at`;

export async function seedIncidents(options: SeedOptions): Promise<SeedResult> {
  const { say } = options;
  const client = new pg.Client({ connectionString: options.migrationUrl, application_name: 'babyconnect-bench-seed' });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('BEGIN');
    // One big transaction of the schema owner; memory for the sort and the index inserts.
    await client.query(`SET LOCAL work_mem = '256MB'; SET LOCAL maintenance_work_mem = '512MB'`);
    await client.query('SELECT setseed(0.14)');
    const existing = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM organisations WHERE id = ANY($1::uuid[]) OR alias LIKE 'bench-seed-%'`,
      [options.demoOrganisationIds],
    );
    const missing = Math.max(0, options.organisations - existing.rows[0]!.n);
    const kinds = `(ARRAY['MIDWIFERY_PRACTICE', 'HOSPITAL', 'MATERNITY_CARE'])[1 + g % 3]::organisation_kind`;
    const created = await client.query(
      `INSERT INTO organisations (alias, name, kind)
       SELECT 'bench-seed-' || lpad(g::text, 3, '0'), 'Benchmarkorganisatie ' || g, ${kinds}
         FROM generate_series($1::int + 1, $1::int + $2::int) g`,
      [existing.rows[0]!.n, missing],
    );
    // Reporters: a few people per organisation (users are global rows; who belongs where is the token's business).
    await client.query('CREATE TEMP TABLE bench_seed_users (org uuid, idx int, id uuid) ON COMMIT DROP');
    await client.query(
      `WITH orgs AS (SELECT id FROM organisations WHERE id = ANY($1::uuid[]) OR alias LIKE 'bench-seed-%'),
            made AS (
              INSERT INTO users (issuer, subject, display_name)
              SELECT $2, o.id || '/' || i, 'Medewerker ' || i FROM orgs o, generate_series(1, $3::int) i
              ON CONFLICT (issuer, subject) DO UPDATE SET display_name = excluded.display_name
              RETURNING id, subject)
       INSERT INTO bench_seed_users
       SELECT split_part(subject, '/', 1)::uuid, split_part(subject, '/', 2)::int, id FROM made`,
      [options.demoOrganisationIds, SEED_ISSUER, USERS_PER_ORGANISATION],
    );
    await client.query('CREATE INDEX ON bench_seed_users (org, idx)');
    const users = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_seed_users');
    // The list's plain indexes (not those of constraints) are dropped and built again after the insert, exactly
    // as the migrations made them: one sorted build is many times faster than a million scattered inserts.
    const indexes = await client.query<{ name: string; definition: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid
        WHERE i.indrelid = 'incidents'::regclass AND c.oid IS NULL`,
    );
    for (const index of indexes.rows) await client.query(`DROP INDEX ${index.name}`);
    say(`seeding ${options.total} incidents over ${options.organisations} organisations …`);
    const inserted = await client.query(INSERT_INCIDENTS, [
      JSON.stringify(templateState(options.build, options.now)),
      options.demoOrganisationIds,
      options.organisations,
      options.total,
      options.now,
      WHAT_HAPPENED,
      USERS_PER_ORGANISATION,
    ]);
    for (const index of indexes.rows) await client.query(index.definition);
    // The counters go on after the seeded numbers, so a report made later still gets the next number without gaps.
    await client.query(`
      INSERT INTO incident_counters (organisation_id, year, last_number)
      SELECT organisation_id, year, max(number) FROM incidents GROUP BY organisation_id, year
      ON CONFLICT (organisation_id, year) DO UPDATE SET last_number = excluded.last_number`);
    await client.query('COMMIT');
    const insertSeconds = (performance.now() - started) / 1000;
    const vacuumStarted = performance.now();
    // Visibility map and statistics, as autovacuum would have them on a table that grew over years.
    await client.query('VACUUM (ANALYZE) incidents');
    await client.query('ANALYZE users; ANALYZE organisations; ANALYZE incident_counters');
    const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
    return {
      incidents: inserted.rowCount ?? 0,
      organisations: options.organisations,
      organisationsCreated: created.rowCount ?? 0,
      usersCreated: users.rows[0]!.n,
      insertSeconds,
      vacuumSeconds,
      ...(await describe(client, options.now, options.build.dueSoonHours)),
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function describe(client: pg.Client, now: Date, dueSoonHours: number) {
  const size = await client.query<{ table: string; indexes: string }>(
    `SELECT pg_table_size('incidents')::text AS table, pg_indexes_size('incidents')::text AS indexes`,
  );
  const orgs = await client.query<{ organisation_id: string; n: number }>(
    `SELECT organisation_id, count(*)::int AS n FROM incidents GROUP BY 1 ORDER BY 2 DESC`,
  );
  const stages = await client.query<{ k: string; n: number }>(
    `SELECT stage AS k, count(*)::int AS n FROM incidents GROUP BY 1 ORDER BY 1`,
  );
  const clocks = await client.query<{ k: string; n: number }>(
    `SELECT CASE
       WHEN ap_notified_at IS NOT NULL THEN CASE WHEN ap_notified_at > ap_deadline THEN 'met-late' ELSE 'met' END
       WHEN ap_not_needed THEN 'not-needed' WHEN ap_deadline < $1 THEN 'overdue'
       WHEN ap_deadline - $1 <= $2 * interval '1 hour' THEN 'due-soon' ELSE 'open' END AS k, count(*)::int AS n
       FROM incidents GROUP BY 1 ORDER BY 1`,
    [now, dueSoonHours],
  );
  const exercises = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM incidents WHERE exercise`);
  const tally = (rows: { k: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.k, r.n]));
  const first = orgs.rows[0]!;
  const last = orgs.rows.at(-1)!;
  return {
    tableMB: Math.round(Number(size.rows[0]!.table) / 1e6),
    indexesMB: Math.round(Number(size.rows[0]!.indexes) / 1e6),
    largest: { organisationId: first.organisation_id, incidents: first.n },
    smallest: { organisationId: last.organisation_id, incidents: last.n },
    byStage: tally(stages.rows),
    byClockState: tally(clocks.rows),
    exercises: exercises.rows[0]!.n,
  };
}
