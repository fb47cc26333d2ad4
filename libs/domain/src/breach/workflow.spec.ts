import { AP_NOTIFICATION_HOURS } from '../time/deadlines';
import type { IncidentCommandType } from './commands';
import type { BreachIncident, IncidentStage } from './incident';
import { COMMAND_ROLES } from './permissions';
import { stepStatuses } from './steps';
import {
  ACTORS,
  apply,
  clockAt,
  closedNearMiss,
  closedRegistered,
  DISCOVERED,
  dpo,
  employee,
  inOverview,
  inResponse,
  officer,
  readyToClose,
  reported,
  reporter,
  sampleCommand,
  tableIncidents,
  withAnswers,
  type ActorName,
} from './test-fixtures';
import { COMMAND_STAGES, decide } from './workflow';

const COMMAND_TYPES = Object.keys(COMMAND_ROLES) as IncidentCommandType[];
const fields = (d: ReturnType<typeof decide>) => (d.ok ? [] : d.problems.map((p) => p.field));
const refusal = (d: ReturnType<typeof decide>) => (d.ok ? 'accepted' : d.refusal);

// Cells that pass the role and stage guards but not the step's own rules in the table's fixtures.
const BEYOND_GUARDS: Record<string, string> = {
  'response: close': 'invalid', // steps 4–6 not all done
  'closed (near miss): record-ap-notification': 'wrong-stage', // nothing to correct: never notified
};

describe('the role × stage × command table', () => {
  const incidents = tableIncidents();
  // What the protocol allows: the officer everything, the FG only advice, the reporter a correction before
  // assessment, nobody else anything.
  const roleAllows = (actor: ActorName, type: IncidentCommandType, stage: IncidentStage): boolean => {
    if (actor === 'officer') return type !== 'record-dpo-advice';
    if (actor === 'dpo') return type === 'record-dpo-advice';
    if (actor === 'reporter') return type === 'correct-report' && stage === 'reported';
    return false;
  };
  const cases = Object.entries(incidents).flatMap(([stageName, incident]) =>
    COMMAND_TYPES.flatMap((type) =>
      (Object.keys(ACTORS) as ActorName[]).map((actor) => [stageName, type, actor, incident] as const),
    ),
  );

  it.each(cases)('%s: %s by %s', (stageName, type, actorName, incident: BreachIncident) => {
    const decision = decide(incident, sampleCommand(type, incident.version), ACTORS[actorName], clockAt());
    if (!roleAllows(actorName, type, incident.stage)) {
      expect(refusal(decision)).toBe('forbidden');
    } else if (!COMMAND_STAGES[type].includes(incident.stage)) {
      expect(refusal(decision)).toBe('wrong-stage');
      expect(fields(decision)).toEqual(['stage']);
    } else {
      // Past both guards: accepted, except where the fixture lacks what the step itself needs (tested below).
      expect(refusal(decision)).toBe(BEYOND_GUARDS[`${stageName}: ${type}`] ?? 'accepted');
    }
    if (!decision.ok) expect(decision.problems.length).toBeGreaterThan(0);
  });

  it('covers 5 stages × 17 commands × 6 actors', () => {
    expect(cases).toHaveLength(5 * 17 * 6);
  });
});

describe('concurrency: the version', () => {
  it('starts at 1 and goes up by one for every accepted command', () => {
    const first = reported();
    expect(first.version).toBe(1);
    const second = inOverview();
    expect(second.version).toBe(2);
    expect(inResponse().version).toBe(4);
  });

  it('answers conflict, naming both versions, when the command is based on an older version', () => {
    const incident = inOverview();
    const decision = decide(incident, { type: 'complete-overview', version: 1 }, officer, clockAt());
    expect(refusal(decision)).toBe('conflict');
    expect(decision.ok ? '' : decision.problems[0]!.message.nl).toMatch(/nu versie 2, u werkte met versie 1/);
  });

  it('a stale command is a conflict even when its stage would be wrong now', () => {
    const incident = inResponse();
    expect(refusal(decide(incident, { type: 'complete-overview', version: 3 }, officer, clockAt()))).toBe('conflict');
  });

  it('saving the same answers twice changes nothing: no event, no new version', () => {
    const incident = withAnswers();
    const decision = decide(
      incident,
      { type: 'update-checklist', version: incident.version, answers: { kinds: ['confidentiality'] } },
      officer,
      clockAt(),
    );
    expect(decision.ok && decision.events).toEqual([]);
    expect(decision.ok && decision.incident.version).toBe(incident.version);
  });
});

