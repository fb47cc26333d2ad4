import { DISPLAY_TIME_ZONE } from '../time/display';

/**
 * Detection on the viewer's access log (issue 18): three documented rules, each with its own thresholds, each alert
 * naming the rule, the window and the counts. Windows are fixed blocks of time (tumbling windows aligned to the
 * epoch: 10:00–11:00, 11:00–12:00, …) rather than sliding ones: an alert then says "in the hour from 02:00 to 03:00"
 * and the same events always give the same alert, whoever computes it and however often (its key is rule, account
 * and block). The price: a burst that straddles a block boundary is split; the thresholds are set with that in
 * mind. See docs/viewer-log-format.md, "Detection rules".
 */
export const DETECTION_RULES = ['MANY_ORGANISATIONS', 'UNUSUAL_HOURS', 'TWO_ORGANISATIONS'] as const;
export type DetectionRule = (typeof DETECTION_RULES)[number];

export interface DetectionSettings {
  /**
   * One account opening records of unusually many organisations or clients: in one window of `windowMinutes`, at
   * least `organisations` distinct record organisations other than the account's own, or at least `records`
   * distinct records (clients) of any organisation.
   */
  manyOrganisations: { windowMinutes: number; organisations: number; records: number };
  /**
   * A burst at unusual hours: at least `accesses` accesses by one account in one window of `windowMinutes` whose
   * start lies between `fromHour` and `toHour` (Europe/Amsterdam, wrapping past midnight: 22 → 6).
   */
  unusualHours: { windowMinutes: number; accesses: number; fromHour: number; toHour: number };
  /** One account acting for two (or more) organisations inside one window of `windowMinutes`. */
  twoOrganisations: { windowMinutes: number };
}

export const DEFAULT_DETECTION_SETTINGS: DetectionSettings = {
  manyOrganisations: { windowMinutes: 60, organisations: 3, records: 50 },
  unusualHours: { windowMinutes: 60, accesses: 20, fromHour: 22, toHour: 6 },
  twoOrganisations: { windowMinutes: 10 },
};

/** One access as detection sees it: the record only as a salted hash. */
export interface DetectionEvent {
  at: number;
  account: string;
  userOrganisationId: string;
  recordOrganisationId: string;
  recordKey: string;
}

export interface DetectionAlert {
  /** Stable: rule, account and window start. The same events never raise a second alert. */
  key: string;
  rule: DetectionRule;
  account: string;
  windowStart: Date;
  windowEnd: Date;
  accesses: number;
  distinctRecords: number;
  distinctOrganisations: number;
  /** The organisations whose records were opened (rule 1 and 2) or the ones the account acted for (rule 3). */
  affectedOrganisationIds: string[];
  /** The organisation(s) the account acted for in the window. */
  accountOrganisationIds: string[];
}

/**
 * What one rule's window knows of one account: counts and organisations, never the events. The rules judge only
 * this, so a caller may count the events where they are (the API does it in PostgreSQL) instead of handing them in.
 */
export interface DetectionBlock {
  /** Start of the window (ms since the epoch, a multiple of the rule's window). */
  start: number;
  account: string;
  accesses: number;
  /** Distinct records: distinct (record organisation, record key) pairs. */
  distinctRecords: number;
  recordOrganisationIds: readonly string[];
  userOrganisationIds: readonly string[];
}

/** The blocks of each rule's own windows. */
export type DetectionBlocks = Record<DetectionRule, Iterable<DetectionBlock>>;

/** Each rule's window in minutes, as the settings give it. */
export function detectionWindows(settings: DetectionSettings): Record<DetectionRule, number> {
  return {
    MANY_ORGANISATIONS: settings.manyOrganisations.windowMinutes,
    UNUSUAL_HOURS: settings.unusualHours.windowMinutes,
    TWO_ORGANISATIONS: settings.twoOrganisations.windowMinutes,
  };
}

interface Block {
  start: number;
  account: string;
  accesses: number;
  records: Set<string>;
  recordOrganisations: Set<string>;
  userOrganisations: Set<string>;
}

/**
 * Applies the three rules to a set of events (any order; the caller hands in every event of the windows it wants
 * judged). Pure and deterministic: the alerts come back sorted by window, rule and account.
 */
