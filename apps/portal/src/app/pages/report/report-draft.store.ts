import { DOCUMENT, Injectable, inject } from '@angular/core';
import type { ChainScenario, YesNoUnknown } from '../../shared/api/generated/graphql';
import { CHAIN_SCENARIOS, type ReportValues } from './report-values';

/**
 * The unsent "Datalek melden" form, kept in this browser's localStorage while the person types, one draft per
 * person and organisation: a lost connection, a reload, a closed tab or a session that expired at 23:45 loses
 * nothing typed.
 *
 * Why localStorage is acceptable here (a decision, weighed):
 * - The text is the reporter's own description of what went wrong, on her own device, for her own organisation,
 *   and the form's privacy guard asks her not to type client identities into it in the first place.
 * - It is keyed by person and organisation, so another account in the same browser never sees it.
 * - It is removed as soon as the report is accepted, when she discards it, when she logs out with the logout
 *   button (a shared practice computer: logging out means "I am done here"; `clearForUser`), and at the latest
 *   after `DRAFT_MAX_AGE_MS` unread.
 * - It is deliberately **not** removed when the session ends by itself (inactivity, a refused refresh): that is
 *   exactly the case it exists for.
 * sessionStorage would not survive a closed tab; IndexedDB would add nothing for one small object.
 */

export const DRAFT_KEY_PREFIX = 'babyconnect.portal.reportDraft';
/** A draft untouched for two weeks is no longer a report in progress. */
export const DRAFT_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

export interface StoredDraft {
  readonly values: ReportValues;
  /** ISO instant of the last keystroke that was kept. */
  readonly savedAt: string;
}

export function draftKey(userId: string, organisationId: string): string {
  return `${DRAFT_KEY_PREFIX}.${userId}.${organisationId}`;
}

const YES_NO_UNKNOWN: readonly string[] = ['YES', 'NO', 'UNKNOWN'];
const answer = (value: unknown): YesNoUnknown | null =>
  typeof value === 'string' && YES_NO_UNKNOWN.includes(value) ? (value as YesNoUnknown) : null;
const scenario = (value: unknown): ChainScenario | null =>
  typeof value === 'string' && (CHAIN_SCENARIOS as readonly string[]).includes(value) ? (value as ChainScenario) : null;
const text = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');

/**
 * A stored draft read back, or null when there is none worth restoring: unreadable (another version, a hand
 * edit), expired, or empty. Every value is checked: what comes from storage is input like any other.
 */
export function parseDraft(json: string | null, now: Date): StoredDraft | null {
  if (!json) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const { values, savedAt } = raw as { values?: Record<string, unknown>; savedAt?: unknown };
  const saved = typeof savedAt === 'string' ? new Date(savedAt) : null;
  if (!values || typeof values !== 'object' || !saved || Number.isNaN(saved.getTime())) return null;
  if (now.getTime() - saved.getTime() > DRAFT_MAX_AGE_MS) return null;
  // Generous limits (the form refuses more than 4,000 characters anyway): storage is not a place for megabytes.
  const draft: ReportValues = {
    whatHappened: text(values['whatHappened'], 20_000),
    discoveredAt: text(values['discoveredAt'], 40),
    stillOngoing: answer(values['stillOngoing']),
    howDiscovered: text(values['howDiscovered'], 20_000),
    otherOrganisationsInvolved: answer(values['otherOrganisationsInvolved']),
    exercise: values['exercise'] === true,
    chainScenario: scenario(values['chainScenario']),
  };
  return isWorthKeeping(draft) ? { values: draft, savedAt: saved.toISOString() } : null;
}

/** Only what the person typed or chose counts: the default discovery time ("now") alone is no draft. */
export function isWorthKeeping(values: ReportValues): boolean {
  return (
    values.whatHappened.trim() !== '' ||
    values.howDiscovered.trim() !== '' ||
    values.stillOngoing !== null ||
    values.otherOrganisationsInvolved !== null ||
    values.exercise
  );
}

@Injectable({ providedIn: 'root' })
export class ReportDraftStore {
  private readonly storage = safeLocalStorage(inject(DOCUMENT));

  load(userId: string, organisationId: string, now = new Date()): StoredDraft | null {
    const key = draftKey(userId, organisationId);
    const draft = parseDraft(this.read(key), now);
    if (!draft) this.remove(key); // expired or unreadable: do not keep it around
    return draft;
  }

  /** Keeps the values (or removes the draft when nothing was typed). False when the browser refused to store. */
  save(userId: string, organisationId: string, values: ReportValues, now = new Date()): boolean {
    const key = draftKey(userId, organisationId);
    if (!isWorthKeeping(values)) {
      this.remove(key);
      return true;
    }
    try {
      if (!this.storage) return false;
      this.storage.setItem(key, JSON.stringify({ values, savedAt: now.toISOString() } satisfies StoredDraft));
      return true;
    } catch {
      return false; // storage full or blocked (private mode): the page says the draft is not kept
    }
  }

  clear(userId: string, organisationId: string): void {
    this.remove(draftKey(userId, organisationId));
  }

  /** Every draft of this person (all organisations): called on logout with the logout button. */
  clearForUser(userId: string): void {
    const prefix = `${DRAFT_KEY_PREFIX}.${userId}.`;
    try {
      const keys: string[] = [];
      for (let i = 0; i < (this.storage?.length ?? 0); i += 1) {
        const key = this.storage?.key(i);
        if (key?.startsWith(prefix)) keys.push(key);
      }
      for (const key of keys) this.remove(key);
    } catch {
      // blocked storage holds no drafts
    }
  }

  /** Whether this person has a draft for this organisation (the home page points to it). */
  has(userId: string, organisationId: string, now = new Date()): boolean {
    return parseDraft(this.read(draftKey(userId, organisationId)), now) !== null;
  }

  private read(key: string): string | null {
    try {
      return this.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  private remove(key: string): void {
    try {
      this.storage?.removeItem(key);
    } catch {
      // ignore
    }
  }
}

function safeLocalStorage(document: Document): Storage | null {
  try {
    return document.defaultView?.localStorage ?? null;
  } catch {
    return null;
  }
}
