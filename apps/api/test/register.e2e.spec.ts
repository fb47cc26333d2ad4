import { fixedClock, systemClock } from '@babyconnect/domain';
import { AppClock } from '../src/time/app-clock';
import { gql } from './support/gql';
import { ok, report, step, withInput, type IncidentView } from './support/incidents';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// The AP form's answers, follow-up and withdrawal, the letter with its versions and sending, and the register,
// through GraphQL with real tokens and PostgreSQL. Each test makes its own incidents and looks only at them.

jest.setTimeout(120_000);

const DISCOVERED = '2026-10-23T21:40:00.000Z';
const HOUR = 3600_000;

const CHECKLIST = {
  kinds: ['CONFIDENTIALITY'],
  cause: { category: 'LOST_DEVICE', description: 'Onversleutelde USB-stick met cliëntenlijst verloren.' },
  stillOngoing: 'NO',
  dataCategories: ['HEALTH', 'NAME_ADDRESS'],
  groups: ['CLIENTS', 'NEWBORNS'],
  persons: { kind: 'RANGE', min: 100, max: 250 },
  records: { kind: 'EXACT', value: 240 },
};

const ANSWERS = `query($id: ID!) { apNotificationAnswers(incidentId: $id) {
  reference missing textNl decidedToNotify sections { key answers { key answer { nl en } } }
  submission { submittedAt apReference delayReasons late } followUps { summary apReference } withdrawal { reason }
  communications { channel recipients letterVersion } } }`;
const FOLLOW_UP = `mutation($id: ID!, $input: RecordApFollowUpInput!) {
  recordApFollowUp(incidentId: $id, input: $input) { followUps { summary submittedAt } } }`;
const WITHDRAW = `mutation($id: ID!, $input: WithdrawApNotificationInput!) {
  withdrawApNotification(incidentId: $id, input: $input) { withdrawal { reason withdrawnAt } } }`;
const LETTER = `query($id: ID!, $language: LetterLanguage, $variant: LetterVariant) {
  dataSubjectLetter(incidentId: $id, language: $language, variant: $variant) {
    draft { subject body parts { key text } } versions { version subject body savedByName } } }`;
const SAVE_LETTER = `mutation($id: ID!, $input: SaveDataSubjectLetterInput!) {
  saveDataSubjectLetter(incidentId: $id, input: $input) { versions { version body } } }`;
const SENT = `mutation($id: ID!, $input: RecordDataSubjectCommunicationInput!) {
  recordDataSubjectCommunication(incidentId: $id, input: $input) { communications { channel recipients letterVersion } } }`;
const REGISTER = `query($filter: RegisterFilterInput, $first: Int) { breachRegister(first: $first, filter: $filter) {
  entries { id reference outcome apNotified apReference late delayReasons followUps withdrawal apDecision
    communications subjectsDecision } nextCursor } }`;

type Answers = {
  reference: string;
  missing: string[];
  textNl: string;
  sections: { key: string; answers: { key: string; answer: { nl: string } | null }[] }[];
  submission: { apReference: string | null; late: boolean; delayReasons: string | null } | null;
  followUps: { summary: string }[];
  withdrawal: { reason: string } | null;
  communications: { channel: string; recipients: number | null; letterVersion: number | null }[];
};

