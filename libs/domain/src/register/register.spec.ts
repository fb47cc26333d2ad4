import { apply, clockAt, DISCOVERED, inResponse, officer, reported } from '../breach/test-fixtures';
import type { BreachIncident } from '../breach/incident';
import {
  apAnswersText,
  apNotificationAnswers,
  missingApAnswers,
  MISSING_ANSWER,
  type ApAnswerSection,
  type RegisterOrganisation,
} from './ap-answers';
import { draftDataSubjectLetter, withoutKnownValues } from './letter';
import { checkApFollowUp, checkApWithdrawal, checkCommunication, checkLetter, type ApFollowUp } from './records';
import { amsterdamWallClock, cellText, isoAmsterdam, REGISTER_COLUMNS, registerEntry } from './register-entry';

// The worked example: De Wieg loses an unencrypted USB stick with a client list (the demo's DL-…-0001, on the
// fixtures' dates). A careful FG would fill the AP form with exactly these facts; the tests compare fields and
// values, not whole texts.

const WIEG: RegisterOrganisation = {
  name: 'Verloskundigenpraktijk De Wieg',
  kind: 'MIDWIFERY_PRACTICE',
  contactRole: 'DPO',
  contactName: 'Fenna de Graaf',
  contactEmail: 'fg@dewieg.example.org',
};

const NOW = new Date('2026-10-25T12:00:00Z');

function usbStick(): BreachIncident {
  let incident = apply(inResponse(), {
    type: 'update-checklist',
    answers: {
      kinds: ['confidentiality', 'availability'],
      cause: {
        category: 'lost-device',
        description: 'Onversleutelde USB-stick met cliëntenlijst verloren in de trein.',
      },
      startedAt: new Date('2026-10-23T16:00:00Z'),
      dataCategories: ['name-address', 'contact', 'health'],
      persons: { kind: 'range', min: 100, max: 250 },
      records: { kind: 'exact', value: 240 },
      groups: ['clients', 'newborns'],
      stillOngoing: 'no',
      unintelligible: { encrypted: 'no', encryptionStateOfTheArt: 'unknown', keyCompromised: 'unknown' },
    },
  });
  incident = apply(incident, {
    type: 'add-containment-measure',
    measureId: 'm1',
    description: 'Verlies gemeld bij NS Gevonden voorwerpen',
  });
  incident = apply(incident, { type: 'update-containment-measure', measureId: 'm1', status: 'done' });
  incident = apply(incident, {
    type: 'add-containment-measure',
    measureId: 'm2',
    description: 'Alle USB-sticks vervangen door versleutelde',
  });
  incident = apply(incident, {
    type: 'add-improvement-action',
    actionId: 'a1',
    description: 'USB-poorten blokkeren op praktijklaptops',
  });
  incident = apply(incident, {
    type: 'decide-ap-notification',
    notify: true,
    reasoning: 'Gezondheidsgegevens van cliënten en pasgeborenen, onversleuteld.',
    advice: null,
  });
  return incident;
}

const at = (iso: string) => clockAt(iso);

function notifiedInTime(): BreachIncident {
  return apply(
    usbStick(),
    { type: 'record-ap-notification', submittedAt: new Date('2026-10-24T19:40:00Z'), apReference: 'M-2026-001234' },
    officer,
    at('2026-10-24T20:00:00Z'),
  );
}

function answer(sections: ApAnswerSection[], key: string, lang: 'nl' | 'en' = 'nl'): string | null {
  for (const s of sections) for (const a of s.answers) if (a.key === key) return a.answer?.[lang] ?? null;
  throw new Error(`no answer ${key}`);
}