export function detect(
  events: Iterable<DetectionEvent>,
  settings: DetectionSettings = DEFAULT_DETECTION_SETTINGS,
): DetectionAlert[] {
  const windows = detectionWindows(settings);
  const rules = DETECTION_RULES.map((rule) => ({ rule, minutes: windows[rule] }));
  const blocks = rules.map(() => new Map<string, Block>());
  for (const event of events) {
    rules.forEach(({ minutes }, i) => {
      const size = minutes * 60_000;
      const start = Math.floor(event.at / size) * size;
      const id = `${start}|${event.account}`;
      let block = blocks[i]!.get(id);
      if (!block) {
        block = {
          start,
          account: event.account,
          accesses: 0,
          records: new Set(),
          recordOrganisations: new Set(),
          userOrganisations: new Set(),
        };
        blocks[i]!.set(id, block);
      }
      block.accesses++;
      block.records.add(`${event.recordOrganisationId}|${event.recordKey}`);
      block.recordOrganisations.add(event.recordOrganisationId);
      block.userOrganisations.add(event.userOrganisationId);
    });
  }
  const counted = (i: number): DetectionBlock[] =>
    [...blocks[i]!.values()].map((b) => ({
      start: b.start,
      account: b.account,
      accesses: b.accesses,
      distinctRecords: b.records.size,
      recordOrganisationIds: [...b.recordOrganisations],
      userOrganisationIds: [...b.userOrganisations],
    }));
  return judgeBlocks(
    { MANY_ORGANISATIONS: counted(0), UNUSUAL_HOURS: counted(1), TWO_ORGANISATIONS: counted(2) },
    settings,
  );
}

/**
 * The three rules over counted windows (each block complete: every event of its account in its window). Pure and
 * deterministic: the alerts come back sorted by window, rule and account.
 */
export function judgeBlocks(
  blocks: DetectionBlocks,
  settings: DetectionSettings = DEFAULT_DETECTION_SETTINGS,
): DetectionAlert[] {
  const alerts: DetectionAlert[] = [];
  const alert = (rule: DetectionRule, minutes: number, b: DetectionBlock, affected: Iterable<string>): void => {
    alerts.push({
      key: `${rule}|${b.account}|${new Date(b.start).toISOString()}`,
      rule,
      account: b.account,
      windowStart: new Date(b.start),
      windowEnd: new Date(b.start + minutes * 60_000),
      accesses: b.accesses,
      distinctRecords: b.distinctRecords,
      distinctOrganisations: new Set(b.recordOrganisationIds).size,
      affectedOrganisationIds: [...new Set(affected)].sort(),
      accountOrganisationIds: [...new Set(b.userOrganisationIds)].sort(),
    });
  };
  const many = settings.manyOrganisations;
  for (const b of blocks.MANY_ORGANISATIONS) {
    const own = new Set(b.userOrganisationIds);
    const others = new Set(b.recordOrganisationIds.filter((o) => !own.has(o)));
    if (others.size >= many.organisations || b.distinctRecords >= many.records)
      alert('MANY_ORGANISATIONS', many.windowMinutes, b, b.recordOrganisationIds);
  }
  const night = settings.unusualHours;
  for (const b of blocks.UNUSUAL_HOURS) {
    if (b.accesses >= night.accesses && isUnusualHour(amsterdamHour(b.start), night.fromHour, night.toHour))
      alert('UNUSUAL_HOURS', night.windowMinutes, b, b.recordOrganisationIds);
  }
  for (const b of blocks.TWO_ORGANISATIONS) {
    if (new Set(b.userOrganisationIds).size >= 2)
      alert('TWO_ORGANISATIONS', settings.twoOrganisations.windowMinutes, b, b.userOrganisationIds);
  }
  alerts.sort(
    (a, b) =>
      a.windowStart.getTime() - b.windowStart.getTime() ||
      a.rule.localeCompare(b.rule) ||
      a.account.localeCompare(b.account),
  );
  return alerts;
}

/** Whether `hour` lies in [from, to), wrapping past midnight when from > to. */
export function isUnusualHour(hour: number, from: number, to: number): boolean {
  return from <= to ? hour >= from && hour < to : hour >= from || hour < to;
}

const hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: DISPLAY_TIME_ZONE, hour: '2-digit', hourCycle: 'h23' });

/** The hour of the day in Europe/Amsterdam (0–23), daylight saving included. */
export function amsterdamHour(at: number): number {
  return Number(hourFormat.format(new Date(at)));
}

/** The settings with every threshold a positive whole number and hours within the day; problems by path. */
export function checkDetectionSettings(s: DetectionSettings): string[] {
  const problems: string[] = [];
  const positive = (path: string, v: number) => {
    if (!Number.isInteger(v) || v < 1) problems.push(path);
  };
  positive('manyOrganisations.windowMinutes', s.manyOrganisations.windowMinutes);
  positive('manyOrganisations.organisations', s.manyOrganisations.organisations);
  positive('manyOrganisations.records', s.manyOrganisations.records);
  positive('unusualHours.windowMinutes', s.unusualHours.windowMinutes);
  positive('unusualHours.accesses', s.unusualHours.accesses);
  positive('twoOrganisations.windowMinutes', s.twoOrganisations.windowMinutes);
  for (const [path, v] of [
    ['unusualHours.fromHour', s.unusualHours.fromHour],
    ['unusualHours.toHour', s.unusualHours.toHour],
  ] as const) {
    if (!Number.isInteger(v) || v < 0 || v > 23) problems.push(path);
  }
  return problems;
}
