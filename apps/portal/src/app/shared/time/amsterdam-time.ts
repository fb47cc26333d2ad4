import { DISPLAY_TIME_ZONE } from '@babyconnect/domain';
import type { Lang } from '../i18n/translation.service';

/**
 * Wall-clock time in Europe/Amsterdam, wherever the browser is: every organisation of the chain works in Dutch
 * time, and a midwife on holiday abroad still reports a breach in the practice's time. Instants stay instants
 * (ISO strings in UTC to and from the API); only what a person reads or types is Amsterdam wall time.
 */

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const ZONE_NAME = new Intl.DateTimeFormat('en-GB', { timeZone: DISPLAY_TIME_ZONE, timeZoneName: 'short' });

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallTime(instant: Date): WallTime {
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of PARTS.formatToParts(instant)) part[type] = value;
  return {
    year: Number(part.year),
    month: Number(part.month),
    day: Number(part.day),
    hour: Number(part.hour),
    minute: Number(part.minute),
    second: Number(part.second),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Amsterdam's offset from UTC at `instant`, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(instant: number): number {
  const w = wallTime(new Date(instant));
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/** The value of an `<input type="datetime-local">` (`2026-03-12T23:40`) for `instant` in Amsterdam time. */
export function toAmsterdamInput(instant: Date): string {
  const w = wallTime(instant);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant of an Amsterdam wall time typed into `<input type="datetime-local">`; null when it is not one.
 * - A time that happens twice (the last Sunday of October, 02:00–03:00) is taken as its **first** occurrence
 *   (summer time): the earlier discovery gives the earlier AP deadline — when in doubt, the safe side.
 * - A time that never happens (the last Sunday of March, 02:00–03:00) is taken as the same clock time in winter
 *   time, i.e. one hour later on the summer clock (what a clock that was not yet put forward showed).
 */
export function fromAmsterdamInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59
  ) {
    return null; // 31 February, 24:00 and the like
  }
  // The candidates are the wall time read with each offset the zone has around it; keep those that read back.
  const offsets = [...new Set([offsetAt(asUtc - 86_400_000), offsetAt(asUtc), offsetAt(asUtc + 86_400_000)])];
  const matching = offsets
    .map((offset) => asUtc - offset)
    .filter(
      (instant) => toAmsterdamInputWithSeconds(new Date(instant)) === wallKey(year, month, day, hour, minute, second),
    )
    .sort((a, b) => a - b);
  if (matching.length > 0) return new Date(matching[0]!);
  // In the spring gap: the winter offset (the larger instant of the two readings).
  return new Date(Math.max(...offsets.map((offset) => asUtc - offset)));
}

function wallKey(...parts: number[]): string {
  return parts.map(pad).join('|');
}

function toAmsterdamInputWithSeconds(instant: Date): string {
  const w = wallTime(instant);
  return wallKey(w.year, w.month, w.day, w.hour, w.minute, w.second);
}

/** `CET` or `CEST` at that instant: shown with every deadline, so a time in the October night is never ambiguous. */
export function amsterdamZoneName(instant: Date): string {
  const name = ZONE_NAME.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? '';
  // Some ICU builds say GMT+1 / GMT+2 instead of the abbreviation.
  return name === 'GMT+1' ? 'CET' : name === 'GMT+2' ? 'CEST' : name;
}

/**
 * "12-03-2026 23:40 CET" (nl) / "12/03/2026 23:40 CET" (en): short, for lists. Put together from the parts so it
 * does not depend on the browser's locale data.
 */
export function formatAmsterdamShort(iso: string | Date, lang: Lang): string {
  const instant = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(instant.getTime())) return String(iso);
  const w = wallTime(instant);
  const separator = lang === 'nl' ? '-' : '/';
  return `${pad(w.day)}${separator}${pad(w.month)}${separator}${w.year} ${pad(w.hour)}:${pad(w.minute)} ${amsterdamZoneName(instant)}`;
}