describe('AP notification answers (art. 33(3))', () => {
  it('answers every section of the AP form in its order, from the incident', () => {
    const sections = apNotificationAnswers({
      reference: 'DL-2026-0001',
      incident: notifiedInTime(),
      organisation: WIEG,
      followUps: [],
      withdrawal: null,
      communications: [],
      now: NOW,
    });
    expect(sections.map((s) => s.key)).toEqual([
      'organisation',
      'breach',
      'personal-data',
      'consequences',
      'measures',
      'data-subjects',
      'cross-border',
    ]);
    expect(answer(sections, 'organisation.name')).toBe('Verloskundigenpraktijk De Wieg');
    expect(answer(sections, 'organisation.contact')).toBe(
      'Fenna de Graaf, functionaris gegevensbescherming (FG), fg@dewieg.example.org',
    );
    expect(answer(sections, 'breach.summary')).toContain('Onversleutelde USB-stick');
    expect(answer(sections, 'breach.kind')).toBe('vertrouwelijkheid en beschikbaarheid');
    expect(answer(sections, 'breach.kind', 'en')).toBe('confidentiality and availability');
    expect(answer(sections, 'breach.cause')).toBe('apparaat of gegevensdrager kwijtgeraakt');
    // 16:00 UTC is 18:00 CEST; the discovery at 21:40 UTC is 23:40 CEST.
    expect(answer(sections, 'breach.startedAt')).toContain('23 oktober 2026 om 18:00');
    expect(answer(sections, 'breach.discoveredAt')).toContain('23 oktober 2026 om 23:40');
    expect(answer(sections, 'breach.notifiedAt')).toContain('24 oktober 2026 om 21:40');
    expect(answer(sections, 'breach.late')).toMatch(/^Nee \(binnen 72 uur; termijn .*26 oktober 2026 om 22:40 CET\)$/);
    expect(answer(sections, 'breach.ongoing')).toBe('nee');
    expect(answer(sections, 'data.categories')).toBe('naam- en adresgegevens en contactgegevens');
    expect(answer(sections, 'data.special')).toBe('gezondheidsgegevens');
    expect(answer(sections, 'data.persons')).toBe('tussen 100 en 250 (schatting)');
    expect(answer(sections, 'data.records')).toBe('240');
    expect(answer(sections, 'data.groups')).toBe('cliënten en pasgeborenen');
    expect(answer(sections, 'data.unintelligible')).toBe('nee');
    expect(answer(sections, 'consequences.likely')).toMatch(/gezondheidsgegevens.*stigmatisering/);
    expect(answer(sections, 'consequences.likely')).toContain('phishing');
    expect(answer(sections, 'measures.taken')).toBe('- Verlies gemeld bij NS Gevonden voorwerpen');
    expect(answer(sections, 'measures.planned')).toBe(
      '- Alle USB-sticks vervangen door versleutelde\n- USB-poorten blokkeren op praktijklaptops',
    );
    expect(answer(sections, 'crossBorder.answer')).toMatch(/^Nee\./);
    expect(answer(sections, 'crossBorder.chain')).toBe('nee');
  });

  it('marks what is not known yet as missing, never as "no"', () => {
    const incident = apply(reported(), { type: 'assess', conclusion: 'breach', reasoning: 'Verslag bij een derde.' });
    const sections = apNotificationAnswers({
      reference: 'DL-2026-0002',
      incident,
      organisation: { ...WIEG, contactName: null, contactEmail: null, contactRole: null },
      followUps: [],
      withdrawal: null,
      communications: [],
      now: new Date('2026-10-24T00:00:00Z'),
    });
    expect(missingApAnswers(sections)).toEqual(
      expect.arrayContaining([
        'organisation.contact',
        'breach.kind',
        'breach.cause',
        'breach.startedAt',
        'breach.notifiedAt',
        'breach.ongoing',
        'data.categories',
        'data.special',
        'data.persons',
        'data.records',
        'data.groups',
        'consequences.likely',
        'measures.taken',
        'subjects.decision',
      ]),
    );
    expect(apAnswersText(sections, 'nl')).toContain(MISSING_ANSWER.nl);
    // Known from the report itself.
    expect(answer(sections, 'breach.discoveredAt')).not.toBeNull();
  });

  it('a notification after 72 hours carries its reasons for the delay', () => {
    const late = apply(
      usbStick(),
      {
        type: 'record-ap-notification',
        submittedAt: new Date('2026-10-27T10:00:00Z'),
        apReference: null,
        delayReasons: 'De omvang was pas na het terugvinden van de back-up bekend.',
      },
      officer,
      at('2026-10-27T10:05:00Z'),
    );
    const sections = apNotificationAnswers({
      reference: 'DL-2026-0001',
      incident: late,
      organisation: WIEG,
      followUps: [],
      withdrawal: null,
      communications: [],
      now: new Date('2026-10-27T10:05:00Z'),
    });
    expect(answer(sections, 'breach.late')).toBe(
      'Ja. Redenen: De omvang was pas na het terugvinden van de back-up bekend.',
    );
    const row = registerEntry(
      {
        id: 'x',
        reference: 'DL-2026-0001',
        incident: late,
        followUps: [],
        withdrawal: null,
        communications: [],
        now: NOW,
      },
      'nl',
    );
    expect(row.late).toBe(true);
    expect(row.delayReasons).toContain('back-up');
    // Prepared late but not yet submitted: the reasons are a missing answer, not "no".
    const unsent = apNotificationAnswers({
      reference: 'DL-2026-0001',
      incident: usbStick(),
      organisation: WIEG,
      followUps: [],
      withdrawal: null,
      communications: [],
      now: new Date('2026-10-28T00:00:00Z'),
    });
    expect(answer(unsent, 'breach.late')).toBeNull();
  });

  it('a follow-up notification (art. 33(4)) and a withdrawal are records of their own, in their own section', () => {
    const incident = notifiedInTime();
    const followUp = checkApFollowUp(
      incident,
      null,
      { submittedAt: new Date('2026-10-26T09:00:00Z'), summary: 'Aantal personen vastgesteld: 212.', apReference: '' },
      'officer-1',
      new Date('2026-10-26T09:05:00Z'),
    );
    if (!followUp.ok) throw new Error(JSON.stringify(followUp.problems));
    expect(followUp.value.apReference).toBeNull();
    const withdrawal = checkApWithdrawal(
      incident,
      null,
      { withdrawnAt: new Date('2026-10-27T09:00:00Z'), reason: 'De stick is ongeopend teruggevonden.' },
      'officer-1',
      new Date('2026-10-27T09:05:00Z'),
    );
    if (!withdrawal.ok) throw new Error(JSON.stringify(withdrawal.problems));
    const sections = apNotificationAnswers({
      reference: 'DL-2026-0001',
      incident,
      organisation: WIEG,
      followUps: [followUp.value],
      withdrawal: withdrawal.value,
      communications: [],
      now: NOW,
    });
    expect(sections.at(-1)!.key).toBe('follow-up');
    expect(answer(sections, 'followUp.apReference')).toBe('M-2026-001234');
    expect(answer(sections, 'followUp.1')).toMatch(/26 oktober 2026 om 10:00 CET: Aantal personen vastgesteld: 212\./);
    expect(answer(sections, 'followUp.withdrawal')).toContain('ongeopend teruggevonden');
    // No second withdrawal, and no follow-up after it.
    expect(checkApWithdrawal(incident, withdrawal.value, { withdrawnAt: NOW, reason: 'x' }, 'o', NOW).ok).toBe(false);
    const after = checkApFollowUp(incident, withdrawal.value, { submittedAt: NOW, summary: 'x' }, 'o', NOW);
    expect(after.ok ? [] : after.problems.map((p) => p.field)).toEqual(['withdrawal']);
  });

  it('refuses a follow-up before any notification was recorded, and one dated before the notification', () => {
    const none = checkApFollowUp(usbStick(), null, { submittedAt: NOW, summary: 'Aanvulling' }, 'o', NOW);
    expect(none.ok ? [] : none.problems.map((p) => p.field)).toEqual(['apNotification']);
    const early = checkApFollowUp(
      notifiedInTime(),
      null,
      { submittedAt: new Date('2026-10-24T10:00:00Z'), summary: 'Aanvulling' },
      'o',
      NOW,
    );
    expect(early.ok ? [] : early.problems.map((p) => p.field)).toEqual(['submittedAt']);
  });
});

