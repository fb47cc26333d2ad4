// The database probe of issue 14's "Speed": the incident list's SQL, built by the API's own incidentListSql
// (from the build), for one organisation, for every combination of the list's filters, run as the API runs it —
// the app role (row-level security applies), one transaction per page with set_config('app.tenant_id', …, true).
// Reports the median and p95 of the statement's round trip per combination, with the key node of its plan, and
// writes every EXPLAIN (ANALYZE, BUFFERS) to a file beside the result.
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import type { ApiBuild, IncidentListQuery } from './api-build.ts';
import { SET_TENANT_SQL } from './floor-sql.ts';
import { median, percentile } from './stats.ts';

/** The list's filter values (incidents(filter: …) and the employee's own reports). Extend with new filters/sorts. */
export const LIST_DIMENSIONS = {
  who: ['all', 'own'] as const,
  stage: [null, 'reported', 'overview', 'response', 'closed'] as const,
  exercise: [null, true, false] as const,
  clockState: [null, 'open', 'due-soon', 'overdue', 'met', 'met-late', 'not-needed'] as const,
  sort: ['reported-newest', 'deadline-soonest', 'discovered-newest'] as const,
  /** A reference's number part (matches one or a few incidents) and a word no seeded text holds (matches none). */
  text: ['0042', 'ransomware'] as const,
  /** The period of discovery: the last 30 days before the probe's `now`, or the year before that. */
  period: ['last-30-days', 'year-before'] as const,
};

export type ListPeriod = (typeof LIST_DIMENSIONS.period)[number];

export interface ListCase {
  name: string;
  who: 'all' | 'own';
  stage: IncidentListQuery['stage'];
  exercise: IncidentListQuery['exercise'];
  clockState: IncidentListQuery['clockState'];
  sort: IncidentListQuery['sort'];
  text: string | null;
  period: ListPeriod | null;
}

/**
 * The cases: every combination of who × stage × exercise × clock state in the default order (the cross product),
 * then for each other order who × each single filter, then the search text and the period in every order. Named
 * like `own stage=closed clock=met` or `all sort=deadline-soonest text=0042`.
 */
export function listCases(): ListCase[] {
  const cases: ListCase[] = [];
  const add = (c: Omit<ListCase, 'name'>) => {
    const parts = [
      c.who,
      c.sort !== 'reported-newest' && `sort=${c.sort}`,
      c.stage && `stage=${c.stage}`,
      c.exercise !== null && `exercise=${c.exercise}`,
      c.clockState && `clock=${c.clockState}`,
      c.text && `text=${c.text}`,
      c.period && `period=${c.period}`,
    ];
    cases.push({ name: parts.filter(Boolean).join(' '), ...c });
  };
  const none = { stage: null, exercise: null, clockState: null, text: null, period: null } as const;
  for (const who of LIST_DIMENSIONS.who)
    for (const stage of LIST_DIMENSIONS.stage)
      for (const exercise of LIST_DIMENSIONS.exercise)
        for (const clockState of LIST_DIMENSIONS.clockState)
          add({ ...none, who, stage, exercise, clockState, sort: 'reported-newest' });
  for (const sort of LIST_DIMENSIONS.sort.slice(1))
    for (const who of LIST_DIMENSIONS.who) {
      add({ ...none, who, sort });
      for (const stage of LIST_DIMENSIONS.stage.slice(1)) add({ ...none, who, sort, stage });
      for (const exercise of LIST_DIMENSIONS.exercise.slice(1)) add({ ...none, who, sort, exercise });
      for (const clockState of LIST_DIMENSIONS.clockState.slice(1)) add({ ...none, who, sort, clockState });
    }
  for (const sort of LIST_DIMENSIONS.sort)
    for (const who of LIST_DIMENSIONS.who) {
      for (const text of LIST_DIMENSIONS.text) add({ ...none, who, sort, text });
      for (const period of LIST_DIMENSIONS.period) add({ ...none, who, sort, period });
    }
  return cases;
}

/** The period's bounds at `now`: [from, to) of discovery. */
export function periodBounds(period: ListPeriod, now: Date): { from: Date; to: Date } {
  const day = 86_400_000;
  return period === 'last-30-days'
    ? { from: new Date(now.getTime() - 30 * day), to: now }
    : { from: new Date(now.getTime() - 395 * day), to: new Date(now.getTime() - 30 * day) };
}

