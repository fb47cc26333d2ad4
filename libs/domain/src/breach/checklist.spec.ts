import {
  emptyChecklist,
  isUnintelligibleToRecipients,
  upperBound,
  type BreachChecklist,
  type Unintelligibility,
  type YesNoUnknown,
} from './checklist';
import { checkChecklist, COUNT_MAX, missingForOverview } from './checklist-check';

const discoveredAt = new Date('2026-10-23T21:40:00Z');
const fields = (checklist: BreachChecklist) => checkChecklist(checklist, { discoveredAt }).map((p) => p.field);
const filled = (): BreachChecklist => ({
  ...emptyChecklist(),
  kinds: ['confidentiality', 'integrity'],
  cause: { category: 'misdirected-email', description: null },
  dataCategories: ['health'],
  groups: ['clients', 'newborns'],
});

describe('the step-3 checklist', () => {
  it('starts with every answer unknown, which is valid but not enough to close step 3', () => {
    const empty = emptyChecklist();
    expect(fields(empty)).toEqual([]);
    expect(missingForOverview(empty).map((p) => p.field)).toEqual([
      'kinds',
      'cause.category',
      'dataCategories',
      'groups',
    ]);
    expect(empty.recipients.known).toBe('unknown');
    expect(empty.persons).toEqual({ kind: 'unknown' });
  });

  it('closes step 3 with kind, cause, data and groups known; the rest may stay unknown', () => {
    expect(missingForOverview(filled())).toEqual([]);
  });

  it('"other" as cause needs a description', () => {
    const other = { ...filled(), cause: { category: 'other' as const, description: '  ' } };
    expect(missingForOverview(other, 'checklist.').map((p) => p.field)).toEqual(['checklist.cause.description']);
  });

  it('refuses a start after the discovery, an invalid one and one decades before', () => {
    expect(fields({ ...filled(), startedAt: new Date('2026-10-23T21:40:01Z') })).toEqual(['startedAt']);
    expect(fields({ ...filled(), startedAt: new Date('x') })).toEqual(['startedAt']);
    expect(fields({ ...filled(), startedAt: new Date('1990-01-01T00:00:00Z') })).toEqual(['startedAt']);
    expect(fields({ ...filled(), startedAt: discoveredAt })).toEqual([]);
  });

  it.each([
    [{ kind: 'exact', value: -1 }, 'persons.value'],
    [{ kind: 'exact', value: 0 }, 'persons.value'],
    [{ kind: 'exact', value: 1.5 }, 'persons.value'],
    [{ kind: 'exact', value: COUNT_MAX + 1 }, 'persons.value'],
    [{ kind: 'exact', value: Number.NaN }, 'persons.value'],
    [{ kind: 'range', min: 10, max: 2 }, 'persons.max'],
    [{ kind: 'range', min: -1, max: 2 }, 'persons.min'],
    [{ kind: 'range', min: 0, max: 0 }, 'persons.max'],
    [{ kind: 'banana' }, 'persons'],
  ])('refuses the count of persons %j', (persons, field) => {
    expect(fields({ ...filled(), persons: persons as never })).toEqual([field]);
  });

  it('accepts exact counts, ranges (also from 0) and the largest count; recipients may be 0', () => {
    for (const persons of [
      { kind: 'exact', value: 1 },
      { kind: 'range', min: 0, max: 5 },
      { kind: 'range', min: 5, max: 5 },
      { kind: 'exact', value: COUNT_MAX },
    ] as const) {
      expect(fields({ ...filled(), persons, records: persons })).toEqual([]);
    }
    expect(fields({ ...filled(), recipients: { ...filled().recipients, count: { kind: 'exact', value: 0 } } })).toEqual(
      [],
    );
  });

  it('names every field: nested paths and a prefix', () => {
    const bad = {
      ...filled(),
      recipients: { ...filled().recipients, count: { kind: 'exact', value: -3 }, maliceLikely: 'maybe' },
      unintelligible: { encrypted: true, encryptionStateOfTheArt: 'yes', keyCompromised: 'no' },
    } as never;
    expect(checkChecklist(bad, { discoveredAt }, 'checklist.').map((p) => p.field)).toEqual([
      'checklist.recipients.count.value',
      'checklist.recipients.maliceLikely',
      'checklist.unintelligible.encrypted',
    ]);
  });

  it('refuses unknown choices and a choice named twice', () => {
    expect(fields({ ...filled(), kinds: ['confidentiality', 'secrecy'] as never })).toEqual(['kinds']);
    expect(fields({ ...filled(), groups: ['clients', 'clients'] })).toEqual(['groups']);
    expect(fields({ ...filled(), dataCategories: ['bsn'] as never })).toEqual(['dataCategories']);
    expect(fields({ ...filled(), cause: { category: 'aliens' as never, description: null } })).toEqual([
      'cause.category',
    ]);
    expect(fields({ ...filled(), stillOngoing: false as never })).toEqual(['stillOngoing']);
  });

  it('counts text length in code points and refuses control characters', () => {
    const ok = { ...filled(), cause: { category: 'other' as const, description: '🍼'.repeat(4000) } };
    expect(fields(ok)).toEqual([]);
    const long = { ...filled(), cause: { category: 'other' as const, description: 'x'.repeat(100_000) } };
    const problems = checkChecklist(long, { discoveredAt });
    expect(problems.map((p) => p.field)).toEqual(['cause.description']);
    expect(problems[0]!.message.nl).toMatch(/100000 tekens, hoogstens 4000/);
    expect(fields({ ...filled(), howDiscovered: 'a\u0000b' })).toEqual(['howDiscovered']);
    expect(fields({ ...filled(), howDiscovered: 'regel 1\nregel 2' })).toEqual([]);
  });

  it('gives every message in Dutch and English', () => {
    const problems = checkChecklist({ ...filled(), persons: { kind: 'range', min: 9, max: 1 } }, { discoveredAt });
    expect(problems[0]!.message.nl).toBe('De bovengrens is kleiner dan de ondergrens.');
    expect(problems[0]!.message.en).toBe('The upper bound is smaller than the lower bound.');
  });
});