describe('step 2: assessment', () => {
  it('needs reasoning either way', () => {
    for (const conclusion of ['breach', 'not-a-breach', 'near-miss'] as const) {
      const incident = reported();
      const decision = decide(
        incident,
        { type: 'assess', version: 1, conclusion, reasoning: '  ' },
        officer,
        clockAt(),
      );
      expect(fields(decision)).toEqual(['reasoning']);
    }
  });

  it('a breach goes on to the overview; the event keeps who, when and old → new', () => {
    const incident = reported();
    const clock = clockAt('2026-10-23T23:00:00Z');
    const decision = decide(
      incident,
      { type: 'assess', version: 1, conclusion: 'breach', reasoning: 'Medische gegevens bij een derde.' },
      officer,
      clock,
    );
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    expect(decision.incident.stage).toBe('overview');
    const [event] = decision.events;
    expect(event).toMatchObject({ type: 'assess', personId: 'officer-1', version: 2, reason: null });
    expect(event!.at.toISOString()).toBe('2026-10-23T23:00:00.000Z');
    expect(event!.changes).toContainEqual({ field: 'stage', from: 'reported', to: 'overview' });
  });

  it('a near miss is its own ending: closed, every later step not applicable, no AP clock', () => {
    const incident = closedNearMiss();
    expect(incident.stage).toBe('closed');
    expect(incident.closure?.outcome).toBe('near-miss');
    expect(incident.assessment?.reasoning).toBe('Mail op tijd teruggehaald.');
    const steps = stepStatuses(incident);
    expect(steps.overview).toBe('not-applicable');
    expect(steps['ap-notification']).toBe('not-applicable');
    expect(steps.register).toBe('done');
  });

  it('not a breach ends the same way, with its own outcome', () => {
    const incident = apply(reported(), {
      type: 'assess',
      conclusion: 'not-a-breach',
      reasoning: 'Geen persoonsgegevens.',
    });
    expect(incident.closure?.outcome).toBe('not-a-breach');
  });

  it('revising the assessment after step 2 closed needs a reason, and keeps old → new', () => {
    const incident = inOverview();
    const without = decide(
      incident,
      { type: 'assess', version: incident.version, conclusion: 'breach', reasoning: 'Beter onderbouwd.' },
      officer,
      clockAt(),
    );
    expect(fields(without)).toEqual(['reason']);
    const decision = decide(
      incident,
      {
        type: 'assess',
        version: incident.version,
        conclusion: 'near-miss',
        reasoning: 'Toch niet verstuurd.',
        reason: 'Logboek bekeken.',
      },
      officer,
      clockAt(),
    );
    expect(decision.ok && decision.incident.stage).toBe('closed');
    expect(decision.ok && decision.events[0]!.reason).toBe('Logboek bekeken.');
    expect(decision.ok && decision.events[0]!.changes).toContainEqual({
      field: 'assessment.conclusion',
      from: 'breach',
      to: 'near-miss',
    });
  });

  it('a breach already notified to the AP cannot be re-assessed as none', () => {
    const incident = readyToClose();
    const decision = decide(
      incident,
      { type: 'assess', version: incident.version, conclusion: 'not-a-breach', reasoning: 'x', reason: 'y' },
      officer,
      clockAt(),
    );
    expect(fields(decision)).toEqual(['conclusion']);
  });
});