/** The keyset value of a row for the list's order (what the API's cursor keeps). */
function cursorAt(row: ListRow, sort: IncidentListQuery['sort']): Date {
  return sort === 'deadline-soonest'
    ? row.apDeadline
    : sort === 'discovered-newest'
      ? row.discoveredAt
      : row.reportedAt;
}

interface ListRow {
  id: string;
  reportedAt: Date;
  discoveredAt: Date;
  apDeadline: Date;
}

export interface ProbeCaseResult {
  name: string;
  page: 1 | 2;
  rows: number;
  /** The statement's round trip from this client (the API's driver adds the same). */
  medianMs: number;
  p95Ms: number;
  /** Planning + execution inside PostgreSQL, from EXPLAIN (ANALYZE, TIMING OFF) runs: the time at the database. */
  dbMedianMs: number;
  dbP95Ms: number;
  /** From EXPLAIN ANALYZE: the scan that found the rows, e.g. "Index Scan using incidents_list: 51 rows, 0 removed". */
  keyNode: string;
  planningMs: number;
  executionMs: number;
  sharedHit: number;
  sharedRead: number;
}

export interface ProbeResult {
  organisationId: string;
  organisationIncidents: number;
  employeeId: string;
  employeeIncidents: number;
  runsPerCase: number;
  cases: ProbeCaseResult[];
  /** Over every case and page: the slowest median at the database, and how many were above 10 ms. */
  worst: { name: string; page: number; dbMedianMs: number; medianMs: number; keyNode: string };
  over10ms: number;
  planFile: string;
  seconds: number;
}

export interface ProbeOptions {
  appUrl: string;
  build: ApiBuild;
  organisationId: string;
  now: Date;
  runs: number;
  planFile: string;
  say: (line: string) => void;
}

const PAGE = 50;

