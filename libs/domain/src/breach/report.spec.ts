import { fixedClock } from '../time/clock';
import { diff } from './changes';
import { incidentApClock } from './incident-clock';
import { reportBreach, type ReportBreachInput } from './report';
import {
  auditor,
  closedNearMiss,
  coordinator,
  dpo,
  officer,
  reported,
  reporter,
  apply,
  inResponse,
} from './test-fixtures';

const input: ReportBreachInput = {
  whatHappened: 'Laptop met cliëntgegevens in de trein laten liggen.',
  stillOngoing: 'unknown',
  otherOrganisationsInvolved: 'unknown',
  exercise: false,
};
const clock = fixedClock('2026-10-23T21:40:00Z');
const fields = (d: ReturnType<typeof reportBreach>) => (d.ok ? [] : d.problems.map((p) => p.field));

describe('reportBreach (step 1)', () => {
  it('anyone in the organisation reports; discovery defaults to now; version 1 and one event', () => {
    for (const actor of [reporter, officer, dpo, auditor, coordinator]) {
      const decision = reportBreach(input, actor, clock);
      expect(decision.ok).toBe(true);
      if (!decision.ok) return;
      expect(decision.incident).toMatchObject({ version: 1, stage: 'reported', reportedBy: actor.personId });
      expect(decision.incident.report.discoveredAt).toEqual(clock.now());
      expect(decision.events).toHaveLength(1);
      expect(decision.events[0]).toMatchObject({ type: 'reported', version: 1, personId: actor.personId });
    }
  });

  it('refuses someone without any role in the organisation', () => {
    const decision = reportBreach(input, { personId: 'x', roles: [] }, clock);
    expect(decision.ok ? '' : decision.refusal).toBe('forbidden');
  });

  it('seeds the checklist with the reporter’s answers, everything else unknown', () => {
    const decision = reportBreach(
      { ...input, stillOngoing: 'yes', howDiscovered: ' Collega zag het. ' },
      reporter,
      clock,
    );
    expect(decision.ok && decision.incident.checklist).toMatchObject({
      stillOngoing: 'yes',
      howDiscovered: 'Collega zag het.',
      kinds: [],
      persons: { kind: 'unknown' },
    });
  });

  it('lists every problem at once', () => {
    const decision = reportBreach(
      {
        whatHappened: ' ',
        discoveredAt: new Date('2026-10-24T00:00:00Z'),
        stillOngoing: 'perhaps' as never,
        otherOrganisationsInvolved: true as never,
        exercise: 'yes' as never,
        howDiscovered: 'x'.repeat(4001),
      },
      reporter,
      clock,
    );
    expect(decision.ok ? '' : decision.refusal).toBe('invalid');
    expect(fields(decision)).toEqual([
      'whatHappened',
      'howDiscovered',
      'discoveredAt',
      'stillOngoing',
      'otherOrganisationsInvolved',
      'exercise',
    ]);
  });

  it('a phone a few minutes ahead is "now"; further ahead, before 2016 or invalid is refused', () => {
    const ahead = reportBreach({ ...input, discoveredAt: new Date('2026-10-23T21:44:00Z') }, reporter, clock);
    expect(ahead.ok && ahead.incident.report.discoveredAt).toEqual(clock.now());
    for (const discoveredAt of [
      new Date('2026-10-23T21:46:00Z'),
      new Date('2015-12-31T12:00:00Z'),
      new Date('nonsense'),
    ]) {
      expect(fields(reportBreach({ ...input, discoveredAt }, reporter, clock))).toEqual(['discoveredAt']);
    }
  });

  it('keeps the exercise flag as reported', () => {
    expect(reported(true).exercise).toBe(true);
    expect(reported(false).exercise).toBe(false);
  });
});

describe("an incident's AP clock", () => {
  it('runs from the discovery, also for an exercise', () => {
    const at = fixedClock('2026-10-26T21:00:00Z');
    expect(incidentApClock(reported(true), at)).toMatchObject({ state: 'due-soon' });
    expect(incidentApClock(reported(), at).deadline.toISOString()).toBe('2026-10-26T21:40:00.000Z');
  });

  it('is not needed for a near miss or after deciding not to notify', () => {
    const at = fixedClock('2026-11-01T00:00:00Z');
    expect(incidentApClock(closedNearMiss(), at).state).toBe('not-needed');
    const notNotifying = apply(inResponse(), {
      type: 'decide-ap-notification',
      notify: false,
      reasoning: 'Beroepsgeheim.',
      advice: null,
    });
    expect(incidentApClock(notNotifying, at).state).toBe('not-needed');
    expect(incidentApClock(inResponse(), at).state).toBe('overdue');
  });
});

describe('diff (what an event keeps)', () => {
  it('names changed leaves by path, instants as ISO strings, counts and lists whole', () => {
    const before = { a: { b: 1, when: new Date('2026-01-01T00:00:00Z') }, n: { kind: 'exact', value: 1 }, l: [1] };
    const after = { a: { b: 2, when: new Date('2026-01-02T00:00:00Z') }, n: { kind: 'range', min: 1, max: 2 }, l: [1] };
    expect(diff(before, after)).toEqual([
      { field: 'a.b', from: 1, to: 2 },
      { field: 'a.when', from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' },
      { field: 'n', from: { kind: 'exact', value: 1 }, to: { kind: 'range', min: 1, max: 2 } },
    ]);
    expect(diff({ x: null }, { x: { y: 1 } })).toEqual([{ field: 'x', from: null, to: { y: 1 } }]);
  });
});
