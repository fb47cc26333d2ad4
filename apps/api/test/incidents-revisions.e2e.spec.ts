import { fixedClock, systemClock } from '@babyconnect/domain';
import { AppClock } from '../src/time/app-clock';
import { gql } from './support/gql';
import { DETAIL, HISTORY, LIST, ok, report, step, withInput, type IncidentView } from './support/incidents';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// What may still change beside the protocol's line, through GraphQL per role: the report corrected (step 1), the
// risk answers of steps 5 and 6, the improvement actions of step 7 (also after closing), and the FG's advice.

const DISCOVERED = '2026-10-23T21:40:00.000Z';
const HOUR = 3600_000;

const CHECKLIST = {
  kinds: ['CONFIDENTIALITY'],
  cause: { category: 'MISDIRECTED_EMAIL', description: 'Verslag naar de verkeerde ontvanger gemaild.' },
  stillOngoing: 'NO',
  dataCategories: ['HEALTH', 'NAME_ADDRESS'],
  groups: ['CLIENTS'],
  persons: { kind: 'EXACT', value: 1 },
  records: { kind: 'EXACT', value: 1 },
};

describe('incidents: corrections, risk answers, improvement actions, FG advice', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());
  beforeEach(() => t.app.get(AppClock).use(fixedClock(new Date(Date.parse(DISCOVERED) + HOUR).toISOString())));
  afterEach(() => t.app.get(AppClock).use(systemClock));

  const detail = async (id: string, username = 'wieg-privacy') =>
    (
      await gql<{ incident: IncidentView }>(t.http, {
        token: await tokenFor(username),
        query: DETAIL,
        variables: { id },
      })
    ).data!.incident;
  const history = async (id: string) =>
    (
      await gql<{
        incidentHistory: {
          type: string;
          personId: string;
          reason: string | null;
          version: number;
          changes: { field: string; from: string; to: string }[];
        }[];
      }>(t.http, { token: await tokenFor('wieg-auditor'), query: HISTORY, variables: { id } })
    ).data!.incidentHistory;
  const userId = async (username: string) =>
    (
      await gql<{ me: { user: { id: string } } }>(t.http, {
        token: await tokenFor(username),
        query: '{ me { user { id } } }',
      })
    ).data!.me.user.id;

  const correct = (
    username: string,
    incident: { id: string; version: number },
    input: Record<string, unknown>,
    language?: string,
  ) => step(t.http, username, 'correctReport', incident, { input }, ...withInput('CorrectReportInput'), language);
  const answers = (username: string, incident: { id: string; version: number }, input: Record<string, unknown>) =>
    step(t.http, username, 'updateRiskAnswers', incident, { input }, ...withInput('RiskAnswersInput'));
  const addAction = (
    username: string,
    incident: { id: string; version: number },
    input: Record<string, unknown>,
    language?: string,
  ) =>
    step(
      t.http,
      username,
      'addImprovementAction',
      incident,
      { input },
      ...withInput('AddImprovementActionInput'),
      language,
    );
  const updateAction = (username: string, incident: { id: string; version: number }, input: Record<string, unknown>) =>
    step(
      t.http,
      username,
      'updateImprovementAction',
      incident,
      { input },
      ...withInput('UpdateImprovementActionInput'),
    );

  async function assessed(): Promise<IncidentView> {
    const incident = await report(t.http, 'wieg-medewerker', { discoveredAt: DISCOVERED });
    return ok(
      step(
        t.http,
        'wieg-privacy',
        'assessIncident',
        incident,
        { input: { conclusion: 'BREACH', reasoning: 'Gezondheidsgegevens.' } },
        ...withInput('AssessIncidentInput'),
      ),
    );
  }
  async function inResponse(): Promise<IncidentView> {
    let incident = await assessed();
    incident = await ok(
      step(
        t.http,
        'wieg-privacy',
        'updateIncidentChecklist',
        incident,
        { input: CHECKLIST },
        ...withInput('ChecklistInput'),
      ),
    );
    return ok(step(t.http, 'wieg-privacy', 'completeIncidentOverview', incident));
  }

  describe('correctReport', () => {
    it('the reporter corrects their own report before assessment and gets back only their own report', async () => {
      const incident = await report(t.http, 'wieg-medewerker', { discoveredAt: DISCOVERED });
      const res = await gql<{ correctReport: Record<string, unknown> }>(t.http, {
        token: await tokenFor('wieg-medewerker'),
        query: `mutation($id: ID!, $v: Int!, $input: CorrectReportInput!) { correctReport(id: $id, expectedVersion: $v, input: $input) {
          version report { whatHappened howDiscovered otherOrganisationsInvolved } riskAdvice { level } dpoAdvice { text }
          containment { measures { id } } improvementActions { id } } }`,
        variables: {
          id: incident.id,
          v: 1,
          input: {
            whatHappened: 'Verslag naar de verkeerde praktijk gemaild.',
            howDiscovered: null,
            otherOrganisationsInvolved: 'UNKNOWN',
          },
        },
      });
      expect(res.errors).toEqual([]);
      expect(res.data!.correctReport).toEqual({
        version: 2,
        report: {
          whatHappened: 'Verslag naar de verkeerde praktijk gemaild.',
          howDiscovered: null,
          otherOrganisationsInvolved: 'UNKNOWN',
        },
        riskAdvice: null,
        dpoAdvice: [],
        containment: { measures: [] },
        improvementActions: [],
      });
      const events = await history(incident.id);
      expect(events.at(-1)).toMatchObject({ type: 'correct-report', version: 2 });
      expect(
        events
          .at(-1)!
          .changes.map((c) => c.field)
          .sort(),
      ).toEqual(['report.howDiscovered', 'report.otherOrganisationsInvolved', 'report.whatHappened']);
    });

    it("another employee does not find someone else's report; after assessment the reporter is refused; FG and auditor may not correct", async () => {
      const incident = await report(t.http, 'wieg-medewerker', { discoveredAt: DISCOVERED });
      // De Wieg has one employee: the report they did not make is the privacy officer's.
      const other = await report(t.http, 'wieg-privacy', { discoveredAt: DISCOVERED });
      expect((await correct('wieg-medewerker', other, { whatHappened: 'Overgenomen.' })).code).toBe('NOT_FOUND');
      expect((await correct('wieg-fg', incident, { whatHappened: 'Anders.' })).code).toBe('FORBIDDEN');
      expect((await correct('wieg-auditor', incident, { whatHappened: 'Anders.' })).code).toBe('FORBIDDEN');
      const after = await ok(
        step(
          t.http,
          'wieg-privacy',
          'assessIncident',
          incident,
          { input: { conclusion: 'BREACH', reasoning: 'Ja.' } },
          ...withInput('AssessIncidentInput'),
        ),
      );
      expect((await correct('wieg-medewerker', after, { whatHappened: 'Anders.' })).code).toBe('FORBIDDEN');
      // The officer still may, in later stages.
      const corrected = await ok(
        correct('wieg-privacy', after, { whatHappened: 'Aangevuld door de privacyfunctionaris.' }),
      );
      expect(corrected.version).toBe(after.version + 1);
    });

    it('moving the discovery needs a reason and moves the AP deadline, in the detail and in the list column', async () => {
      const incident = await assessed();
      const earlier = new Date(Date.parse(DISCOVERED) - 5 * HOUR).toISOString();
      const noReason = await correct('wieg-privacy', incident, { discoveredAt: earlier }, 'en');
      expect(noReason.code).toBe('BAD_USER_INPUT');
      expect(noReason.errors[0]!.extensions.fields!.map((f) => f.field)).toEqual(['reason']);
      const moved = await ok(
        correct('wieg-privacy', incident, { discoveredAt: earlier, reason: 'Het logboek toont een eerdere melding.' }),
      );
      expect(moved.discoveredAt).toBe(earlier);
      expect(moved.apDeadline).toBe(new Date(Date.parse(earlier) + 72 * HOUR).toISOString());
      const [row] = await t.db.sql<{ ap_deadline: Date; discovered_at: Date }>(
        'SELECT ap_deadline, discovered_at FROM incidents WHERE id = $1',
        [incident.id],
      );
      expect(new Date(row!.ap_deadline).toISOString()).toBe(moved.apDeadline);
      const listed = await gql<{ incidents: { nodes: { id: string; apClock: { deadline: string } }[] } }>(t.http, {
        token: await tokenFor('wieg-privacy'),
        query: `query($filter: IncidentFilterInput) { incidents(first: 100, filter: $filter) { nodes { id apClock { deadline } } } }`,
        variables: { filter: { text: moved.reference } },
      });
      expect(listed.data!.incidents.nodes).toEqual([{ id: incident.id, apClock: { deadline: moved.apDeadline } }]);
      expect((await history(incident.id)).at(-1)).toMatchObject({ reason: 'Het logboek toont een eerdere melding.' });
    });

    it('refuses bad input per field with clear errors and changes nothing', async () => {
      const incident = await assessed();
      const future = await correct('wieg-privacy', incident, { discoveredAt: '2027-01-01T00:00:00Z', reason: 'x' });
      expect(future.code).toBe('BAD_USER_INPUT');
      expect(future.errors[0]!.extensions.fields!.map((f) => f.field)).toEqual(['discoveredAt']);
      const long = await correct('wieg-privacy', incident, { whatHappened: 'x'.repeat(100_000) });
      expect(long.errors[0]!.extensions.fields!.map((f) => f.field)).toEqual(['whatHappened']);
      const control = await correct('wieg-privacy', incident, { whatHappened: 'a\u0000b' });
      expect(control.code).toBe('BAD_USER_INPUT');
      const blank = await correct('wieg-privacy', incident, { whatHappened: '   ' });
      expect(blank.errors[0]!.extensions.fields!.map((f) => f.field)).toEqual(['whatHappened']);
      const badDate = await correct('wieg-privacy', incident, { discoveredAt: 'gisteren' });
      expect(badDate.code).toBe('BAD_USER_INPUT');
      const unknownEnum = await correct('wieg-privacy', incident, { otherOrganisationsInvolved: 'MAYBE' });
      expect(unknownEnum.code).toBe('BAD_USER_INPUT');
      for (const r of [future, long, control, blank, badDate, unknownEnum]) expect(r.status).toBeLessThan(500);
      expect((await detail(incident.id)).version).toBe(incident.version);
      expect((await history(incident.id)).at(-1)!.version).toBe(incident.version);
    });

    it('the privacy guard names the field by its label, never the API name or the value, and saves once confirmed', async () => {
      const incident = await assessed();
      const text = 'Mail van jan.jansen@example.org doorgestuurd.';
      const warned = await correct('wieg-privacy', incident, { whatHappened: text });
      expect(warned.code).toBe('PRIVACY_CONFIRMATION_REQUIRED');
      expect(warned.errors[0]!.extensions.fields!.map((f) => f.field)).toEqual(['whatHappened']);
      expect(warned.errors[0]!.message).toContain('Het veld "Wat is er gebeurd"');
      const english = await correct('wieg-privacy', incident, { whatHappened: text }, 'en');
      expect(english.errors[0]!.message).toContain('The field "What happened"');
      const body = JSON.stringify([warned.errors, english.errors]);
      expect(body).not.toContain('jan.jansen');
      expect(body).not.toContain('veld \\"whatHappened\\"');
      expect(body).not.toContain('field \\"whatHappened\\"');
      expect((await detail(incident.id)).version).toBe(incident.version);
      const saved = await ok(correct('wieg-privacy', incident, { whatHappened: text, confirmPrivacyWarnings: true }));
      expect(saved.version).toBe(incident.version + 1);
    });

    it('two people correcting one version: the second gets CONFLICT and nothing is overwritten', async () => {
      const incident = await assessed();
      const [a, b] = await Promise.all([
        correct('wieg-privacy', incident, { whatHappened: 'Versie A.' }),
        correct('wieg-privacy', incident, { whatHappened: 'Versie B.' }),
      ]);
      const codes = [a.code, b.code].sort((x, y) => String(x).localeCompare(String(y)));
      expect(codes).toEqual(['CONFLICT', null]);
      const winner = a.code === null ? 'Versie A.' : 'Versie B.';
      expect(((await detail(incident.id)).report as { whatHappened: string }).whatHappened).toBe(winner);
    });
  });

  describe('updateRiskAnswers', () => {
    it('the officer answers; the advice reads the answers; after a decision a change needs a reason', async () => {
      let incident = await inResponse();
      incident = await ok(
        answers('wieg-privacy', incident, { easeOfIdentification: 'NEGLIGIBLE', integrityLoss: 'RECOVERABLE' }),
      );
      const seen = await detail(incident.id);
      expect(seen.riskAnswers).toEqual({
        easeOfIdentification: 'NEGLIGIBLE',
        integrityLoss: 'RECOVERABLE',
        availabilityLoss: 'UNKNOWN',
        laterMeasuresRemovedHighRisk: 'UNKNOWN',
        individualContactDisproportionate: 'UNKNOWN',
      });
      const advice = seen.riskAdvice as { missingAnswers: { question: string }[] };
      expect(JSON.stringify(advice)).not.toContain('easeOfIdentification"'); // answered, so not missing
      const inputs = await gql<{ incident: { riskAdvice: { inputs: string } } }>(t.http, {
        token: await tokenFor('wieg-privacy'),
        query: 'query($id: ID!) { incident(id: $id) { riskAdvice { inputs } } }',
        variables: { id: incident.id },
      });
      expect(JSON.parse(inputs.data!.incident.riskAdvice.inputs).answers).toMatchObject({
        easeOfIdentification: 'negligible',
      });

      incident = await ok(
        step(
          t.http,
          'wieg-privacy',
          'decideApNotification',
          incident,
          { input: { notify: true, reasoning: 'Melden.', departureReason: 'Bij twijfel melden.' } },
          ...withInput('DecideApNotificationInput'),
        ),
      );
      const noReason = await answers('wieg-privacy', incident, { laterMeasuresRemovedHighRisk: 'YES' });
      expect(noReason.code).toBe('BAD_USER_INPUT');
      expect(noReason.errors[0]!.extensions.fields!.map((f) => f.field)).toEqual(['reason']);
      incident = await ok(
        answers('wieg-privacy', incident, { laterMeasuresRemovedHighRisk: 'YES', reason: 'Verwijdering bevestigd.' }),
      );
      const last = (await history(incident.id)).at(-1)!;
      expect(last).toMatchObject({ type: 'update-risk-answers', reason: 'Verwijdering bevestigd.' });
      expect(last.changes).toEqual([
        { field: 'riskAnswers.laterMeasuresRemovedHighRisk', from: '"unknown"', to: '"yes"' },
      ]);
    });

    it('FG, auditor and employee are refused; an unknown value, a reported incident and a stale version too', async () => {
      const incident = await inResponse();
      for (const who of ['wieg-fg', 'wieg-auditor', 'wieg-medewerker']) {
        expect((await answers(who, incident, { easeOfIdentification: 'LIMITED' })).code).toBe('FORBIDDEN');
      }
      expect((await answers('wieg-privacy', incident, { easeOfIdentification: 'OBVIOUS' })).code).toBe(
        'BAD_USER_INPUT',
      );
      const fresh = await report(t.http, 'wieg-medewerker', { discoveredAt: DISCOVERED });
      expect((await answers('wieg-privacy', fresh, { easeOfIdentification: 'LIMITED' })).code).toBe('CONFLICT');
      await ok(answers('wieg-privacy', incident, { availabilityLoss: 'TEMPORARY' }));
      const stale = await answers('wieg-privacy', incident, { availabilityLoss: 'PERMANENT' });
      expect(stale.code).toBe('CONFLICT');
      expect(((await detail(incident.id)).riskAnswers as { availabilityLoss: string }).availabilityLoss).toBe(
        'TEMPORARY',
      );
    });
  });

  describe('improvement actions', () => {
    it('the officer adds and follows actions, also after closing; DONE records when; every change is in the history', async () => {
      let incident = await assessed();
      incident = await ok(
        addAction('wieg-privacy', incident, {
          description: 'Werkinstructie mailen aanpassen',
          owner: 'Praktijkmanager',
          dueAt: '2026-11-30T12:00:00Z',
        }),
      );
      const [action] = (await detail(incident.id)).improvementActions as {
        id: string;
        status: string;
        doneAt: string | null;
      }[];
      expect(action).toMatchObject({ status: 'PLANNED', doneAt: null });
      // Close it early (near miss after revision) and go on with the action: improvement continues after closing.
      incident = await ok(
        step(
          t.http,
          'wieg-privacy',
          'assessIncident',
          incident,
          { input: { conclusion: 'NEAR_MISS', reasoning: 'Toch niet verzonden.', reason: 'Logboek.' } },
          ...withInput('AssessIncidentInput'),
        ),
      );
      expect(incident.stage).toBe('CLOSED');
      incident = await ok(
        updateAction('wieg-privacy', incident, { actionId: action!.id, status: 'DONE', owner: null }),
      );
      const after = await detail(incident.id);
      expect(after.improvementActions).toEqual([
        expect.objectContaining({
          id: action!.id,
          status: 'DONE',
          owner: null,
          doneAt: new Date(Date.parse(DISCOVERED) + HOUR).toISOString(),
        }),
      ]);
      incident = await ok(addAction('wieg-privacy', incident, { description: 'Scholing privacy voor het team' }));
      const types = (await history(incident.id)).map((e) => e.type);
      expect(types.filter((type) => type.includes('improvement-action'))).toEqual([
        'add-improvement-action',
        'update-improvement-action',
        'add-improvement-action',
      ]);
    });

    it('FG (advises only), auditor and employee are refused; before assessment it is too early', async () => {
      const incident = await assessed();
      for (const who of ['wieg-fg', 'wieg-auditor', 'wieg-medewerker']) {
        expect((await addAction(who, incident, { description: 'Iets.' })).code).toBe('FORBIDDEN');
      }
      const fresh = await report(t.http, 'wieg-medewerker', { discoveredAt: DISCOVERED });
      expect((await addAction('wieg-privacy', fresh, { description: 'Iets.' })).code).toBe('CONFLICT');
    });

    it('refuses bad input per field, never a 500, and a refusal changes nothing', async () => {
      const incident = await assessed();
      const cases: [Record<string, unknown>, string][] = [
        [{ description: ' ' }, 'description'],
        [{ description: 'x'.repeat(100_000) }, 'description'],
        [{ description: 'Goed', owner: 'Eigen\u0007aar' }, 'owner'],
        [{ description: 'Goed', owner: 'x'.repeat(201) }, 'owner'],
        [{ description: 'Goed', dueAt: '2020-01-01T00:00:00Z' }, 'dueAt'],
        [{ description: 'Goed', dueAt: '2099-01-01T00:00:00Z' }, 'dueAt'],
      ];
      for (const [input, field] of cases) {
        const res = await addAction('wieg-privacy', incident, input);
        // A control character is refused by the API's text check before the domain: there the field is `input.owner`.
        const fields = res.errors[0]?.extensions.fields?.map((f) => f.field.replace(/^input\./, ''));
        expect({ field, code: res.code, fields, status: res.status < 500 }).toEqual({
          field,
          code: 'BAD_USER_INPUT',
          fields: [field],
          status: true,
        });
      }
      const unknown = await updateAction('wieg-privacy', incident, { actionId: 'bestaat-niet', status: 'DONE' });
      expect(unknown.errors[0]?.extensions.fields?.map((f) => f.field)).toEqual(['actionId']);
      const badStatus = await updateAction('wieg-privacy', incident, { actionId: 'x', status: 'FINISHED' });
      expect(badStatus.code).toBe('BAD_USER_INPUT');
      const fresh = await detail(incident.id);
      expect(fresh.version).toBe(incident.version);
      expect(fresh.improvementActions).toEqual([]);
    });

    it('the privacy guard names the owner field by its label; concurrent additions: one CONFLICT', async () => {
      const incident = await assessed();
      const warned = await addAction(
        'wieg-privacy',
        incident,
        { description: 'Bellen', owner: 'Mevrouw, 06-12345678' },
        'en',
      );
      expect(warned.code).toBe('PRIVACY_CONFIRMATION_REQUIRED');
      expect(warned.errors[0]!.extensions.fields!.map((f) => f.field)).toEqual(['owner']);
      expect(warned.errors[0]!.message).toContain('The field "Owner of the improvement action"');
      expect(JSON.stringify(warned.errors)).not.toContain('12345678');
      const [a, b] = await Promise.all([
        addAction('wieg-privacy', incident, { description: 'Actie A' }),
        addAction('wieg-privacy', incident, { description: 'Actie B' }),
      ]);
      expect([a.code, b.code].filter((c) => c === 'CONFLICT')).toHaveLength(1);
      expect((await detail(incident.id)).improvementActions).toHaveLength(1);
    });
  });

  it('FG advice carries the author, the time and the text, and is in the history', async () => {
    const incident = await assessed();
    const fg = await userId('wieg-fg');
    const advised = await ok(
      step(
        t.http,
        'wieg-fg',
        'recordDpoAdvice',
        incident,
        { text: 'Leg de afweging over de ontvanger vast.' },
        '$text: String!',
        'text: $text',
      ),
    );
    expect((await detail(advised.id)).dpoAdvice).toEqual([
      {
        text: 'Leg de afweging over de ontvanger vast.',
        recordedAt: new Date(Date.parse(DISCOVERED) + HOUR).toISOString(),
        recordedBy: fg,
      },
    ]);
    const event = (await history(incident.id)).at(-1)!;
    expect(event).toMatchObject({ type: 'record-dpo-advice', personId: fg, version: advised.version });
    expect(event.changes[0]!.field).toBe('dpoAdvice');
    expect(event.changes[0]!.to).toContain('Leg de afweging over de ontvanger vast.');
    // The privacy guard names the FG's field by its label.
    const warned = await step(
      t.http,
      'wieg-fg',
      'recordDpoAdvice',
      advised,
      { text: 'Bel 06-12345678.' },
      '$text: String!',
      'text: $text',
    );
    expect(warned.errors[0]!.message).toContain('Het veld "Advies van de FG"');
  });

  it('the list still answers for an incident whose discovery was corrected', async () => {
    const res = await gql(t.http, { token: await tokenFor('wieg-privacy'), query: LIST, variables: { first: 5 } });
    expect(res.errors).toEqual([]);
  });
});
