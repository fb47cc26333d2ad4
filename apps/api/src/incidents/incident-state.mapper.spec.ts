import {
  decide,
  fixedClock,
  reportBreach,
  type Actor,
  type BreachIncident,
  type IncidentCommand,
} from '@babyconnect/domain';
import { fromStoredState, toStoredState } from './incident-state.mapper';

const reporter: Actor = { personId: 'u-1', roles: ['employee'] };
const officer: Actor = { personId: 'u-2', roles: ['privacy-officer'] };
const fg: Actor = { personId: 'u-3', roles: ['dpo'] };

type Unversioned = IncidentCommand extends infer C ? (C extends unknown ? Omit<C, 'version'> : never) : never;

/** An incident with every optional instant filled: reported, worked through every step, closed. */
function everyInstantFilled(): BreachIncident {
  const clock = fixedClock('2026-10-23T22:00:00Z');
  const first = reportBreach(
    {
      whatHappened: 'Verslag naar de verkeerde ontvanger gemaild.',
      discoveredAt: new Date('2026-10-23T21:40:00Z'),
      stillOngoing: 'no',
      howDiscovered: 'De ontvanger belde.',
      otherOrganisationsInvolved: 'no',
      exercise: false,
    },
    reporter,
    clock,
  );
  if (!first.ok) throw new Error('report refused');
  let incident = first.incident;
  const run = (command: Unversioned, actor = officer) => {
    clock.advance(60_000);
    const d = decide(incident, { ...command, version: incident.version } as IncidentCommand, actor, clock);
    if (!d.ok) throw new Error(`${command.type} refused: ${JSON.stringify(d.problems)}`);
    incident = d.incident;
  };
  run({ type: 'assess', conclusion: 'breach', reasoning: 'Gezondheidsgegevens bij een derde.' });
  run({
    type: 'update-checklist',
    answers: {
      kinds: ['confidentiality'],
      cause: { category: 'misdirected-email', description: 'Verkeerde gynaecoloog.' },
      startedAt: new Date('2026-10-23T20:00:00Z'),
      dataCategories: ['health'],
      groups: ['clients'],
      persons: { kind: 'exact', value: 1 },
    },
  });
  run({ type: 'complete-overview' });
  run({
    type: 'add-containment-measure',
    measureId: 'm1',
    description: 'Verwijderen laten bevestigen',
    dueAt: new Date('2026-10-24T12:00:00Z'),
  });
  run({ type: 'update-containment-measure', measureId: 'm1', status: 'done' });
  run({ type: 'complete-containment' });
  run({ type: 'decide-ap-notification', notify: true, reasoning: 'Bij twijfel melden.', advice: null });
  run({ type: 'record-ap-notification', submittedAt: new Date('2026-10-23T22:05:00Z'), apReference: 'AP-1' });
  run({ type: 'decide-data-subjects', outcome: 'inform', reasoning: 'Hoog risico.', advice: null });
  run({ type: 'record-data-subjects-informed', informedAt: new Date('2026-10-23T22:08:00Z') });
  run({ type: 'record-dpo-advice', text: 'Akkoord.' }, fg);
  run({ type: 'update-risk-answers', answers: { integrityLoss: 'recoverable' }, reason: 'Nagekeken.' });
  run({ type: 'close', consequences: 'Geen schade bekend.' });
  run({
    type: 'add-improvement-action',
    actionId: 'a1',
    description: 'Adresboek opschonen',
    dueAt: new Date('2026-11-30T12:00:00Z'),
  });
  run({ type: 'update-improvement-action', actionId: 'a1', status: 'done' });
  return incident;
}

describe('the stored incident state', () => {
  it('round-trips an incident with every instant filled, Dates back as Dates', () => {
    const incident = everyInstantFilled();
    const stored = toStoredState(incident);
    // Plain JSON in the database: no Date objects, instants as ISO strings.
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
    expect((stored['report'] as Record<string, unknown>)['discoveredAt']).toBe('2026-10-23T21:40:00.000Z');
    expect(fromStoredState(stored)).toEqual(incident);
  });

  it('round-trips a fresh report, with its empty decisions as null', () => {
    const d = reportBreach(
      {
        whatHappened: 'Laptop kwijt.',
        stillOngoing: 'unknown',
        otherOrganisationsInvolved: 'unknown',
        exercise: true,
      },
      reporter,
      fixedClock('2026-03-29T01:30:00Z'),
    );
    if (!d.ok) throw new Error('refused');
    expect(fromStoredState(toStoredState(d.incident))).toEqual(d.incident);
  });

  it('reads state written before risk answers and improvement actions existed with their starting values', () => {
    const incident = everyInstantFilled();
    const stored = toStoredState(incident);
    delete stored['riskAnswers'];
    delete stored['improvementActions'];
    const read = fromStoredState(stored);
    expect(read.riskAnswers).toEqual({
      easeOfIdentification: 'unknown',
      integrityLoss: 'unknown',
      availabilityLoss: 'unknown',
      laterMeasuresRemovedHighRisk: 'unknown',
      individualContactDisproportionate: 'unknown',
    });
    expect(read.improvementActions).toEqual([]);
  });

  it('reads a state it owns in place, to the same incident, and leaves a state it does not own untouched', () => {
    const incident = everyInstantFilled();
    const stored = toStoredState(incident);
    const before = JSON.stringify(stored);
    expect(fromStoredState(stored)).toEqual(incident);
    expect(JSON.stringify(stored)).toBe(before); // copied, not converted
    expect(fromStoredState(stored, { owned: true })).toEqual(incident);
  });

  it('refuses a stored state whose discovery is not an instant', () => {
    const stored = toStoredState(everyInstantFilled());
    (stored['report'] as Record<string, unknown>)['discoveredAt'] = 'gisteren';
    expect(() => fromStoredState(stored)).toThrow(/report.discoveredAt/);
  });
});