describe('step 1: the report after it was made', () => {
  it('the reporter may correct it before assessment, not after; another employee never', () => {
    const incident = reported();
    const command = { type: 'correct-report' as const, version: 1, whatHappened: 'Aangevuld.' };
    expect(decide(incident, command, reporter, clockAt()).ok).toBe(true);
    expect(refusal(decide(incident, command, employee, clockAt()))).toBe('forbidden');
    const assessed = inOverview();
    expect(refusal(decide(assessed, { ...command, version: 2 }, reporter, clockAt()))).toBe('forbidden');
  });

  it('moving the discovery time moves the AP deadline, so it needs a reason', () => {
    const incident = inOverview();
    const moved = new Date('2026-10-23T20:00:00Z');
    const base = { type: 'correct-report' as const, version: incident.version, discoveredAt: moved };
    expect(fields(decide(incident, base, officer, clockAt()))).toEqual(['reason']);
    const decision = decide(incident, { ...base, reason: 'Eerder ontdekt dan gemeld.' }, officer, clockAt());
    expect(decision.ok && decision.events[0]!.changes).toEqual([
      { field: 'report.discoveredAt', from: '2026-10-23T21:40:00.000Z', to: '2026-10-23T20:00:00.000Z' },
    ]);
  });

  it('refuses a discovery in the future or before the start in the checklist', () => {
    let incident = apply(inOverview(), {
      type: 'update-checklist',
      answers: { startedAt: new Date('2026-10-23T21:00:00Z') },
    });
    const early = decide(
      incident,
      {
        type: 'correct-report',
        version: incident.version,
        discoveredAt: new Date('2026-10-23T20:00:00Z'),
        reason: 'x',
      },
      officer,
      clockAt(),
    );
    expect(fields(early)).toEqual(['discoveredAt']);
    incident = inOverview();
    const future = decide(
      incident,
      {
        type: 'correct-report',
        version: incident.version,
        discoveredAt: new Date('2026-10-24T00:00:00Z'),
        reason: 'x',
      },
      officer,
      clockAt(),
    );
    expect(fields(future)).toEqual(['discoveredAt']);
  });

  it('the exercise flag cannot be changed by any command', () => {
    const incident = reported(true);
    const sneaky = { type: 'correct-report', version: 1, exercise: false, whatHappened: 'x y' } as never;
    const decision = decide(incident, sneaky, officer, clockAt());
    expect(decision.ok && decision.incident.exercise).toBe(true);
    expect(closedRegistered().exercise).toBe(false);
  });
});

describe('step 3: the overview', () => {
  it('cannot close with the required answers missing; lists every one', () => {
    const incident = inOverview();
    const decision = decide(incident, { type: 'complete-overview', version: incident.version }, officer, clockAt());
    expect(refusal(decision)).toBe('invalid');
    expect(fields(decision)).toEqual([
      'checklist.kinds',
      'checklist.cause.category',
      'checklist.dataCategories',
      'checklist.groups',
    ]);
  });

  it('the checklist cannot be filled before the assessment (no skipping step 2)', () => {
    const incident = reported();
    const decision = decide(
      incident,
      { type: 'update-checklist', version: 1, answers: { kinds: ['integrity'] } },
      officer,
      clockAt(),
    );
    expect(refusal(decision)).toBe('wrong-stage');
  });

  it('refuses unknown questions and impossible answers with their fields', () => {
    const incident = inOverview();
    const decision = decide(
      incident,
      {
        type: 'update-checklist',
        version: incident.version,
        answers: { bogus: 1, persons: { kind: 'range', min: 10, max: 2 } } as never,
      },
      officer,
      clockAt(),
    );
    expect(fields(decision)).toEqual(['checklist.bogus', 'checklist.persons.max']);
  });

  it('after step 3 closed the answers may still change; the change is kept', () => {
    const incident = inResponse();
    const decision = decide(
      incident,
      {
        type: 'update-checklist',
        version: incident.version,
        answers: { groups: ['clients', 'newborns', 'partners-relatives'] },
      },
      officer,
      clockAt(),
    );
    expect(decision.ok && decision.events[0]!.changes).toEqual([
      {
        field: 'checklist.groups',
        from: ['clients', 'newborns'],
        to: ['clients', 'newborns', 'partners-relatives'],
      },
    ]);
  });
});