describe('the letter to data subjects (art. 34)', () => {
  function informed(): BreachIncident {
    return apply(
      notifiedInTime(),
      { type: 'decide-data-subjects', outcome: 'inform', reasoning: 'Hoog risico: gezondheidsgegevens.', advice: null },
      officer,
      at('2026-10-24T20:10:00Z'),
    );
  }

  it('says in plain Dutch what happened, which data, the consequences, the measures, what to do, whom to contact', () => {
    const letter = draftDataSubjectLetter({
      reference: 'DL-2026-0001',
      incident: informed(),
      organisation: WIEG,
      variant: 'letter',
      language: 'nl',
    });
    const part = (key: string) => letter.parts.find((p) => p.key === key)!.text;
    expect(letter.subject).toBe('Informatie over een datalek bij Verloskundigenpraktijk De Wieg');
    expect(part('opening')).toBe('Geachte heer, mevrouw,');
    expect(part('what-happened')).toContain('vrijdag 23 oktober 2026');
    expect(part('what-happened')).toContain('Onversleutelde USB-stick met cliëntenlijst verloren in de trein.');
    expect(part('which-data')).toBe(
      'Het gaat om deze gegevens: naam- en adresgegevens, contactgegevens en gezondheidsgegevens.',
    );
    expect(part('consequences')).toContain('stigmatisering');
    expect(part('measures')).toContain('- Verlies gemeld bij NS Gevonden voorwerpen');
    expect(part('measures')).toContain('- USB-poorten blokkeren op praktijklaptops');
    expect(part('self-help')).toContain('Wees alert op e-mails');
    expect(part('self-help')).not.toContain('Wijzig uw wachtwoord'); // no credentials were involved
    expect(part('contact')).toBe(
      'Met vragen kunt u terecht bij onze functionaris gegevensbescherming, Fenna de Graaf, via fg@dewieg.example.org.',
    );
    expect(part('closing')).toContain('gemeld bij de Autoriteit Persoonsgegevens');
    expect(letter.body).toContain(part('self-help'));
    // Mail-merge-free: nothing that addresses one client by name.
    expect(letter.body).not.toMatch(/\{\{|<naam>|\[naam\]/i);
  });

  it('has an English version and a public-communication variant', () => {
    const en = draftDataSubjectLetter({
      reference: 'DL-2026-0001',
      incident: informed(),
      organisation: WIEG,
      variant: 'letter',
      language: 'en',
    });
    expect(en.subject).toBe('Information about a data breach at Verloskundigenpraktijk De Wieg');
    expect(en.parts.find((p) => p.key === 'which-data')!.text).toBe(
      'The data involved: names and addresses, contact details and health data.',
    );
    const pub = draftDataSubjectLetter({
      reference: 'DL-2026-0001',
      incident: informed(),
      organisation: WIEG,
      variant: 'public-communication',
      language: 'nl',
    });
    expect(pub.parts[0]!.text).toBe(
      'Mededeling van Verloskundigenpraktijk De Wieg aan iedereen die cliënt bij ons is of was.',
    );
    expect(pub.body).not.toContain('uw gegevens betrokken');
  });

  it('versions: each save is a new version; a sending is recorded with when, how and how many', () => {
    const v1 = checkLetter({ language: 'nl', variant: 'letter', subject: 'Datalek', body: 'Tekst' }, 0, 'o', NOW);
    expect(v1.ok && v1.value.version).toBe(1);
    const v2 = checkLetter({ language: 'nl', variant: 'letter', subject: 'Datalek', body: 'Tekst 2' }, 1, 'o', NOW);
    expect(v2.ok && v2.value.version).toBe(2);
    expect(checkLetter({ language: 'nl', variant: 'letter', subject: '', body: '' }, 1, 'o', NOW).ok).toBe(false);

    const sent = checkCommunication(
      informed(),
      { sentAt: new Date('2026-10-25T08:00:00Z'), channel: 'letter', recipients: 212, letterVersion: 2 },
      2,
      'o',
      NOW,
    );
    expect(sent.ok && sent.value.recipients).toBe(212);
    const noCount = checkCommunication(informed(), { sentAt: NOW, channel: 'email' }, 2, 'o', NOW);
    expect(noCount.ok ? [] : noCount.problems.map((p) => p.field)).toEqual(['recipients']);
    const notDecided = checkCommunication(notifiedInTime(), { sentAt: NOW, channel: 'website' }, null, 'o', NOW);
    expect(notDecided.ok ? [] : notDecided.problems.map((p) => p.field)).toEqual(['dataSubjectDecision']);
  });
});

describe('register entry (art. 33(5))', () => {
  it('keeps the facts, decisions with considerations, AP reference and follow-ups', () => {
    const followUps: ApFollowUp[] = [
      {
        submittedAt: new Date('2026-10-26T09:00:00Z'),
        summary: 'Aantal personen vastgesteld.',
        apReference: null,
        recordedAt: NOW,
        recordedBy: 'o',
      },
    ];
    const entry = registerEntry(
      {
        id: 'i1',
        reference: 'DL-2026-0001',
        incident: notifiedInTime(),
        followUps,
        withdrawal: null,
        communications: [],
        now: NOW,
      },
      'nl',
    );
    expect(entry.outcome).toBe('open');
    expect(entry.apNotified).toBe(true);
    expect(entry.apReference).toBe('M-2026-001234');
    expect(entry.late).toBe(false);
    expect(entry.apDecision).toBe('melden: Gezondheidsgegevens van cliënten en pasgeborenen, onversleuteld.');
    expect(entry.followUps).toContain('Aantal personen vastgesteld.');
    expect(entry.discoveredAt.toISOString()).toBe(new Date(DISCOVERED).toISOString());
    const col = REGISTER_COLUMNS.find((c) => c.key === 'discoveredAt')!;
    expect(cellText(entry, col, 'nl')).toBe('2026-10-23 23:40');
    expect(
      cellText(
        entry,
        REGISTER_COLUMNS.find((c) => c.key === 'apNotified')!,
        'nl',
      ),
    ).toBe('ja');
  });

  it('is late when notified after 72 hours, and also when the 72 hours passed without a notification', () => {
    const input = { id: 'i', reference: 'DL-2026-0001', followUps: [], withdrawal: null, communications: [] };
    const pending = usbStick(); // decided to notify, not yet notified
    expect(registerEntry({ ...input, incident: pending, now: new Date('2026-10-26T21:00:00Z') }, 'nl').late).toBe(
      false,
    );
    expect(registerEntry({ ...input, incident: pending, now: new Date('2026-10-27T00:00:00Z') }, 'nl').late).toBe(true);
    expect(
      registerEntry({ ...input, incident: notifiedInTime(), now: new Date('2026-12-01T00:00:00Z') }, 'nl').late,
    ).toBe(false);
  });

  it('never takes an exercise', () => {
    expect(() =>
      registerEntry(
        {
          id: 'i',
          reference: 'DL-2026-0002',
          incident: reported(true),
          followUps: [],
          withdrawal: null,
          communications: [],
          now: NOW,
        },
        'nl',
      ),
    ).toThrow(/exercise/);
  });
});

describe('register instants in Amsterdam time', () => {
  const intl = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });

  it('says what Intl says, around both summer-time changes and at random instants over decades', () => {
    const instants = [
      '2026-03-29T00:59:59Z', // 01:59 CET
      '2026-03-29T01:00:00Z', // 03:00 CEST
      '2026-10-25T00:30:00Z', // 02:30 CEST
      '2026-10-25T01:30:00Z', // 02:30 CET, the second time
      '1999-12-31T23:59:30Z',
      '2040-06-30T22:00:00Z',
    ].map((s) => new Date(s));
    let seed = 42;
    for (let i = 0; i < 5_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      instants.push(new Date(Date.UTC(1990, 0, 1) + (seed / 2 ** 31) * 60 * 365 * 24 * 3_600_000));
    }
    for (const at of instants) expect(isoAmsterdam(at)).toBe(intl.format(at));
    expect(isoAmsterdam(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25 02:30');
    expect(amsterdamWallClock(new Date('2026-03-29T01:00:59.999Z')).toISOString()).toBe('2026-03-29T03:00:00.000Z');
  });
});

describe('the letter and the privacy guard', () => {
  it('blanks out only what the draft itself wrote (the FG address, the discovery date), nothing a person added', () => {
    const text = 'Ontdekt op vrijdag 23 oktober 2026; mail fg@dewieg.example.org of jan@example.org.';
    const masked = withoutKnownValues(text, ['vrijdag 23 oktober 2026', 'fg@dewieg.example.org']);
    expect(masked).toHaveLength(text.length);
    expect(masked).not.toContain('fg@dewieg');
    expect(masked).toContain('jan@example.org');
  });
});
