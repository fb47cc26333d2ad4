// A synthetic day of the viewer's access log for `npm run bench -- --only detect`: many accounts of the chain's
// demo organisations working their shifts (most of the day's events), plus a few accounts that each break exactly
// one detection rule once. Pure and deterministic (a seeded generator, no I/O), so bench.spec.ts checks with the
// domain's own `detect` that the normal accounts stay below every threshold and each anomaly raises exactly the
// alert listed in `expected`.
//
// The thresholds assumed are the API's defaults (DEFAULT_DETECTION_SETTINGS, docs/viewer-log-format.md):
// MANY_ORGANISATIONS ≥ 3 other organisations or ≥ 50 distinct records in an hour; UNUSUAL_HOURS ≥ 20 accesses in an
// hour starting 22:00–05:59 Amsterdam time; TWO_ORGANISATIONS two organisations in one 10-minute block. A normal
// account stays clear of each by construction: a caseload of 40 own clients and 5 of one partner organisation
// (≤ 45 distinct records and ≤ 1 other organisation an hour), at most 15 accesses an hour in the night hours, and
// one organisation only.

export const DAY_HEADER = 'timestamp,user,user_organisation,record_organisation,record_pseudonym,action';
const HOUR = 3_600_000;
const MINUTE = 60_000;

type Shift = 'day' | 'evening' | 'night';

/** The demo organisations that hold client records, with their share of the viewer's accounts and their shifts. */
export const DAY_ORGANISATIONS: readonly { alias: string; share: number; shifts: readonly Shift[] }[] = [
  { alias: 'zh-zuiderhaven', share: 0.4, shifts: ['day', 'evening', 'night'] },
  { alias: 'kz-zonnedauw', share: 0.25, shifts: ['day', 'evening', 'night'] },
  { alias: 'vp-de-wieg', share: 0.2, shifts: ['day', 'evening'] },
  { alias: 'vp-het-nest', share: 0.15, shifts: ['day', 'evening'] },
];

/** First Amsterdam hour and accesses per hour (range) of each shift; every shift lasts eight hours. */
const SHIFTS: Record<Shift, { weight: number; firstHours: readonly number[]; rate: readonly [number, number] }> = {
  day: { weight: 0.7, firstHours: [7, 8, 9], rate: [20, 40] },
  evening: { weight: 0.2, firstHours: [15], rate: [16, 32] },
  night: { weight: 0.1, firstHours: [23], rate: [6, 15] },
};
/** At most this many accesses an hour in the night hours (the rule raises at 20). */
const NIGHT_RATE_CAP = 15;
const CASELOAD = 40;
const PARTNER_CASELOAD = 5;
const PARTNER_SHARE = 0.1;
/** Clients per organisation the caseloads are drawn from. */
const CLIENTS = 50_000;

export interface DayOptions {
  /** Events in the day, anomalies included. */
  events: number;
  /** Start of the day (whole hour, ms); the day is the 24 hours from there. */
  start: number;
  /** Minutes of the day per pushed batch (1: one batch per minute). */
  batchMinutes: number;
  seed?: number;
}

export interface ExpectedAlert {
  rule: 'MANY_ORGANISATIONS' | 'UNUSUAL_HOURS' | 'TWO_ORGANISATIONS';
  account: string;
  windowStart: number;
  /** Aliases of the organisations the alert is raised in. */
  organisations: string[];
}

export interface SyntheticDay {
  start: number;
  batchMinutes: number;
  /** The lines of each batch, in time order (no header). */
  batches: string[][];
  events: number;
  normalAccounts: number;
  anomalousAccounts: number;
  expected: ExpectedAlert[];
}

/** Accounts that break a rule are named `verdacht.*`; a normal account never is. */
export const ANOMALY_PREFIX = 'verdacht.';