describe('register: AP answers, follow-up, withdrawal, letter and the register through GraphQL', () => {
  let t: TestApp;
  let clock: ReturnType<typeof fixedClock>;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());
  beforeEach(() => {
    clock = fixedClock(DISCOVERED);
    t.app.get(AppClock).use(clock);
  });
  afterEach(() => t.app.get(AppClock).use(systemClock));

  const call = async <T>(user: string, query: string, variables: Record<string, unknown>) =>
    gql<T>(t.http, { token: await tokenFor(user), query, variables });
  const answers = async (id: string, user = 'wieg-privacy') =>
    (await call<{ apNotificationAnswers: Answers }>(user, ANSWERS, { id })).data!.apNotificationAnswers;
  const answerOf = (a: Answers, key: string) =>
    a.sections.flatMap((s) => s.answers).find((x) => x.key === key)!.answer?.nl ?? null;

  async function decidedToNotify(exercise = false): Promise<IncidentView> {
    let incident = await report(t.http, 'wieg-medewerker', {
      discoveredAt: DISCOVERED,
      whatHappened: 'Een USB-stick met een cliëntenlijst is kwijt.',
      exercise,
    });
    incident = await ok(
      step(
        t.http,
        'wieg-privacy',
        'assessIncident',
        incident,
        {
          input: { conclusion: 'BREACH', reasoning: 'Gezondheidsgegevens onversleuteld kwijt.' },
        },
        ...withInput('AssessIncidentInput'),
      ),
    );
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
    incident = await ok(step(t.http, 'wieg-privacy', 'completeIncidentOverview', incident));
    incident = await ok(
      step(
        t.http,
        'wieg-privacy',
        'addContainmentMeasure',
        incident,
        {
          input: { description: 'Verlies gemeld bij gevonden voorwerpen' },
        },
        ...withInput('AddContainmentMeasureInput'),
      ),
    );
    return ok(
      step(
        t.http,
        'wieg-privacy',
        'decideApNotification',
        incident,
        {
          input: {
            notify: true,
            reasoning: 'Gezondheidsgegevens van pasgeborenen.',
            departureReason: 'Bij twijfel melden.',
          },
        },
        ...withInput('DecideApNotificationInput'),
      ),
    );
  }

  it('answers the AP form from the incident; late notification with reasons; follow-up and withdrawal as records', async () => {
    let incident = await decidedToNotify();
    const before = await answers(incident.id);
    expect(before.reference).toBe(incident.reference);
    expect(before.sections.map((s) => s.key).slice(0, 3)).toEqual(['organisation', 'breach', 'personal-data']);
    expect(answerOf(before, 'data.special')).toBe('gezondheidsgegevens');
    expect(answerOf(before, 'data.persons')).toBe('tussen 100 en 250 (schatting)');
    expect(before.missing).toContain('breach.notifiedAt');
    expect(before.submission).toBeNull();

    // Auditor and FG read the answers; the employee does not.
    expect((await answers(incident.id, 'wieg-auditor')).reference).toBe(incident.reference);
    expect((await call('wieg-medewerker', ANSWERS, { id: incident.id })).code).toBe('FORBIDDEN');

    // 80 hours later: late, so the workflow asks for the reasons; the answers then carry them.
    clock.advance(80 * HOUR);
    incident = await ok(
      step(
        t.http,
        'wieg-privacy',
        'recordApNotification',
        incident,
        {
          input: {
            submittedAt: clock.now().toISOString(),
            apReference: 'M-TEST-77',
            delayReasons: 'De omvang werd pas na het weekend bekend.',
          },
        },
        ...withInput('RecordApNotificationInput'),
      ),
    );
    const late = await answers(incident.id);
    expect(late.submission).toMatchObject({ apReference: 'M-TEST-77', late: true });
    expect(answerOf(late, 'breach.late')).toBe('Ja. Redenen: De omvang werd pas na het weekend bekend.');
    expect(late.missing).not.toContain('breach.notifiedAt');

    clock.advance(HOUR);
    const noSummary = await call('wieg-privacy', FOLLOW_UP, {
      id: incident.id,
      input: { submittedAt: clock.now().toISOString(), summary: '  ' },
    });
    expect(noSummary.code).toBe('BAD_USER_INPUT');
    const byAuditor = await call('wieg-auditor', FOLLOW_UP, {
      id: incident.id,
      input: { submittedAt: clock.now().toISOString(), summary: 'x' },
    });
    expect(byAuditor.code).toBe('FORBIDDEN');
    const followed = await call('wieg-privacy', FOLLOW_UP, {
      id: incident.id,
      input: { submittedAt: clock.now().toISOString(), summary: 'Aantal personen vastgesteld op 212.' },
    });
    expect(followed.errors).toEqual([]);
    clock.advance(HOUR);
    const withdrawn = await call('wieg-privacy', WITHDRAW, {
      id: incident.id,
      input: { withdrawnAt: clock.now().toISOString(), reason: 'De stick is ongeopend teruggevonden.' },
    });
    expect(withdrawn.errors).toEqual([]);
    const twice = await call('wieg-privacy', WITHDRAW, {
      id: incident.id,
      input: { withdrawnAt: clock.now().toISOString(), reason: 'Nogmaals.' },
    });
    expect(twice.code).toBe('BAD_USER_INPUT');
    const after = await answers(incident.id);
    expect(after.followUps.map((f) => f.summary)).toEqual(['Aantal personen vastgesteld op 212.']);
    expect(after.withdrawal?.reason).toBe('De stick is ongeopend teruggevonden.');
    expect(answerOf(after, 'followUp.apReference')).toBe('M-TEST-77');
    // The records are append-only in the database, like the incident history.
    await expect(t.db.sql('UPDATE ap_notification_records SET text = $1', ['weg'])).rejects.toThrow(/append-only/);

    // The register keeps it all, and the filters find it.
    const register = async (filter: Record<string, unknown>) =>
      (
        await call<{ breachRegister: { entries: Record<string, unknown>[] } }>('wieg-auditor', REGISTER, {
          filter: { from: '2026-10-23T00:00:00Z', to: '2026-10-24T00:00:00Z', ...filter },
          first: 100,
        })
      ).data!.breachRegister.entries;
    const mine = (await register({ late: true })).find((e) => e['id'] === incident.id);
    expect(mine).toMatchObject({
      reference: incident.reference,
      apNotified: true,
      apReference: 'M-TEST-77',
      late: true,
      delayReasons: 'De omvang werd pas na het weekend bekend.',
    });
    expect(mine!['followUps']).toContain('212');
    expect(mine!['withdrawal']).toContain('teruggevonden');
    expect(mine!['apDecision']).toBe('melden: Gezondheidsgegevens van pasgeborenen.');
    expect((await register({ late: false })).map((e) => e['id'])).not.toContain(incident.id);
    expect((await register({ notified: false })).map((e) => e['id'])).not.toContain(incident.id);
    expect((await register({ kind: 'AVAILABILITY' })).map((e) => e['id'])).not.toContain(incident.id);
    expect((await register({ kind: 'CONFIDENTIALITY' })).map((e) => e['id'])).toContain(incident.id);
    expect((await register({ nearMisses: true })).map((e) => e['id'])).not.toContain(incident.id);
    // The employee may not read the register.
    expect((await call('wieg-medewerker', REGISTER, {})).code).toBe('FORBIDDEN');
  });

  it('never lists an exercise; lists a near miss only in its own list', async () => {
    const exercise = await decidedToNotify(true);
    let nearMiss = await report(t.http, 'wieg-medewerker', { discoveredAt: DISCOVERED });
    nearMiss = await ok(
      step(
        t.http,
        'wieg-privacy',
        'assessIncident',
        nearMiss,
        {
          input: { conclusion: 'NEAR_MISS', reasoning: 'Op tijd teruggehaald.' },
        },
        ...withInput('AssessIncidentInput'),
      ),
    );
    const ids = async (nearMisses: boolean) => {
      const ids: string[] = [];
      let after: string | null = null;
      do {
        const res: { data: { breachRegister: { entries: { id: string }[]; nextCursor: string | null } } | null } =
          await call(
            'wieg-privacy',
            `query($f: RegisterFilterInput, $after: String) {
            breachRegister(first: 2, after: $after, filter: $f) { entries { id } nextCursor } }`,
            {
              f: { nearMisses, from: '2026-10-23T00:00:00Z', to: '2026-10-24T00:00:00Z' },
              after,
            },
          );
        ids.push(...res.data!.breachRegister.entries.map((e) => e.id));
        after = res.data!.breachRegister.nextCursor;
      } while (after);
      return ids;
    };
    const breaches = await ids(false);
    const nearMisses = await ids(true);
    expect(breaches).not.toContain(exercise.id);
    expect(nearMisses).not.toContain(exercise.id);
    expect(nearMisses).toContain(nearMiss.id);
    expect(breaches).not.toContain(nearMiss.id);
    expect(new Set(breaches).size).toBe(breaches.length); // paging neither repeats nor skips
  });

  it("agrees with the AP clock on 'late': a breach closed later as not a breach or near miss stops counting", async () => {
    // Assessed as a breach, no AP decision, and after the 72 hours re-assessed as not a breach / as a near miss:
    // the AP clock reads "not needed" (incident-clock.ts), so neither the filter nor the column may call it late.
    const assessed = async (conclusion: string) => {
      const incident = await report(t.http, 'wieg-medewerker', { discoveredAt: DISCOVERED });
      return ok(
        step(
          t.http,
          'wieg-privacy',
          'assessIncident',
          incident,
          { input: { conclusion, reasoning: 'Eerste beoordeling.' } },
          ...withInput('AssessIncidentInput'),
        ),
      );
    };
    const reassess = (incident: IncidentView, conclusion: string) =>
      ok(
        step(
          t.http,
          'wieg-privacy',
          'assessIncident',
          incident,
          { input: { conclusion, reasoning: 'Bij nader inzien geen datalek.', reason: 'Nieuwe feiten.' } },
          ...withInput('AssessIncidentInput'),
        ),
      );
    const stillOpen = await assessed('BREACH');
    const notABreach = await assessed('BREACH');
    const nearMiss = await assessed('BREACH');
    clock.advance(80 * HOUR);
    await reassess(notABreach, 'NOT_A_BREACH');
    await reassess(nearMiss, 'NEAR_MISS');
    const mine = [stillOpen.id, notABreach.id, nearMiss.id];

    const read = async (filter: Record<string, unknown>) =>
      (
        await call<{ breachRegister: { entries: { id: string; late: boolean }[] } }>('wieg-auditor', REGISTER, {
          filter: { from: '2026-10-23T00:00:00Z', to: '2026-10-24T00:00:00Z', ...filter },
          first: 100,
        })
      ).data!.breachRegister.entries.filter((e) => mine.includes(e.id));
    for (const nearMisses of [false, true]) {
      const all = await read({ nearMisses });
      const lateColumn = all.filter((e) => e.late).map((e) => e.id);
      const lateFilter = (await read({ nearMisses, late: true })).map((e) => e.id);
      const notLateFilter = (await read({ nearMisses, late: false })).map((e) => e.id);
      expect(lateFilter.sort()).toEqual([...lateColumn].sort());
      expect(notLateFilter.sort()).toEqual(
        all
          .filter((e) => !e.late)
          .map((e) => e.id)
          .sort(),
      );
    }
    // The breach nobody decided on is late; the other two are not, and the near miss is in its own list.
    expect((await read({ late: true })).map((e) => e.id)).toEqual([stillOpen.id]);
    expect((await read({ late: false })).map((e) => e.id)).toEqual([notABreach.id]);
    expect((await read({ nearMisses: true })).map((e) => [e.id, e.late])).toEqual([[nearMiss.id, false]]);
  });

  it('drafts the letter, keeps every saved version, and records the sending without identities', async () => {
    let incident = await decidedToNotify();
    clock.advance(2 * HOUR);
    incident = await ok(
      step(
        t.http,
        'wieg-privacy',
        'recordApNotification',
        incident,
        {
          input: { submittedAt: clock.now().toISOString(), apReference: 'M-TEST-78' },
        },
        ...withInput('RecordApNotificationInput'),
      ),
    );
    const draft = (
      await call<{
        dataSubjectLetter: { draft: { subject: string; body: string; parts: { key: string; text: string }[] } };
      }>('wieg-fg', LETTER, { id: incident.id })
    ).data!.dataSubjectLetter.draft;
    expect(draft.parts.map((p) => p.key)).toEqual([
      'opening',
      'what-happened',
      'which-data',
      'consequences',
      'measures',
      'self-help',
      'contact',
      'closing',
    ]);
    expect(draft.parts.find((p) => p.key === 'which-data')!.text).toContain('gezondheidsgegevens');
    const en = (
      await call<{ dataSubjectLetter: { draft: { subject: string } } }>('wieg-privacy', LETTER, {
        id: incident.id,
        language: 'EN',
        variant: 'PUBLIC_COMMUNICATION',
      })
    ).data!.dataSubjectLetter.draft;
    expect(en.subject).toMatch(/^Information about a data breach at /);

    const save = (body: string, user = 'wieg-privacy', confirm?: boolean) =>
      call<{ saveDataSubjectLetter: { versions: { version: number; body: string }[] } }>(user, SAVE_LETTER, {
        id: incident.id,
        input: { language: 'NL', variant: 'LETTER', subject: draft.subject, body, confirmPrivacyWarnings: confirm },
      });
    expect((await save(draft.body)).errors).toEqual([]);
    const second = await save(`${draft.body}\n\nPS: bel gerust.`);
    expect(second.data!.saveDataSubjectLetter.versions.map((v) => v.version)).toEqual([2, 1]);
    expect((await save('x', 'wieg-fg')).code).toBe('FORBIDDEN');
    // A letter that looks like it names a client (an e-mail address) needs a confirmation.
    const named = await save('Beste cliënt, bereikbaar op jan.jansen@example.org.');
    expect(named.code).toBe('PRIVACY_CONFIRMATION_REQUIRED');

    // Sending is recorded after the step-6 decision only.
    const early = await call('wieg-privacy', SENT, {
      id: incident.id,
      input: { sentAt: clock.now().toISOString(), channel: 'LETTER', recipients: 212, letterVersion: 2 },
    });
    expect(early.code).toBe('BAD_USER_INPUT');
    incident = await ok(
      step(
        t.http,
        'wieg-privacy',
        'decideDataSubjects',
        incident,
        {
          input: { outcome: 'INFORM', reasoning: 'Hoog risico.', departureReason: 'Voorzichtig.' },
        },
        ...withInput('DecideDataSubjectsInput'),
      ),
    );
    const sent = await call<{ recordDataSubjectCommunication: Answers }>('wieg-privacy', SENT, {
      id: incident.id,
      input: { sentAt: clock.now().toISOString(), channel: 'LETTER', recipients: 212, letterVersion: 2 },
    });
    expect(sent.data!.recordDataSubjectCommunication.communications).toEqual([
      { channel: 'LETTER', recipients: 212, letterVersion: 2 },
    ]);
    const unknownVersion = await call('wieg-privacy', SENT, {
      id: incident.id,
      input: { sentAt: clock.now().toISOString(), channel: 'LETTER', recipients: 1, letterVersion: 9 },
    });
    expect(unknownVersion.code).toBe('BAD_USER_INPUT');
    await expect(t.db.sql('DELETE FROM data_subject_letters')).rejects.toThrow(/append-only/);
  });
});