export async function probeIncidentList(options: ProbeOptions): Promise<ProbeResult> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: options.appUrl, application_name: 'babyconnect-bench-probe' });
  await client.connect();
  const inTenant = async <T>(work: () => Promise<T>): Promise<T> => {
    await client.query('BEGIN');
    try {
      await client.query(SET_TENANT_SQL, [options.organisationId]);
      return await work();
    } finally {
      await client.query('COMMIT');
    }
  };
  try {
    // The organisation's most active reporter stands in for an employee following their own reports.
    const { employeeId, employeeIncidents, organisationIncidents } = await inTenant(async () => {
      const top = await client.query<{ reported_by: string; n: number; total: number }>(
        `SELECT reported_by, count(*)::int AS n, sum(count(*)) OVER ()::int AS total
           FROM incidents GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
      );
      const row = top.rows[0];
      if (!row) throw new Error(`organisation ${options.organisationId} has no incidents to probe`);
      return { employeeId: row.reported_by, employeeIncidents: row.n, organisationIncidents: row.total };
    });
    const plans: string[] = [
      `Incident list plans: organisation ${options.organisationId} (${organisationIncidents} incidents), ` +
        `employee ${employeeId} (${employeeIncidents}), now ${options.now.toISOString()}, page of ${PAGE} (+1).`,
    ];
    const results: ProbeCaseResult[] = [];
    for (const c of listCases()) {
      let after: IncidentListQuery['after'] = null;
      for (const page of [1, 2] as const) {
        const bounds = c.period ? periodBounds(c.period, options.now) : null;
        const query: IncidentListQuery = {
          first: PAGE + 1,
          after,
          sort: c.sort,
          reportedBy: c.who === 'own' ? employeeId : null,
          stage: c.stage,
          exercise: c.exercise,
          clockState: c.clockState,
          discoveredFrom: bounds?.from ?? null,
          discoveredTo: bounds?.to ?? null,
          text: c.text,
          now: options.now,
        };
        const { sql, params } = options.build.incidentListSql(options.organisationId, query);
        const run = () => inTenant(() => client.query<ListRow>(sql, params));
        await run(); // warm: the first run of a statement pays for parsing and cold pages
        const times: number[] = [];
        let rows: ListRow[] = [];
        for (let i = 0; i < options.runs; i += 1) {
          await inTenant(async () => {
            const t0 = performance.now();
            rows = (await client.query<ListRow>(sql, params)).rows;
            times.push(performance.now() - t0);
          });
        }
        const dbTimes: number[] = [];
        for (let i = 0; i < options.runs; i += 1) {
          await inTenant(async () => {
            const plan = await client.query<{ 'QUERY PLAN': ExplainJson[] }>(
              `EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${sql}`,
              params,
            );
            const p = plan.rows[0]!['QUERY PLAN'][0]!;
            dbTimes.push(p['Planning Time'] + p['Execution Time']);
          });
        }
        const explained = await inTenant(async () => {
          const json = await client.query<{ 'QUERY PLAN': ExplainJson[] }>(
            `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`,
            params,
          );
          const text = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
          return { json: json.rows[0]!['QUERY PLAN'][0]!, text: text.rows.map((r) => r['QUERY PLAN']).join('\n') };
        });
        const result: ProbeCaseResult = {
          name: c.name,
          page,
          rows: rows.length,
          medianMs: median(times),
          p95Ms: percentile(times, 95),
          dbMedianMs: median(dbTimes),
          dbP95Ms: percentile(dbTimes, 95),
          keyNode: keyNode(explained.json.Plan),
          planningMs: explained.json['Planning Time'],
          executionMs: explained.json['Execution Time'],
          sharedHit: explained.json.Plan['Shared Hit Blocks'] ?? 0,
          sharedRead: explained.json.Plan['Shared Read Blocks'] ?? 0,
        };
        results.push(result);
        plans.push(
          '',
          `=== ${c.name}, page ${page}: ${rows.length} rows; at the database median ${result.dbMedianMs.toFixed(2)} ms, ` +
            `p95 ${result.dbP95Ms.toFixed(2)} ms; round trip median ${result.medianMs.toFixed(2)} ms`,
          sql,
          `-- params: ${JSON.stringify(params)}`,
          explained.text,
        );
        // Page 2 only where page 1 was full (a keyset continues after its last row).
        const last = rows[PAGE - 1];
        if (rows.length <= PAGE || !last) break;
        after = { sort: c.sort, at: cursorAt(last, c.sort), id: last.id };
      }
    }
    writeFileSync(options.planFile, `${plans.join('\n')}\n`);
    const worst = results.reduce((a, b) => (b.dbMedianMs > a.dbMedianMs ? b : a));
    return {
      organisationId: options.organisationId,
      organisationIncidents,
      employeeId,
      employeeIncidents,
      runsPerCase: options.runs,
      cases: results,
      worst: {
        name: worst.name,
        page: worst.page,
        dbMedianMs: worst.dbMedianMs,
        medianMs: worst.medianMs,
        keyNode: worst.keyNode,
      },
      over10ms: results.filter((r) => r.dbMedianMs > 10).length,
      planFile: options.planFile,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}

export interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}
interface ExplainJson {
  Plan: PlanNode;
  'Planning Time': number;
  'Execution Time': number;
}

/** The node that reads the table (the first scan in the tree), with what it returned and threw away. */
export function keyNode(plan: PlanNode): string {
  const scans: PlanNode[] = [];
  const walk = (node: PlanNode): void => {
    if (/Scan/.test(node['Node Type'])) scans.push(node);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan);
  if (scans.length === 0) return plan['Node Type'];
  const describe = (scan: PlanNode): string => {
    const loops = scan['Actual Loops'] ?? 1;
    const on = scan['Index Name']
      ? ` using ${scan['Index Name']}`
      : scan['Relation Name']
        ? ` on ${scan['Relation Name']}`
        : '';
    const removed = (scan['Rows Removed by Filter'] ?? 0) * loops;
    return `${scan['Node Type']}${on}: ${(scan['Actual Rows'] ?? 0) * loops} rows${removed ? `, ${removed} removed by filter` : ''}`;
  };
  const sorted = JSON.stringify(plan).includes('"Node Type":"Sort"') ? ' → Sort' : '';
  return `${scans.map(describe).join(' ← ')}${sorted}`;
}