export function syntheticDay(options: DayOptions): SyntheticDay {
  const { start, batchMinutes } = options;
  if (start % HOUR !== 0) throw new Error('The day starts at a whole hour.');
  if (!Number.isInteger(batchMinutes) || batchMinutes < 1 || (24 * 60) % batchMinutes !== 0)
    throw new Error('batchMinutes must divide the day (1, 2, 5, 10, 15, …).');
  const random = mulberry32(options.seed ?? 18);
  const batches: string[][] = Array.from({ length: (24 * 60) / batchMinutes }, () => []);
  const add = (at: number, account: string, userOrg: string, recordOrg: string, pseudonym: string): void => {
    batches[Math.floor((at - start) / (batchMinutes * MINUTE))]!.push(
      `${new Date(at).toISOString()},${account},${userOrg},${recordOrg},${pseudonym},open`,
    );
  };
  /** The UTC start of the hour of the day that is `hour` o'clock in Amsterdam. */
  const localHour = (hour: number): number => {
    for (let h = 0; h < 24; h++) if (amsterdamHour(start + h * HOUR) === hour) return start + h * HOUR;
    // The hour skipped when summer time starts: take the next one.
    return localHour((hour + 1) % 24);
  };
  const client = (orgIndex: number, n: number): string =>
    `PSN-${orgIndex}${n.toString(16).toUpperCase().padStart(5, '0')}`;

  // The anomalies first: their events are few and their count is subtracted from the normal accounts' share.
  const expected: ExpectedAlert[] = [];
  let anomalyEvents = 0;
  const anomaly = (at: number, account: string, userOrg: string, recordOrg: string, pseudonym: string): void => {
    add(at, account, userOrg, recordOrg, pseudonym);
    anomalyEvents++;
  };
  const [zh, kz, wieg, nest] = DAY_ORGANISATIONS.map((o) => o.alias) as [string, string, string, string];
  // MANY_ORGANISATIONS by organisations: four records each of three other organisations in one hour.
  const ten = localHour(10);
  [nest, zh, kz].forEach((org, o) => {
    for (let i = 0; i < 4; i++)
      anomaly(ten + (o * 4 + i) * 3 * MINUTE + 7_000, `${ANOMALY_PREFIX}veel.1`, wieg, org, client(9, o * 10 + i));
  });
  expected.push({
    rule: 'MANY_ORGANISATIONS',
    account: `${ANOMALY_PREFIX}veel.1`,
    windowStart: ten,
    organisations: [kz, nest, zh],
  });
  // MANY_ORGANISATIONS by clients: 60 distinct records of the own organisation in one hour.
  const two = localHour(14);
  for (let i = 0; i < 60; i++) anomaly(two + i * MINUTE + 30_000, `${ANOMALY_PREFIX}veel.2`, zh, zh, client(8, i));
  expected.push({
    rule: 'MANY_ORGANISATIONS',
    account: `${ANOMALY_PREFIX}veel.2`,
    windowStart: two,
    organisations: [zh],
  });
  // UNUSUAL_HOURS: 25 accesses between 02:00 and 03:00, and 30 between 23:00 and 00:00, of few own records.
  const night = localHour(2);
  for (let i = 0; i < 25; i++)
    anomaly(night + i * 2 * MINUTE + 5_000, `${ANOMALY_PREFIX}nacht.1`, kz, kz, client(7, i % 10));
  expected.push({
    rule: 'UNUSUAL_HOURS',
    account: `${ANOMALY_PREFIX}nacht.1`,
    windowStart: night,
    organisations: [kz],
  });
  const late = localHour(23);
  for (let i = 0; i < 30; i++)
    anomaly(late + i * 2 * MINUTE + 9_000, `${ANOMALY_PREFIX}nacht.2`, nest, nest, client(6, i % 12));
  expected.push({
    rule: 'UNUSUAL_HOURS',
    account: `${ANOMALY_PREFIX}nacht.2`,
    windowStart: late,
    organisations: [nest],
  });
  // TWO_ORGANISATIONS: one account acting for two organisations within one 10-minute block.
  const eleven = localHour(11) + 20 * MINUTE;
  for (let i = 0; i < 6; i++) {
    const org = i % 2 ? nest : wieg;
    anomaly(eleven + i * MINUTE + 11_000, `${ANOMALY_PREFIX}dubbel.1`, org, org, client(5, i));
  }
  expected.push({
    rule: 'TWO_ORGANISATIONS',
    account: `${ANOMALY_PREFIX}dubbel.1`,
    windowStart: eleven,
    organisations: [nest, wieg],
  });
  const four = localHour(16) + 40 * MINUTE;
  for (let i = 0; i < 4; i++) {
    const org = i % 2 ? kz : zh;
    anomaly(four + i * 2 * MINUTE + 13_000, `${ANOMALY_PREFIX}dubbel.2`, org, org, client(4, i));
  }
  expected.push({
    rule: 'TWO_ORGANISATIONS',
    account: `${ANOMALY_PREFIX}dubbel.2`,
    windowStart: four,
    organisations: [kz, zh],
  });

  // Normal accounts until the day is full; the last one stops where the total is reached.
  const amsterdamHours = Array.from({ length: 24 }, (_, h) => amsterdamHour(start + h * HOUR));
  let left = options.events - anomalyEvents;
  let accounts = 0;
  const perOrganisation = DAY_ORGANISATIONS.map(() => 0);
  while (left > 0) {
    const orgIndex = pick(
      random,
      DAY_ORGANISATIONS.map((o) => o.share),
    );
    const org = DAY_ORGANISATIONS[orgIndex]!;
    const shift =
      org.shifts[
        pick(
          random,
          org.shifts.map((s) => SHIFTS[s].weight),
        )
      ]!;
    const plan = SHIFTS[shift];
    const first = plan.firstHours[Math.floor(random() * plan.firstHours.length)]!;
    const rate = plan.rate[0] + Math.floor(random() * (plan.rate[1] - plan.rate[0] + 1));
    const partnerIndex =
      (orgIndex + 1 + Math.floor(random() * (DAY_ORGANISATIONS.length - 1))) % DAY_ORGANISATIONS.length;
    const caseload = Array.from({ length: CASELOAD }, () => client(orgIndex, Math.floor(random() * CLIENTS)));
    const partnerCaseload = Array.from({ length: PARTNER_CASELOAD }, () =>
      client(partnerIndex, Math.floor(random() * CLIENTS)),
    );
    const account = `${org.alias.split('-').pop()}.${String(++perOrganisation[orgIndex]!).padStart(4, '0')}`;
    accounts++;
    for (let h = 0; h < 24 && left > 0; h++) {
      const local = amsterdamHours[h]!;
      if ((local - first + 24) % 24 >= 8) continue;
      const accesses = Math.min(left, isNightHour(local) ? Math.min(rate, NIGHT_RATE_CAP) : rate);
      for (let i = 0; i < accesses; i++) {
        const at = start + h * HOUR + Math.floor(random() * HOUR);
        const partner = random() < PARTNER_SHARE;
        const pseudonym = partner
          ? partnerCaseload[Math.floor(random() * PARTNER_CASELOAD)]!
          : caseload[Math.floor(random() * CASELOAD)]!;
        add(at, account, org.alias, DAY_ORGANISATIONS[partner ? partnerIndex : orgIndex]!.alias, pseudonym);
      }
      left -= accesses;
    }
  }
  // Each batch in time order, as the viewer writes its log.
  for (const lines of batches) lines.sort();
  return {
    start,
    batchMinutes,
    batches,
    events: options.events,
    normalAccounts: accounts,
    anomalousAccounts: expected.length,
    expected,
  };
}