describe('steps 4–6 side by side', () => {
  it('containment measures can be taken from the report on, before the assessment', () => {
    const incident = apply(reported(), {
      type: 'add-containment-measure',
      measureId: 'm1',
      description: 'Account blokkeren',
    });
    expect(stepStatuses(incident).containment).toBe('open');
    expect(stepStatuses(reported()).containment).toBe('waiting');
  });

  it('the AP decision can be taken while containment is still going on, and the other way round', () => {
    let incident = apply(inResponse(), {
      type: 'add-containment-measure',
      measureId: 'm1',
      description: 'Bestand offline',
    });
    incident = apply(incident, {
      type: 'decide-ap-notification',
      notify: false,
      reasoning: 'Beroepsgeheim, verwijderd.',
      advice: null,
    });
    expect(stepStatuses(incident)['ap-notification']).toBe('done');
    expect(stepStatuses(incident).containment).toBe('open');
    incident = apply(incident, { type: 'update-containment-measure', measureId: 'm1', status: 'done' });
    incident = apply(incident, { type: 'complete-containment' });
    expect(stepStatuses(incident).containment).toBe('done');
  });

  it('the data-subject decision waits for the AP decision', () => {
    const incident = inResponse();
    expect(stepStatuses(incident)['data-subject-notification']).toBe('waiting');
    const decision = decide(
      incident,
      { type: 'decide-data-subjects', version: incident.version, outcome: 'not-inform', reasoning: 'x', advice: null },
      officer,
      clockAt(),
    );
    expect(refusal(decision)).toBe('wrong-stage');
    expect(fields(decision)).toEqual(['apDecision']);
  });

  it('containment closes only when the breach stopped and every measure is done or dropped', () => {
    let incident = apply(inOverview(), {
      type: 'update-checklist',
      answers: { ...withAnswers().checklist, stillOngoing: 'yes' },
    });
    incident = apply(incident, { type: 'complete-overview' });
    incident = apply(incident, { type: 'add-containment-measure', measureId: 'm1', description: 'Wissen op afstand' });
    const decision = decide(incident, { type: 'complete-containment', version: incident.version }, officer, clockAt());
    expect(fields(decision)).toEqual(['containment.measures', 'containment.measures', 'checklist.stillOngoing']);
    const none = decide(inResponse(), { type: 'complete-containment', version: 4 }, officer, clockAt());
    expect(fields(none)).toEqual(['containment.measures']);
  });

  it('a measure set to done records when; taken back it is not done', () => {
    const clock = clockAt('2026-10-24T08:00:00Z');
    let incident = apply(reported(), { type: 'add-containment-measure', measureId: 'm1', description: 'Wissen' });
    incident = apply(incident, { type: 'update-containment-measure', measureId: 'm1', status: 'done' }, officer, clock);
    expect(incident.containment.measures[0]!.doneAt?.toISOString()).toBe('2026-10-24T08:00:00.000Z');
    incident = apply(incident, { type: 'update-containment-measure', measureId: 'm1', status: 'in-progress' });
    expect(incident.containment.measures[0]!.doneAt).toBeNull();
  });

  it('refuses a duplicate or unknown measure', () => {
    const incident = apply(reported(), { type: 'add-containment-measure', measureId: 'm1', description: 'Wissen' });
    const again = decide(
      incident,
      { type: 'add-containment-measure', version: incident.version, measureId: 'm1', description: 'Nog eens' },
      officer,
      clockAt(),
    );
    expect(fields(again)).toEqual(['measureId']);
    const missing = decide(
      incident,
      { type: 'update-containment-measure', version: incident.version, measureId: 'nope', status: 'done' },
      officer,
      clockAt(),
    );
    expect(fields(missing)).toEqual(['measureId']);
  });
});

