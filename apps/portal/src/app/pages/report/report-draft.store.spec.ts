import { TestBed } from '@angular/core/testing';
import type { ReportValues } from './report-form';
import { DRAFT_MAX_AGE_MS, ReportDraftStore, draftKey, isWorthKeeping, parseDraft } from './report-draft.store';

const typed: ReportValues = {
  whatHappened: 'Verslag naar de verkeerde gynaecoloog gemaild.',
  discoveredAt: '2026-03-12T23:40',
  stillOngoing: 'NO',
  howDiscovered: '',
  otherOrganisationsInvolved: 'UNKNOWN',
  exercise: false,
  chainScenario: 'C',
};
const empty: ReportValues = {
  whatHappened: ' ',
  discoveredAt: '2026-03-12T23:40',
  stillOngoing: null,
  howDiscovered: '',
  otherOrganisationsInvolved: null,
  exercise: false,
  chainScenario: null,
};
const NOW = new Date('2026-03-12T23:45:00Z');

describe('the report draft store', () => {
  let store: ReportDraftStore;
  beforeEach(() => {
    localStorage.clear();
    store = TestBed.inject(ReportDraftStore);
  });

  it('keeps what was typed per person and organisation, and gives it back', () => {
    expect(store.save('u-1', 'org-a', typed, NOW)).toBe(true);
    expect(store.load('u-1', 'org-a', NOW)).toEqual({ values: typed, savedAt: NOW.toISOString() });
    // Another person in the same browser, or the same person for another organisation, gets nothing.
    expect(store.load('u-2', 'org-a', NOW)).toBeNull();
    expect(store.load('u-1', 'org-b', NOW)).toBeNull();
    expect(store.has('u-1', 'org-a', NOW)).toBe(true);
  });

  it('reads back only a known chain situation (storage is input like any other)', () => {
    const stored = (scenario: unknown) =>
      JSON.stringify({ values: { ...typed, chainScenario: scenario }, savedAt: NOW.toISOString() });
    expect(parseDraft(stored('B'), NOW)?.values.chainScenario).toBe('B');
    expect(parseDraft(stored('D'), NOW)?.values.chainScenario).toBeNull();
    expect(parseDraft(stored(7), NOW)?.values.chainScenario).toBeNull();
  });

  it('keeps nothing for an untouched form (the default time alone) and removes a draft emptied by hand', () => {
    store.save('u-1', 'org-a', typed, NOW);
    store.save('u-1', 'org-a', empty, NOW);
    expect(localStorage.getItem(draftKey('u-1', 'org-a'))).toBeNull();
    expect(isWorthKeeping({ ...empty, exercise: true })).toBe(true);
  });

  it('clears one draft after a successful report, and all of a person at logout', () => {
    store.save('u-1', 'org-a', typed, NOW);
    store.save('u-1', 'org-b', typed, NOW);
    store.save('u-2', 'org-a', typed, NOW);
    store.clear('u-1', 'org-a');
    expect(store.load('u-1', 'org-a', NOW)).toBeNull();
    expect(store.load('u-1', 'org-b', NOW)).not.toBeNull();
    store.clearForUser('u-1');
    expect(store.load('u-1', 'org-b', NOW)).toBeNull();
    expect(store.load('u-2', 'org-a', NOW)).not.toBeNull(); // someone else's stays
  });

  it('forgets a draft older than two weeks, and removes it from storage', () => {
    store.save('u-1', 'org-a', typed, NOW);
    const later = new Date(NOW.getTime() + DRAFT_MAX_AGE_MS + 1);
    expect(store.load('u-1', 'org-a', later)).toBeNull();
    expect(localStorage.getItem(draftKey('u-1', 'org-a'))).toBeNull();
  });

  it('reads what is in storage as untrusted input', () => {
    expect(parseDraft('not json', NOW)).toBeNull();
    expect(parseDraft('[]', NOW)).toBeNull();
    expect(parseDraft(JSON.stringify({ values: typed }), NOW)).toBeNull(); // no time
    const odd = parseDraft(
      JSON.stringify({
        savedAt: NOW.toISOString(),
        values: { whatHappened: 42, stillOngoing: 'MAYBE', otherOrganisationsInvolved: 'YES', exercise: 'yes' },
      }),
      NOW,
    );
    expect(odd?.values).toEqual({
      whatHappened: '',
      discoveredAt: '',
      stillOngoing: null,
      howDiscovered: '',
      otherOrganisationsInvolved: 'YES',
      exercise: false,
      chainScenario: null,
    });
  });

  it('says so when the browser refuses to store', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    try {
      expect(store.save('u-1', 'org-a', typed, NOW)).toBe(false);
    } finally {
      setItem.mockRestore();
    }
  });
});
