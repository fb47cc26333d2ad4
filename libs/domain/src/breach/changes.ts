import type { IncidentCommandType } from './commands';
import type { Actor } from './incident';

/** A value as the history keeps it: JSON, instants as ISO-8601 UTC strings. */
export type ChangeValue = string | number | boolean | null | readonly ChangeValue[] | { [key: string]: ChangeValue };

/** One field's change, old → new (issue 14: the history shows old → new for decisions). */
export interface FieldChange {
  field: string;
  from: ChangeValue;
  to: ChangeValue;
}

/**
 * Every command's type, the report itself, and `chain-acknowledged`: an informed chain partner acknowledged the
 * partner notification, which moves its linked incident's discovery to that moment (its own 72 hours run from
 * there; the chain module writes it, not a workflow command).
 */
export type IncidentEventType = 'reported' | 'chain-acknowledged' | IncidentCommandType;

/**
 * What the caller stores for every accepted command: who, when, which fields went from what to what, and why.
 * The workflow returns these and keeps no history itself; the API writes them in the same transaction as the
 * change and its access-log row.
 */
export interface IncidentEvent {
  type: IncidentEventType;
  at: Date;
  personId: string;
  roles: readonly string[];
  /** The incident's version after this event. */
  version: number;
  changes: readonly FieldChange[];
  reason: string | null;
}

export function toChangeValue(value: unknown): ChangeValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toChangeValue);
  if (typeof value === 'object') {
    const out: { [key: string]: ChangeValue } = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toChangeValue(inner);
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/**
 * The leaves that differ between `before` and `after`, named by path (`recipients.count`). Arrays and
 * approximate counts are compared whole: "groups went from [clients] to [clients, newborns]" reads better than
 * an index-by-index list.
 */
export function diff(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isRecord(before) && isRecord(after) && !isLeafRecord(before) && !isLeafRecord(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((key) => diff(before[key], after[key], path ? `${path}.${key}` : key));
  }
  const from = toChangeValue(before);
  const to = toChangeValue(after);
  return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ field: path, from, to }];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** An approximate count (`{ kind: … }`) is one answer, not three fields. */
function isLeafRecord(value: Record<string, unknown>): boolean {
  return 'kind' in value;
}

export function makeEvent(
  type: IncidentEventType,
  actor: Actor,
  at: Date,
  version: number,
  changes: readonly FieldChange[],
  reason: string | null = null,
): IncidentEvent {
  return { type, at, personId: actor.personId, roles: [...actor.roles], version, changes, reason };
}