describe('step 5: the AP decision', () => {
  const advice = { modelVersion: 'risk-2026.1', notifyAp: true, dataSubjects: 'not-inform' as const };

  it('departing from the advice needs a reason; both are kept', () => {
    const incident = inResponse();
    const command = {
      type: 'decide-ap-notification' as const,
      version: incident.version,
      notify: false,
      reasoning: 'Beroepsgeheim.',
      advice,
    };
    expect(fields(decide(incident, command, officer, clockAt()))).toEqual(['departureReason']);
    const decision = decide(
      incident,
      { ...command, departureReason: 'Gynaecoloog bevestigde verwijdering.' },
      officer,
      clockAt(),
    );
    expect(decision.ok && decision.incident.apDecision).toMatchObject({
      notify: false,
      advice,
      departureReason: 'Gynaecoloog bevestigde verwijdering.',
    });
  });

  it('following the advice needs no departure reason, and keeps none', () => {
    const incident = inResponse();
    const decision = decide(
      incident,
      {
        type: 'decide-ap-notification',
        version: incident.version,
        notify: true,
        reasoning: 'Advies volgen.',
        advice,
        departureReason: 'onnodig',
      },
      officer,
      clockAt(),
    );
    expect(decision.ok && decision.incident.apDecision?.departureReason).toBeNull();
  });

  it('a revision needs a reason; once notified, the decision is final', () => {
    let incident = apply(inResponse(), {
      type: 'decide-ap-notification',
      notify: true,
      reasoning: 'Melden.',
      advice: null,
    });
    const revise = {
      type: 'decide-ap-notification' as const,
      version: incident.version,
      notify: false,
      reasoning: 'Niet.',
      advice: null,
    };
    expect(fields(decide(incident, revise, officer, clockAt()))).toEqual(['reason']);
    incident = apply(incident, { type: 'record-ap-notification', submittedAt: new Date('2026-10-23T21:55:00Z') });
    const final = decide(incident, { ...revise, version: incident.version, reason: 'x' }, officer, clockAt());
    expect(fields(final)).toEqual(['notify']);
  });

  it('a notification is recorded only after deciding to notify', () => {
    const incident = apply(inResponse(), {
      type: 'decide-ap-notification',
      notify: false,
      reasoning: 'Niet.',
      advice: null,
    });
    const decision = decide(
      incident,
      { type: 'record-ap-notification', version: incident.version, submittedAt: new Date('2026-10-23T21:55:00Z') },
      officer,
      clockAt(),
    );
    expect(refusal(decision)).toBe('wrong-stage');
  });

  describe('late notification', () => {
    const decided = () =>
      apply(inResponse(), { type: 'decide-ap-notification', notify: true, reasoning: 'Melden.', advice: null });
    const deadline = new Date(new Date(DISCOVERED).getTime() + AP_NOTIFICATION_HOURS * 3600_000);

    it('at exactly 72 hours is in time: no reasons asked', () => {
      const incident = decided();
      const clock = clockAt('2026-10-27T00:00:00Z');
      const decision = decide(
        incident,
        { type: 'record-ap-notification', version: incident.version, submittedAt: deadline },
        officer,
        clock,
      );
      expect(decision.ok && decision.incident.apNotification?.delayReasons).toBeNull();
    });

    it('one second later needs the reasons for the delay (art. 33(1))', () => {
      const incident = decided();
      const clock = clockAt('2026-10-27T00:00:00Z');
      const late = new Date(deadline.getTime() + 1000);
      const command = { type: 'record-ap-notification' as const, version: incident.version, submittedAt: late };
      const refused = decide(incident, command, officer, clock);
      expect(fields(refused)).toEqual(['delayReasons']);
      expect(refused.ok ? '' : refused.problems[0]!.message.nl).toMatch(/redenen voor de vertraging/);
      const decision = decide(
        incident,
        { ...command, delayReasons: 'Pas na het weekend compleet beeld.' },
        officer,
        clock,
      );
      expect(decision.ok && decision.incident.apNotification?.delayReasons).toBe('Pas na het weekend compleet beeld.');
    });

    it('refuses a submission before the discovery or in the future', () => {
      const incident = decided();
      for (const submittedAt of [new Date('2026-10-23T21:00:00Z'), new Date('2026-10-24T22:00:00Z'), new Date('x')]) {
        const decision = decide(
          incident,
          { type: 'record-ap-notification', version: incident.version, submittedAt },
          officer,
          clockAt(),
        );
        expect(fields(decision)).toEqual(['submittedAt']);
      }
    });
  });

  it("the AP's reference may be added after closing, as a correction with a reason", () => {
    const incident = closedRegistered();
    const command = {
      type: 'record-ap-notification' as const,
      version: incident.version,
      submittedAt: incident.apNotification!.submittedAt,
      apReference: 'AP-2026-777',
    };
    expect(fields(decide(incident, command, officer, clockAt()))).toEqual(['reason']);
    const decision = decide(incident, { ...command, reason: 'Kenmerk van de AP ontvangen.' }, officer, clockAt());
    expect(decision.ok && decision.events[0]!.changes).toContainEqual({
      field: 'apNotification.apReference',
      from: 'AP-123',
      to: 'AP-2026-777',
    });
  });
});

