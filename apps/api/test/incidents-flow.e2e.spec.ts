import { fixedClock, systemClock } from '@babyconnect/domain';
import { AppClock } from '../src/time/app-clock';
import { gql } from './support/gql';
import { DETAIL, HISTORY, LIST, ok, report, step, withInput, type IncidentView } from './support/incidents';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// Protocol steps 1–7 through GraphQL, each by the role the protocol gives it, with the real identity provider's
// tokens and a real PostgreSQL. The clock is the API's own (AppClock), stood still where a test needs it.

const DISCOVERED = '2026-10-23T21:40:00.000Z'; // 23:40 CEST on a Friday; summer time ends that Sunday
const HOUR = 3600_000;

/** The protocol's own example: a report mailed to the wrong gynaecologist, bound by secrecy, who deleted it. */
const GYNAECOLOGIST_CHECKLIST = {
  kinds: ['CONFIDENTIALITY'],
  cause: { category: 'MISDIRECTED_EMAIL', description: 'Verslag naar de verkeerde gynaecoloog gemaild.' },
  stillOngoing: 'NO',
  dataCategories: ['HEALTH', 'NAME_ADDRESS'],
  groups: ['CLIENTS', 'NEWBORNS'],
  persons: { kind: 'EXACT', value: 1 },
  records: { kind: 'EXACT', value: 1 },
  recipients: {
    count: { kind: 'EXACT', value: 1 },
    known: 'YES',
    maliceLikely: 'NO',
    professionalSecrecy: 'YES',
    deletionConfirmed: 'YES',
  },
};