/** A batch as pushed: the export's header, CRLF lines. */
export function batchBody(lines: readonly string[]): string {
  return `${DAY_HEADER}\r\n${lines.join('\r\n')}\r\n`;
}

/**
 * Where each round's chunk of batches ends: chunks of about equal events (a night hour has a tenth of a morning
 * hour's events), so the pushing phases — and the idle phases that copy their length — are alike.
 */
export function chunkBounds(sizes: readonly number[], rounds: number): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const bounds: number[] = [];
  let sum = 0;
  for (let i = 0; i < sizes.length; i++) {
    sum += sizes[i]!;
    if (bounds.length < rounds - 1 && sum >= (total * (bounds.length + 1)) / rounds) bounds.push(i + 1);
  }
  while (bounds.length < rounds) bounds.push(sizes.length);
  return bounds;
}

/**
 * The `length` consecutive batches holding the most events: `[from, to)` indices. The busiest hours of the day are
 * where pushing competes most with other users, so a paced run measures there.
 */
export function busiestWindow(sizes: readonly number[], length: number): { from: number; to: number } {
  const n = Math.min(Math.max(1, length), sizes.length);
  let sum = sizes.slice(0, n).reduce((a, b) => a + b, 0);
  let best = sum;
  let from = 0;
  for (let i = n; i < sizes.length; i++) {
    sum += sizes[i]! - sizes[i - n]!;
    if (sum > best) [best, from] = [sum, i - n + 1];
  }
  return { from, to: from + n };
}

/** UNUSUAL_HOURS' default hours: 22:00 to 06:00 Amsterdam time. */
function isNightHour(hour: number): boolean {
  return hour >= 22 || hour < 6;
}

const hourFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  hourCycle: 'h23',
});

function amsterdamHour(at: number): number {
  return Number(hourFormat.format(new Date(at)));
}

function pick(random: () => number, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** A small seeded generator (mulberry32): the same day every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