describe('step 6: the data-subject decision', () => {
  const decidedAp = () =>
    apply(inResponse(), { type: 'decide-ap-notification', notify: true, reasoning: 'Melden.', advice: null });

  it('a public communication needs the disproportionate-effort exemption (art. 34(3)(c))', () => {
    const incident = decidedAp();
    const command = {
      type: 'decide-data-subjects' as const,
      version: incident.version,
      outcome: 'public-communication' as const,
      reasoning: 'Te veel adressen onbekend.',
      advice: null,
    };
    expect(fields(decide(incident, command, officer, clockAt()))).toEqual(['exemption']);
    expect(decide(incident, { ...command, exemption: 'disproportionate-effort' }, officer, clockAt()).ok).toBe(true);
  });

  it('informing needs no exemption; an unknown exemption is refused', () => {
    const incident = decidedAp();
    const base = { type: 'decide-data-subjects' as const, version: incident.version, reasoning: 'x', advice: null };
    expect(
      fields(decide(incident, { ...base, outcome: 'inform', exemption: 'unintelligible' }, officer, clockAt())),
    ).toEqual(['exemption']);
    expect(
      fields(decide(incident, { ...base, outcome: 'not-inform', exemption: 'bogus' as never }, officer, clockAt())),
    ).toEqual(['exemption']);
    expect(
      decide(incident, { ...base, outcome: 'not-inform', exemption: 'unintelligible' }, officer, clockAt()).ok,
    ).toBe(true);
  });

  it('departing from the advice needs a reason', () => {
    const incident = decidedAp();
    const advice = { modelVersion: 'v1', notifyAp: true, dataSubjects: 'inform' as const };
    const decision = decide(
      incident,
      { type: 'decide-data-subjects', version: incident.version, outcome: 'not-inform', reasoning: 'x', advice },
      officer,
      clockAt(),
    );
    expect(fields(decision)).toEqual(['departureReason']);
  });

  it('informing is recorded once, only after deciding to inform, and then the decision is final', () => {
    let incident = decidedAp();
    incident = apply(incident, {
      type: 'decide-data-subjects',
      outcome: 'not-inform',
      reasoning: 'Laag risico.',
      advice: null,
    });
    const record = { type: 'record-data-subjects-informed' as const, informedAt: new Date('2026-10-23T21:59:00Z') };
    expect(refusal(decide(incident, { ...record, version: incident.version }, officer, clockAt()))).toBe('wrong-stage');
    incident = apply(incident, {
      type: 'decide-data-subjects',
      outcome: 'inform',
      reasoning: 'Toch.',
      advice: null,
      reason: 'Nieuwe feiten.',
    });
    incident = apply(incident, record);
    expect(fields(decide(incident, { ...record, version: incident.version }, officer, clockAt()))).toEqual([
      'informedAt',
    ]);
    const revise = decide(
      incident,
      {
        type: 'decide-data-subjects',
        version: incident.version,
        outcome: 'not-inform',
        reasoning: 'x',
        advice: null,
        reason: 'y',
      },
      officer,
      clockAt(),
    );
    expect(fields(revise)).toEqual(['outcome']);
  });
});

