import type { IncidentCommand } from './commands';
import type { BreachIncident } from './incident';
import { assessRisk } from './risk-assessment';
import {
  apply,
  clockAt,
  closedNearMiss,
  closedRegistered,
  dpo,
  inOverview,
  inResponse,
  officer,
  reported,
  reporter,
  withAnswers,
  type Unversioned,
} from './test-fixtures';
import { decide } from './workflow';

const fields = (d: ReturnType<typeof decide>) => (d.ok ? [] : d.problems.map((p) => p.field));
const refusal = (d: ReturnType<typeof decide>) => (d.ok ? 'accepted' : d.refusal);
const run = (incident: BreachIncident, command: Unversioned, actor = officer, at?: string) =>
  decide(incident, { ...command, version: incident.version } as IncidentCommand, actor, clockAt(at));

describe('update-risk-answers (steps 5 and 6)', () => {
  it('starts with every answer unknown', () => {
    expect(reported().riskAnswers).toEqual({
      easeOfIdentification: 'unknown',
      integrityLoss: 'unknown',
      availabilityLoss: 'unknown',
      laterMeasuresRemovedHighRisk: 'unknown',
      individualContactDisproportionate: 'unknown',
    });
  });

  it('keeps a partial update, leaves the rest, and records old → new', () => {
    const decision = run(withAnswers(), { type: 'update-risk-answers', answers: { integrityLoss: 'recoverable' } });
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    expect(decision.incident.riskAnswers).toMatchObject({ integrityLoss: 'recoverable', availabilityLoss: 'unknown' });
    expect(decision.events[0]!.changes).toEqual([
      { field: 'riskAnswers.integrityLoss', from: 'unknown', to: 'recoverable' },
    ]);
    expect(decision.events[0]!.type).toBe('update-risk-answers');
  });

  it('the answers change the advice computed from the incident', () => {
    const incident = apply(withAnswers(), {
      type: 'update-checklist',
      answers: { dataCategories: ['health'], kinds: ['confidentiality'] },
    });
    const answered = apply(incident, { type: 'update-risk-answers', answers: { easeOfIdentification: 'negligible' } });
    const before = assessRisk({ checklist: incident.checklist, organisationKind: 'MIDWIFERY_PRACTICE' });
    const after = assessRisk({
      checklist: answered.checklist,
      organisationKind: 'MIDWIFERY_PRACTICE',
      answers: answered.riskAnswers,
    });
    expect(after.inputs.answers.easeOfIdentification).toBe('negligible');
    expect(after.severity.score).toBeLessThan(before.severity.score);
  });

  it('refuses an unknown question and an unknown answer, each by field', () => {
    const decision = run(withAnswers(), {
      type: 'update-risk-answers',
      answers: { easeOfIdentification: 'obvious', colour: 'red' } as never,
    });
    expect(refusal(decision)).toBe('invalid');
    expect(fields(decision).sort()).toEqual(['riskAnswers.colour', 'riskAnswers.easeOfIdentification']);
  });

  it('needs no reason while steps 5 and 6 are undecided, and a reason once a decision rests on the advice', () => {
    const open = inResponse();
    expect(run(open, { type: 'update-risk-answers', answers: { availabilityLoss: 'temporary' } }).ok).toBe(true);
    const decided = apply(open, { type: 'decide-ap-notification', notify: true, reasoning: 'Melden.', advice: null });
    const without = run(decided, { type: 'update-risk-answers', answers: { availabilityLoss: 'temporary' } });
    expect(fields(without)).toEqual(['reason']);
    const withReason = run(decided, {
      type: 'update-risk-answers',
      answers: { availabilityLoss: 'temporary' },
      reason: 'Back-up bleek toch bruikbaar.',
    });
    expect(withReason.ok && withReason.events[0]!.reason).toBe('Back-up bleek toch bruikbaar.');
  });

  it('the same answers again change nothing: no event, no version, no reason asked', () => {
    const decided = apply(
      apply(inResponse(), { type: 'update-risk-answers', answers: { integrityLoss: 'recoverable' } }),
      { type: 'decide-ap-notification', notify: true, reasoning: 'Melden.', advice: null },
    );
    const again = run(decided, { type: 'update-risk-answers', answers: { integrityLoss: 'recoverable' } });
    expect(again.ok && again.events).toEqual([]);
  });

  it('is refused before the assessment and after closing (re-open first), and for anyone but the officer', () => {
    const answers = { easeOfIdentification: 'limited' } as const;
    expect(refusal(run(reported(), { type: 'update-risk-answers', answers }))).toBe('wrong-stage');
    expect(refusal(run(closedRegistered(), { type: 'update-risk-answers', answers, reason: 'x' }))).toBe('wrong-stage');
    expect(refusal(run(inOverview(), { type: 'update-risk-answers', answers }, dpo))).toBe('forbidden');
    expect(refusal(run(inOverview(), { type: 'update-risk-answers', answers }, reporter))).toBe('forbidden');
  });
});