describe('unintelligible to the recipients (art. 34(3)(a))', () => {
  const answers: YesNoUnknown[] = ['yes', 'no', 'unknown'];
  const all = answers.flatMap((encrypted) =>
    answers.flatMap((encryptionStateOfTheArt) =>
      answers.map((keyCompromised): Unintelligibility => ({ encrypted, encryptionStateOfTheArt, keyCompromised })),
    ),
  );

  it('is yes only when encrypted, state of the art and the key not compromised', () => {
    const yes = all.filter((u) => isUnintelligibleToRecipients(u) === 'yes');
    expect(yes).toEqual([{ encrypted: 'yes', encryptionStateOfTheArt: 'yes', keyCompromised: 'no' }]);
  });

  it('is no as soon as one answer rules it out, and unknown otherwise (never a guess towards safe)', () => {
    for (const u of all) {
      const rulesOut = u.encrypted === 'no' || u.encryptionStateOfTheArt === 'no' || u.keyCompromised === 'yes';
      const expected = rulesOut
        ? 'no'
        : u.encrypted === 'yes' && u.encryptionStateOfTheArt === 'yes' && u.keyCompromised === 'no'
          ? 'yes'
          : 'unknown';
      expect(isUnintelligibleToRecipients(u)).toBe(expected);
    }
    expect(all.filter((u) => isUnintelligibleToRecipients(u) === 'unknown')).toHaveLength(7);
  });
});

describe('upperBound', () => {
  it('is the exact value, the top of a range, or null when unknown', () => {
    expect(upperBound({ kind: 'exact', value: 3 })).toBe(3);
    expect(upperBound({ kind: 'range', min: 3, max: 9 })).toBe(9);
    expect(upperBound({ kind: 'unknown' })).toBeNull();
  });
});