describe('step 7: close and re-open', () => {
  it('cannot close with steps 4–6 open; lists each, and the consequences', () => {
    const incident = inResponse();
    const decision = decide(
      incident,
      { type: 'close', version: incident.version, consequences: '' },
      officer,
      clockAt(),
    );
    expect(fields(decision)).toEqual(['containment', 'apDecision', 'dataSubjectDecision', 'consequences']);
  });

  it('closes as registered when every step is done', () => {
    const incident = closedRegistered();
    expect(incident.closure).toMatchObject({ outcome: 'registered', consequences: 'Geen schade bekend.' });
    expect(Object.values(stepStatuses(incident))).toEqual(Array(7).fill('done'));
  });

  it('re-open needs a reason; a breach goes back to steps 4–6, an early ending back to step 2', () => {
    const closed = closedRegistered();
    expect(
      fields(decide(closed, { type: 'reopen', version: closed.version, reason: ' ' }, officer, clockAt())),
    ).toEqual(['reason']);
    const reopened = decide(
      closed,
      { type: 'reopen', version: closed.version, reason: 'Meer cliënten betrokken.' },
      officer,
      clockAt(),
    );
    expect(reopened.ok && reopened.incident.stage).toBe('response');
    expect(reopened.ok && reopened.incident.closure).toBeNull();
    expect(reopened.ok && reopened.events[0]!.reason).toBe('Meer cliënten betrokken.');
    const nearMiss = closedNearMiss();
    const back = decide(
      nearMiss,
      { type: 'reopen', version: nearMiss.version, reason: 'Toch verstuurd.' },
      officer,
      clockAt(),
    );
    expect(back.ok && back.incident.stage).toBe('reported');
    // Assessing again is then a first assessment of the re-opened incident: no revision reason needed.
    const again = back.ok
      ? apply(back.incident, { type: 'assess', conclusion: 'breach', reasoning: 'Wel verstuurd.' })
      : null;
    expect(again?.stage).toBe('overview');
  });

  it('after closing only measures, the AP reference and FG advice change; the rest needs a re-open', () => {
    const closed = closedRegistered();
    const measure = decide(
      closed,
      { type: 'update-containment-measure', version: closed.version, measureId: 'm1', owner: 'Leverancier' },
      officer,
      clockAt(),
    );
    expect(measure.ok).toBe(true);
    const checklist = decide(
      closed,
      { type: 'update-checklist', version: closed.version, answers: {} },
      officer,
      clockAt(),
    );
    expect(refusal(checklist)).toBe('wrong-stage');
  });
});

describe('the FG', () => {
  it('records advice at any stage, also after closing; each is kept', () => {
    for (const incident of [reported(), inResponse(), closedRegistered()]) {
      const decision = decide(
        incident,
        { type: 'record-dpo-advice', version: incident.version, text: 'Melden bij twijfel.' },
        dpo,
        clockAt(),
      );
      expect(decision.ok && decision.incident.dpoAdvice).toEqual([
        { text: 'Melden bij twijfel.', recordedAt: clockAt().now(), recordedBy: 'fg-1' },
      ]);
    }
  });

  it('does not decide (GDPR art. 38(6): no conflict of interest)', () => {
    const incident = inResponse();
    const decision = decide(incident, sampleCommand('decide-ap-notification', incident.version), dpo, clockAt());
    expect(refusal(decision)).toBe('forbidden');
  });

  it('a person holding both roles acts as privacy officer', () => {
    const both = { personId: 'p', roles: ['dpo', 'privacy-officer'] as const };
    const incident = inResponse();
    expect(decide(incident, sampleCommand('add-containment-measure', incident.version), both, clockAt()).ok).toBe(true);
  });

  it('refuses empty advice', () => {
    const incident = reported();
    expect(fields(decide(incident, { type: 'record-dpo-advice', version: 1, text: '' }, dpo, clockAt()))).toEqual([
      'text',
    ]);
  });
});