describe('improvement actions (step 7, lessons learned)', () => {
  const add = (actionId = 'a1', extra: Record<string, unknown> = {}): Unversioned => ({
    type: 'add-improvement-action',
    actionId,
    description: 'Adresboek van de mailomgeving opschonen',
    owner: 'Praktijkmanager',
    dueAt: new Date('2026-12-01T09:00:00Z'),
    ...extra,
  });

  it('adds a planned action with owner and due date, kept as an event', () => {
    const decision = run(inOverview(), add());
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    expect(decision.incident.improvementActions).toEqual([
      {
        id: 'a1',
        description: 'Adresboek van de mailomgeving opschonen',
        owner: 'Praktijkmanager',
        status: 'planned',
        dueAt: new Date('2026-12-01T09:00:00Z'),
        doneAt: null,
      },
    ]);
    expect(decision.events[0]).toMatchObject({ type: 'add-improvement-action', personId: officer.personId });
    expect(decision.events[0]!.changes[0]!.field).toBe('improvementActions');
  });

  it('goes on after closing, for a registered breach and a near miss alike, without re-opening', () => {
    for (const closed of [closedRegistered(), closedNearMiss()]) {
      const added = apply(closed, add());
      expect(added.stage).toBe('closed');
      const done = run(
        added,
        { type: 'update-improvement-action', actionId: 'a1', status: 'done' },
        officer,
        '2027-01-05T10:00:00Z',
      );
      expect(done.ok && done.incident.improvementActions[0]).toMatchObject({
        status: 'done',
        doneAt: new Date('2027-01-05T10:00:00Z'),
      });
    }
  });

  it('sets doneAt on done, keeps it when saved again, clears it when taken back', () => {
    let incident = apply(inResponse(), add());
    incident = apply(incident, { type: 'update-improvement-action', actionId: 'a1', status: 'done' });
    const doneAt = incident.improvementActions[0]!.doneAt;
    expect(doneAt).toEqual(clockAt().now());
    incident = apply(
      incident,
      { type: 'update-improvement-action', actionId: 'a1', status: 'done', owner: 'ICT' },
      officer,
      clockAt('2026-10-24T10:00:00Z'),
    );
    expect(incident.improvementActions[0]!.doneAt).toEqual(doneAt);
    incident = apply(incident, { type: 'update-improvement-action', actionId: 'a1', status: 'in-progress' });
    expect(incident.improvementActions[0]).toMatchObject({ status: 'in-progress', doneAt: null, owner: 'ICT' });
  });

  it('refuses before the assessment, for the FG (advice only) and for the reporter', () => {
    expect(refusal(run(reported(), add()))).toBe('wrong-stage');
    expect(refusal(run(inOverview(), add(), dpo))).toBe('forbidden');
    expect(refusal(run(inOverview(), add(), reporter))).toBe('forbidden');
  });

  it('refuses bad fields, each by name: no description, a long owner, a due date before discovery or years ahead', () => {
    const incident = inOverview();
    expect(fields(run(incident, add('a1', { description: '  ' })))).toEqual(['description']);
    expect(fields(run(incident, add('a1', { owner: 'x'.repeat(201) })))).toEqual(['owner']);
    expect(fields(run(incident, add('a1', { owner: 'Praktijk\u0007manager' })))).toEqual(['owner']);
    expect(fields(run(incident, add('a1', { dueAt: new Date('2020-01-01T00:00:00Z') })))).toEqual(['dueAt']);
    expect(fields(run(incident, add('a1', { dueAt: new Date('2036-01-01T00:00:00Z') })))).toEqual(['dueAt']);
    expect(fields(run(incident, add('a1', { dueAt: new Date(Number.NaN) })))).toEqual(['dueAt']);
    expect(fields(run(incident, add('', {})))).toEqual(['actionId']);
    expect(fields(run(incident, add('a1', { description: 'x'.repeat(100_000) })))).toEqual(['description']);
  });

  it('refuses a second action with the same key, an unknown action and an unknown status', () => {
    const incident = apply(inOverview(), add());
    expect(fields(run(incident, add()))).toEqual(['actionId']);
    expect(fields(run(incident, { type: 'update-improvement-action', actionId: 'nope', status: 'done' }))).toEqual([
      'actionId',
    ]);
    expect(
      fields(run(incident, { type: 'update-improvement-action', actionId: 'a1', status: 'finished' as never })),
    ).toEqual(['status']);
  });

  it('a refused update changes nothing', () => {
    const incident = apply(inOverview(), add());
    const decision = run(incident, {
      type: 'update-improvement-action',
      actionId: 'a1',
      description: 'Nieuw',
      dueAt: new Date('2019-01-01T00:00:00Z'),
    });
    expect(decision.ok).toBe(false);
    expect(incident.improvementActions[0]!.description).toBe('Adresboek van de mailomgeving opschonen');
  });
});

describe('FG advice carries who, when and what, and is in the events', () => {
  it('keeps the author id, the time and the text, also after closing', () => {
    const decision = run(
      closedRegistered(),
      { type: 'record-dpo-advice', text: 'Leg de afweging vast.' },
      dpo,
      '2026-10-25T08:00:00Z',
    );
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    expect(decision.incident.dpoAdvice.at(-1)).toEqual({
      text: 'Leg de afweging vast.',
      recordedAt: new Date('2026-10-25T08:00:00Z'),
      recordedBy: dpo.personId,
    });
    expect(decision.events[0]).toMatchObject({ type: 'record-dpo-advice', personId: dpo.personId });
    expect(JSON.stringify(decision.events[0]!.changes)).toContain('Leg de afweging vast.');
  });
});