describe('incidents: the whole protocol through GraphQL, per role', () => {
  let t: TestApp;
  let clock: ReturnType<typeof fixedClock>;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());
  beforeEach(() => {
    clock = fixedClock(DISCOVERED);
    t.app.get(AppClock).use(clock);
  });
  afterEach(() => t.app.get(AppClock).use(systemClock));

  const detail = async (id: string, username = 'wieg-privacy') =>
    (
      await gql<{ incident: IncidentView }>(t.http, {
        token: await tokenFor(username),
        query: DETAIL,
        variables: { id },
      })
    ).data!.incident;

  const filteredBy = async (clockState: string) =>
    (
      await gql<{ incidents: { nodes: { id: string }[] } }>(t.http, {
        token: await tokenFor('wieg-privacy'),
        query: LIST,
        variables: { first: 100, filter: { clockState } },
      })
    ).data!.incidents.nodes.map((n) => n.id);

  /** Reported by the employee, assessed as a breach and the checklist filled and completed by the officer. */
  async function inResponse(username = 'wieg-medewerker'): Promise<IncidentView> {
    let incident = await report(t.http, username);
    incident = await ok(
      step(
        t.http,
        'wieg-privacy',
        'assessIncident',
        incident,
        { input: { conclusion: 'BREACH', reasoning: 'Gezondheidsgegevens bij een derde.' } },
        ...withInput('AssessIncidentInput'),
      ),
    );
    incident = await ok(
      step(
        t.http,
        'wieg-privacy',
        'updateIncidentChecklist',
        incident,
        { input: GYNAECOLOGIST_CHECKLIST },
        ...withInput('ChecklistInput'),
      ),
    );
    return ok(step(t.http, 'wieg-privacy', 'completeIncidentOverview', incident));
  }

  it('employee reports; privacy officer takes it through steps 2–7 with the advice; FG advises; auditor reads the history', async () => {
    let incident = await inResponse();
    expect(incident).toMatchObject({ stage: 'RESPONSE', version: 4 });

    incident = await ok(
      step(
        t.http,
        'wieg-privacy',
        'addContainmentMeasure',
        incident,
        {
          input: {
            description: 'Verwijdering laten bevestigen',
            owner: 'Praktijkmanager',
            dueAt: '2026-10-24T10:00:00Z',
          },
        },
        ...withInput('AddContainmentMeasureInput'),
      ),
    );
    const measure = ((await detail(incident.id)).containment as { measures: { id: string; status: string }[] })
      .measures[0]!;
    expect(measure.status).toBe('PLANNED');
    incident = await ok(
      step(
        t.http,
        'wieg-privacy',
        'updateContainmentMeasure',
        incident,
        { input: { measureId: measure.id, status: 'DONE' } },
        ...withInput('UpdateContainmentMeasureInput'),
      ),
    );
    incident = await ok(step(t.http, 'wieg-privacy', 'completeContainment', incident));

    // Step 5: the advice is computed by the server from the checklist: the protocol's own example is "no risk".
    const advised = await detail(incident.id);
    const advice = advised.riskAdvice as {
      level: string;
      notifyAp: boolean;
      dataSubjects: string;
      modelVersion: string;
      reasons: { factor: string; text: { nl: string } }[];
    };
    expect(advice).toMatchObject({ level: 'NO_RISK', notifyAp: false, dataSubjects: 'NOT_INFORM' });
    expect(advice.reasons.map((r) => r.factor)).toContain('RECIPIENT');
    expect(advice.reasons.every((r) => r.text.nl.length > 0)).toBe(true);

    // Notifying anyway departs from the advice: that needs a reason.
    const decideAp = (input: Record<string, unknown>) =>
      step(
        t.http,
        'wieg-privacy',
        'decideApNotification',
        incident,
        { input },
        ...withInput('DecideApNotificationInput'),
      );
    const noReason = await decideAp({ notify: true, reasoning: 'Bij twijfel melden.' });
    expect(noReason.code).toBe('BAD_USER_INPUT');
    expect(noReason.errors[0]?.extensions.fields?.map((f) => f.field)).toEqual(['departureReason']);
    incident = await ok(
      decideAp({ notify: true, reasoning: 'Bij twijfel melden.', departureReason: 'Nieuwe praktijk, voorzichtig.' }),
    );

    clock.advance(HOUR);
    incident = await ok(
      step(
        t.http,
        'wieg-privacy',
        'recordApNotification',
        incident,
        { input: { submittedAt: clock.now().toISOString(), apReference: 'AP-2026-0001' } },
        ...withInput('RecordApNotificationInput'),
      ),
    );
    expect(incident.apClock.state).toBe('MET');
    incident = await ok(
      step(
        t.http,
        'wieg-privacy',
        'decideDataSubjects',
        incident,
        { input: { outcome: 'NOT_INFORM', reasoning: 'Geen hoog risico.' } },
        ...withInput('DecideDataSubjectsInput'),
      ),
    );

    // The FG advises; the FG and the auditor cannot decide.
    incident = await ok(
      step(
        t.http,
        'wieg-fg',
        'recordDpoAdvice',
        incident,
        { text: 'Eens met melden.' },
        '$text: String!',
        'text: $text',
      ),
    );
    const fgDecides = await step(
      t.http,
      'wieg-fg',
      'closeIncident',
      incident,
      { input: { consequences: 'Geen.' } },
      ...withInput('CloseIncidentInput'),
    );
    expect(fgDecides.code).toBe('FORBIDDEN');
    const auditorAssesses = await step(t.http, 'wieg-auditor', 'completeContainment', incident);
    expect(auditorAssesses.code).toBe('FORBIDDEN');

    incident = await ok(
      step(
        t.http,
        'wieg-privacy',
        'closeIncident',
        incident,
        { input: { consequences: 'Geen schade bekend.', recurrencePrevention: 'Adresboek opgeschoond.' } },
        ...withInput('CloseIncidentInput'),
      ),
    );
    expect(incident.stage).toBe('CLOSED');
    const closed = await detail(incident.id, 'wieg-fg');
    expect(closed).toMatchObject({
      closure: { outcome: 'REGISTERED', consequences: 'Geen schade bekend.' },
      apDecision: { notify: true, advice: { notifyAp: false, dataSubjects: 'NOT_INFORM' } },
      dpoAdvice: [{ text: 'Eens met melden.' }],
    });
    expect((closed.steps as { status: string }[]).every((s) => s.status === 'DONE')).toBe(true);

    // The auditor reads the history: every version, who, old → new, and the advice stored with the decision.
    const history = await gql<{
      incidentHistory: {
        version: number;
        type: string;
        personName: string | null;
        advice: { inputs: string; modelVersion: string } | null;
        changes: { field: string; from: string; to: string }[];
      }[];
    }>(t.http, {
      token: await tokenFor('wieg-auditor'),
      query: HISTORY,
      variables: { id: incident.id },
    });
    const events = history.data!.incidentHistory;
    expect(events.map((e) => e.version)).toEqual(Array.from({ length: incident.version }, (_, i) => i + 1));
    const decision = events.find((e) => e.type === 'decide-ap-notification')!;
    expect(decision.advice?.modelVersion).toBe(advice.modelVersion);
    expect(JSON.parse(decision.advice!.inputs)).toMatchObject({
      kinds: ['confidentiality'],
      organisationKind: 'MIDWIFERY_PRACTICE',
    });
    expect(decision.changes.find((c) => c.field === 'apDecision')?.from).toBe('null');
    expect(events[0]!.personName).not.toBeNull();
    // The history cannot be changed, not even by the schema owner's app role.
    await expect(t.db.sql('UPDATE incident_events SET type = $1', ['x'])).rejects.toThrow(/append-only/);

    // The employee follows the status of their report, nothing more.
    const list = await gql<{ incidents: { nodes: { id: string; stage: string; apClock: unknown }[] } }>(t.http, {
      token: await tokenFor('wieg-medewerker'),
      query: LIST,
      variables: { first: 100, filter: { stage: 'CLOSED' } },
    });
    expect(list.data!.incidents.nodes).toContainEqual(
      expect.objectContaining({ id: incident.id, stage: 'CLOSED', apClock: null }),
    );
    const history403 = await gql(t.http, {
      token: await tokenFor('wieg-medewerker'),
      query: HISTORY,
      variables: { id: incident.id },
    });
    expect(history403.code).toBe('FORBIDDEN');
  });

  it('answers CONFLICT naming the current version and who saved first; nothing is overwritten', async () => {
    const incident = await report(t.http, 'wieg-medewerker');
    const assess = (reasoning: string) =>
      step(
        t.http,
        'wieg-privacy',
        'assessIncident',
        incident,
        { input: { conclusion: 'BREACH', reasoning } },
        ...withInput('AssessIncidentInput'),
      );
    const results = await Promise.all([assess('Eerste blik.'), assess('Tweede blik.')]);
    const codes = results.map((r) => r.code).sort((a, b) => String(a).localeCompare(String(b)));
    expect(codes).toEqual(['CONFLICT', null]);
    const refused = results.find((r) => r.code === 'CONFLICT')!;
    expect(refused.errors[0]!.message).toMatch(/nu versie 2, u werkte met versie 1/);
    expect(refused.errors[0]!.extensions.fields?.map((f) => f.field)).toEqual(['version']);
    const winner = results.find((r) => r.code === null)!.data!['assessIncident']!;
    expect(winner.version).toBe(2);
    const stored = await t.db.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM incident_events WHERE incident_id = $1',
      [incident.id],
    );
    expect(stored[0]!.n).toBe(2);
  });

  it('refuses a skipped step with a readable CONFLICT, and absurd checklist counts with field errors', async () => {
    const incident = await report(t.http, 'wieg-medewerker');
    const skipped = await step(t.http, 'wieg-privacy', 'completeContainment', incident);
    expect(skipped.code).toBe('CONFLICT');
    expect(skipped.errors[0]!.extensions.fields?.map((f) => f.field)).toEqual(['stage']);
    expect(skipped.errors[0]!.message).toContain('Een stap kan niet worden overgeslagen.');
    const assessed = await ok(
      step(
        t.http,
        'wieg-privacy',
        'assessIncident',
        incident,
        { input: { conclusion: 'BREACH', reasoning: 'Ja.' } },
        ...withInput('AssessIncidentInput'),
      ),
    );
    const absurd = await step(
      t.http,
      'wieg-privacy',
      'updateIncidentChecklist',
      assessed,
      {
        input: {
          persons: { kind: 'EXACT', value: 1e12 },
          records: { kind: 'RANGE', min: 5, max: -1 },
          startedAt: '2026-10-24T00:00:00Z',
        },
      },
      ...withInput('ChecklistInput'),
    );
    expect(absurd.code).toBe('BAD_USER_INPUT');
    expect(absurd.errors[0]!.extensions.fields?.map((f) => f.field).sort()).toEqual([
      'checklist.persons.value',
      'checklist.records.max',
      'checklist.startedAt',
    ]);
    expect((await detail(incident.id)).version).toBe(2);
  });

  it('ends a near miss on its own: closed, no AP clock', async () => {
    const incident = await report(t.http, 'wieg-medewerker');
    const ended = await ok(
      step(
        t.http,
        'wieg-privacy',
        'assessIncident',
        incident,
        { input: { conclusion: 'NEAR_MISS', reasoning: 'Mail op tijd teruggehaald.' } },
        ...withInput('AssessIncidentInput'),
      ),
    );
    expect(ended).toMatchObject({ stage: 'CLOSED', apClock: { state: 'NOT_NEEDED' } });
    expect((await detail(incident.id)).closure).toMatchObject({ outcome: 'NEAR_MISS' });
  });

  it('runs the 72-hour clock on the API clock: due soon at 71 h 59 min; a late notification needs the reasons', async () => {
    let incident = await inResponse();
    incident = await ok(
      step(
        t.http,
        'wieg-privacy',
        'decideApNotification',
        incident,
        { input: { notify: true, reasoning: 'Melden.', departureReason: 'Voorzichtig.' } },
        ...withInput('DecideApNotificationInput'),
      ),
    );
    clock.set(new Date(Date.parse(DISCOVERED) + 71 * HOUR + 59 * 60_000));
    expect((await detail(incident.id)).apClock).toMatchObject({ state: 'DUE_SOON', remainingMs: 60_000 });
    // The list's filter computes the state in SQL: it must agree with the domain's clock.
    expect(await filteredBy('DUE_SOON')).toContain(incident.id);
    expect(await filteredBy('OPEN')).not.toContain(incident.id);
    clock.advance(2 * HOUR);
    expect((await detail(incident.id)).apClock).toMatchObject({ state: 'OVERDUE' });
    expect(await filteredBy('OVERDUE')).toContain(incident.id);
    const record = (input: Record<string, unknown>) =>
      step(
        t.http,
        'wieg-privacy',
        'recordApNotification',
        incident,
        { input },
        ...withInput('RecordApNotificationInput'),
        'en',
      );
    const late = await record({ submittedAt: clock.now().toISOString() });
    expect(late.code).toBe('BAD_USER_INPUT');
    expect(late.errors[0]!.extensions.fields?.[0]).toMatchObject({
      field: 'delayReasons',
      message: expect.stringContaining('GDPR (art. 33(1))'),
    });
    incident = await ok(
      record({ submittedAt: clock.now().toISOString(), delayReasons: 'Weekend; FG pas maandag bereikbaar.' }),
    );
    expect(incident.apClock.state).toBe('MET_LATE');
    expect(await filteredBy('MET_LATE')).toContain(incident.id);
    expect(await filteredBy('OVERDUE')).not.toContain(incident.id);
  });
});
