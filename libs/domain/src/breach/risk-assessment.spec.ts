import { emptyChecklist, type BreachChecklist } from './checklist';
import {
  adviceReference,
  assessRisk,
  departsFromAdvice,
  isHealthcareOrganisation,
  normaliseRiskInputs,
  RECOMMENDATIONS,
  recommendationRank,
  RISK_LEVELS,
  RISK_MODEL_VERSION,
  traceRisk,
  type RiskAdvice,
  type RiskAnswers,
  type RiskAssessmentInput,
} from './risk-assessment';
import { RISK_FACTORS, type RiskFactor } from './risk-reasons';
import { riskFactorLabel } from './risk-words';

type ChecklistPatch = Partial<Omit<BreachChecklist, 'recipients' | 'unintelligible'>> & {
  recipients?: Partial<BreachChecklist['recipients']>;
  unintelligible?: Partial<BreachChecklist['unintelligible']>;
};

function checklist(patch: ChecklistPatch): BreachChecklist {
  const empty = emptyChecklist();
  return {
    ...empty,
    ...patch,
    recipients: { ...empty.recipients, ...patch.recipients },
    unintelligible: { ...empty.unintelligible, ...patch.unintelligible },
  };
}

function advise(patch: ChecklistPatch, answers: Partial<RiskAnswers> = {}): RiskAdvice {
  return assessRisk({ checklist: checklist(patch), organisationKind: 'MIDWIFERY_PRACTICE', answers });
}

const reasonFor = (advice: RiskAdvice, factor: RiskFactor) => advice.reasons.find((r) => r.factor === factor);

const NOT_ENCRYPTED = { encrypted: 'no', encryptionStateOfTheArt: 'unknown', keyCompromised: 'unknown' } as const;
const ENCRYPTED_WELL = { encrypted: 'yes', encryptionStateOfTheArt: 'yes', keyCompromised: 'no' } as const;

// The protocol's own example (step 5): medical data sent by mistake from the midwifery practice to a
// gynaecologist at the hospital, who is bound by professional secrecy and confirmed the data is no longer there.
const GYNAECOLOGIST: ChecklistPatch = {
  kinds: ['confidentiality'],
  cause: { category: 'misdirected-email', description: null },
  dataCategories: ['name-address', 'health'],
  records: { kind: 'exact', value: 1 },
  persons: { kind: 'exact', value: 1 },
  groups: ['clients'],
  recipients: {
    count: { kind: 'exact', value: 1 },
    known: 'yes',
    maliceLikely: 'no',
    professionalSecrecy: 'yes',
    deletionConfirmed: 'yes',
  },
  unintelligible: NOT_ENCRYPTED,
};

// A known wrong recipient without professional secrecy (a neighbour got a letter), everything else answered.
const KNOWN_LAY_RECIPIENT = {
  count: { kind: 'exact', value: 1 },
  known: 'yes',
  maliceLikely: 'no',
  professionalSecrecy: 'no',
  deletionConfirmed: 'no',
} as const;

describe('the protocol’s example: health data sent by mistake to a gynaecologist', () => {
  const advice = advise(GYNAECOLOGIST);

  it('advises register only: no AP notification, no data-subject notice', () => {
    expect(advice.level).toBe('no-risk');
    expect(advice.recommendation).toBe('register-only');
    expect(advice.notifyAp).toBe(false);
    expect(advice.dataSubjects).toBe('not-inform');
    expect(advice.exemption).toBeNull();
    expect(advice.missingAnswers).toEqual([]);
  });

  it('keeps the model version and what it advised for the decision (public communication included)', () => {
    expect(adviceReference(advice)).toEqual({
      modelVersion: RISK_MODEL_VERSION,
      notifyAp: false,
      dataSubjects: 'not-inform',
    });
  });

  it('still shows how severe it would have been: health data of a named client, ENISA 4 × 1 + 0.25', () => {
    expect(advice.severity.score).toBe(4.25);
    expect(advice.severity.level).toBe('very-high');
    expect(advice.severity.dpc.drivenBy).toBe('health');
  });

  it('says why, naming the recipient as the factor that lowered it', () => {
    const recipient = reasonFor(advice, 'recipient')!;
    expect(recipient.effect).toBe('lowers');
    expect(recipient.text.nl).toMatch(/^De ontvanger: .*beroepsgeheim.*verwijderd/);
    expect(recipient.text.en).toMatch(/^The recipient: .*professional secrecy.*deleted/);
    expect(reasonFor(advice, 'data-kind-and-amount')!.text.nl).toContain('bijzondere persoonsgegevens (art. 9 AVG)');
    expect(reasonFor(advice, 'severity-of-consequences')!.text.nl).toContain('áls het risico zich voordoet');
    expect(advice.summary.nl).toMatch(/^Advies: niet melden bij de AP, wel registreren/);
    expect(advice.summary.en).toMatch(/^Advice: do not notify the AP; record the breach/);
  });

  it.each([
    ['deletion not confirmed', { deletionConfirmed: 'no' }],
    ['no professional secrecy', { professionalSecrecy: 'no' }],
    ['malice likely', { maliceLikely: 'yes' }],
  ] as const)('turns into high risk when %s', (_why, change) => {
    const changed = advise({ ...GYNAECOLOGIST, recipients: { ...GYNAECOLOGIST.recipients, ...change } });
    expect(changed.level).toBe('high-risk');
    expect(changed.recommendation).toBe('notify-ap-and-data-subjects');
  });

  it('does not trust the recipient while deletion is unknown, and asks for it', () => {
    const changed = advise({
      ...GYNAECOLOGIST,
      recipients: { ...GYNAECOLOGIST.recipients, deletionConfirmed: 'unknown' },
    });
    expect(changed.recommendation).toBe('notify-ap-and-data-subjects');
    expect(changed.missingAnswers.map((m) => m.question)).toContain('deletion-confirmed');
  });
});

describe('levels', () => {
  // Employees' contact details: no health context, no children: the low end of the scale.
  const EMPLOYEES: ChecklistPatch = {
    kinds: ['confidentiality'],
    cause: { category: 'misdirected-email', description: null },
    dataCategories: ['contact'],
    records: { kind: 'exact', value: 12 },
    persons: { kind: 'exact', value: 12 },
    groups: ['employees'],
    recipients: KNOWN_LAY_RECIPIENT,
    unintelligible: NOT_ENCRYPTED,
  };

  it('no risk: employees’ contact details to one known recipient (ENISA 1.25, low) → register only', () => {
    const advice = advise(EMPLOYEES);
    expect(advice.severity).toMatchObject({ score: 1.25, level: 'low' });
    expect(advice.level).toBe('no-risk');
    expect(advice.recommendation).toBe('register-only');
    expect(reasonFor(advice, 'healthcare-organisation')!.effect).toBe('neutral');
    expect(advice.summary.nl).toContain('onwaarschijnlijk');
  });

  const MALICIOUS_UNKNOWN = { ...KNOWN_LAY_RECIPIENT, known: 'no', maliceLikely: 'yes' } as const;

  it('risk: the same to unknown recipients with malice (1 + 0.5 + 0.5 = 2, medium) → notify the AP only', () => {
    const advice = advise({ ...EMPLOYEES, recipients: MALICIOUS_UNKNOWN });
    expect(advice.severity).toMatchObject({ score: 2, level: 'medium' });
    expect(advice.level).toBe('risk');
    expect(advice.recommendation).toBe('notify-ap');
    expect(advice.notifyAp).toBe(true);
    expect(advice.dataSubjects).toBe('not-inform');
    expect(reasonFor(advice, 'recipient')).toMatchObject({ effect: 'raises' });
    expect(reasonFor(advice, 'number-of-persons')!.effect).toBe('neutral');
  });

  it('high risk: the same for 150 persons (many persons raise risk to high risk)', () => {
    const advice = advise({
      ...EMPLOYEES,
      persons: { kind: 'range', min: 120, max: 150 },
      recipients: MALICIOUS_UNKNOWN,
    });
    expect(advice.severity.level).toBe('medium');
    expect(advice.level).toBe('high-risk');
    expect(advice.recommendation).toBe('notify-ap-and-data-subjects');
    expect(reasonFor(advice, 'number-of-persons')).toMatchObject({ effect: 'raises' });
    expect(reasonFor(advice, 'number-of-persons')!.text.nl).toContain('tussen 120 en 150 personen');
  });

  it('high risk: employees’ BSNs to a known lay recipient (DPC 3 × 1 + 0.25 = 3.25, high)', () => {
    const advice = advise({ ...EMPLOYEES, dataCategories: ['name-address', 'identification-number'] });
    expect(advice.severity).toMatchObject({ score: 3.25, level: 'high' });
    expect(advice.level).toBe('high-risk');
    expect(reasonFor(advice, 'data-kind-and-amount')!.text.nl).toContain('identiteitsfraude');
    expect(reasonFor(advice, 'data-kind-and-amount')!.text.en).toContain('identity fraud');
  });

  it('very high: clients’ BSNs (3 + 2 for the healthcare context, capped at 4) to unknown recipients', () => {
    const advice = advise({
      ...EMPLOYEES,
      groups: ['clients'],
      dataCategories: ['identification-number'],
      recipients: { ...KNOWN_LAY_RECIPIENT, known: 'no' },
    });
    expect(advice.severity.dpc.score).toBe(4);
    expect(advice.severity).toMatchObject({ score: 4.5, level: 'very-high' });
    expect(advice.recommendation).toBe('notify-ap-and-data-subjects');
    expect(reasonFor(advice, 'healthcare-organisation')!.effect).toBe('raises');
  });

  it('ease of identification lowers the score: pseudonymised health data (4 × 0.5 + 0.25 = 2.25) is risk', () => {
    const advice = advise(
      { ...EMPLOYEES, groups: ['clients'], dataCategories: ['health'], recipients: KNOWN_LAY_RECIPIENT },
      { easeOfIdentification: 'limited' },
    );
    expect(advice.severity).toMatchObject({ score: 2.25, level: 'medium' });
    expect(advice.level).toBe('risk');
    expect(reasonFor(advice, 'ease-of-identification')).toMatchObject({ effect: 'lowers', assumed: false });
  });

  it('names and addresses identify directly whatever the answer says', () => {
    const advice = advise(EMPLOYEES, { easeOfIdentification: 'negligible' });
    expect(advice.severity.ei).toBe(1);
    expect(reasonFor(advice, 'ease-of-identification')!.text.nl).toContain('direct herkenbaar');
  });
});

describe('a single person', () => {
  it('health data of one client to a wrong lay recipient is still a high risk: notify and inform', () => {
    const advice = advise({ ...GYNAECOLOGIST, recipients: KNOWN_LAY_RECIPIENT });
    expect(advice.level).toBe('high-risk');
    expect(advice.recommendation).toBe('notify-ap-and-data-subjects');
    const persons = reasonFor(advice, 'number-of-persons')!;
    expect(persons.effect).toBe('neutral');
    expect(persons.text.nl).toContain('één persoon');
    expect(persons.text.nl).toContain('verlaagt het advies niet');
    expect(persons.text.en).toContain('one person');
  });
});

describe('the recipient', () => {
  const CLIENTS_CONTACT: ChecklistPatch = {
    kinds: ['confidentiality'],
    cause: { category: 'misdirected-post', description: null },
    dataCategories: ['contact'],
    records: { kind: 'exact', value: 3 },
    persons: { kind: 'exact', value: 3 },
    groups: ['partners-relatives'],
    recipients: KNOWN_LAY_RECIPIENT,
    unintelligible: NOT_ENCRYPTED,
  };

  it('malice raises the score by 0.5 and unknown recipients by another 0.25', () => {
    const known = advise(CLIENTS_CONTACT).severity.score;
    const malice = advise({ ...CLIENTS_CONTACT, recipients: { ...KNOWN_LAY_RECIPIENT, maliceLikely: 'yes' } });
    const unknown = advise({ ...CLIENTS_CONTACT, recipients: { ...KNOWN_LAY_RECIPIENT, known: 'no' } });
    expect(malice.severity.score).toBe(known + 0.5);
    expect(unknown.severity.score).toBe(known + 0.25);
    expect(reasonFor(malice, 'recipient')!.text.nl).toContain('kwade bedoelingen zijn waarschijnlijk');
    expect(reasonFor(unknown, 'recipient')!.text.nl).toContain('niet bekend is wie de gegevens heeft gezien');
    expect(recommendationRank(malice.recommendation)).toBeGreaterThanOrEqual(
      recommendationRank(advise(CLIENTS_CONTACT).recommendation),
    );
  });

  it('a theft or hack counts as malicious whatever the malice answer says, so the recipient is not trusted', () => {
    const advice = advise({ ...GYNAECOLOGIST, cause: { category: 'hacking-malware-phishing', description: null } });
    expect(advice.severity.cb.maliciousIntent).toBe(0.5);
    expect(reasonFor(advice, 'recipient')).toMatchObject({ effect: 'raises' });
    expect(reasonFor(advice, 'recipient')!.text.nl).toContain('gestolen of er is bewust ingebroken');
    expect(advice.recommendation).toBe('notify-ap-and-data-subjects');
  });

  it('nobody with access (a counted zero) removes the confidentiality risk', () => {
    const advice = advise({
      ...GYNAECOLOGIST,
      recipients: { ...KNOWN_LAY_RECIPIENT, count: { kind: 'exact', value: 0 } },
    });
    expect(advice.severity.cb.confidentiality).toBe(0);
    expect(advice.recommendation).toBe('register-only');
    expect(reasonFor(advice, 'recipient')!.effect).toBe('lowers');
  });

  it('a known recipient without secrecy explains what is missing for a lower risk', () => {
    const reason = reasonFor(advise(CLIENTS_CONTACT), 'recipient')!;
    expect(reason.text.nl).toContain('heeft geen beroepsgeheim');
    expect(reason.text.nl).toContain('niet bevestigd');
  });
});

describe('children and newborns', () => {
  it('newborns raise the DPC by one and are named as the factor', () => {
    const base: ChecklistPatch = {
      kinds: ['confidentiality'],
      cause: { category: 'lost-paper', description: null },
      dataCategories: ['contact'],
      records: { kind: 'exact', value: 2 },
      persons: { kind: 'exact', value: 2 },
      groups: ['partners-relatives'],
      recipients: KNOWN_LAY_RECIPIENT,
      unintelligible: NOT_ENCRYPTED,
    };
    const without = advise(base);
    const withChildren = advise({ ...base, dataCategories: ['contact', 'children'] });
    expect(without.severity.dpc.score).toBe(1);
    expect(withChildren.severity.dpc.score).toBe(2);
    expect(reasonFor(without, 'vulnerable-persons')!.effect).toBe('neutral');
    const vulnerable = reasonFor(withChildren, 'vulnerable-persons')!;
    expect(vulnerable.effect).toBe('raises');
    expect(vulnerable.text.nl).toMatch(/^Kwetsbare personen: .*Kinderen zijn kwetsbaar/);
  });

  it('says when the score was already at its maximum', () => {
    const advice = advise({ ...GYNAECOLOGIST, groups: ['clients', 'newborns'], recipients: KNOWN_LAY_RECIPIENT });
    expect(reasonFor(advice, 'vulnerable-persons')!.text.nl).toContain('al op het maximum');
  });
});

describe('encryption and the other art. 34(3) exemptions', () => {
  // A laptop with 300 clients' records is stolen.
  const STOLEN_LAPTOP: ChecklistPatch = {
    kinds: ['confidentiality', 'availability'],
    cause: { category: 'stolen-device', description: null },
    dataCategories: ['name-address', 'health'],
    records: { kind: 'range', min: 250, max: 300 },
    persons: { kind: 'range', min: 250, max: 300 },
    groups: ['clients', 'newborns'],
    recipients: {
      count: { kind: 'unknown' },
      known: 'no',
      maliceLikely: 'yes',
      professionalSecrecy: 'no',
      deletionConfirmed: 'no',
    },
    unintelligible: ENCRYPTED_WELL,
  };

  it('encrypted well and restorable from a backup: register only (EDPB 9/2022)', () => {
    const advice = advise(STOLEN_LAPTOP, { availabilityLoss: 'recoverable-without-difficulty' });
    expect(advice.recommendation).toBe('register-only');
    expect(reasonFor(advice, 'unintelligible')).toMatchObject({ effect: 'lowers' });
    expect(advice.missingAnswers.map((m) => m.question)).toEqual(['recipients-count']);
  });

  it('encrypted well but no backup: notify the AP, no data-subject notice (art. 34(3)(a))', () => {
    const advice = advise(STOLEN_LAPTOP, { availabilityLoss: 'permanent' });
    expect(advice.level).toBe('high-risk');
    expect(advice.recommendation).toBe('notify-ap');
    expect(advice.exemption).toBe('unintelligible');
    expect(advice.dataSubjects).toBe('not-inform');
    expect(reasonFor(advice, 'unintelligible')!.text.nl).toContain('art. 34 lid 3 sub a AVG');
    expect(reasonFor(advice, 'unintelligible')!.text.en).toContain('GDPR art. 34(3)(a)');
    expect(advice.summary.nl).toContain('art. 34 lid 3 sub a');
  });

  it.each([
    ['the key was compromised', { keyCompromised: 'yes' }, 'de sleutel is gelekt'],
    ['not state of the art', { encryptionStateOfTheArt: 'no' }, 'niet volgens de stand van de techniek'],
    ['not encrypted', { encrypted: 'no' }, 'niet versleuteld'],
  ] as const)('no exemption when %s: notify and inform', (_why, change, words) => {
    const advice = advise(
      { ...STOLEN_LAPTOP, unintelligible: { ...ENCRYPTED_WELL, ...change } },
      { availabilityLoss: 'recoverable-without-difficulty' },
    );
    expect(advice.recommendation).toBe('notify-ap-and-data-subjects');
    expect(reasonFor(advice, 'unintelligible')!.text.nl).toContain(words);
  });

  it('later measures that removed the high risk: notify the AP only (art. 34(3)(b))', () => {
    const advice = advise(
      { ...STOLEN_LAPTOP, unintelligible: NOT_ENCRYPTED },
      { availabilityLoss: 'recoverable-without-difficulty', laterMeasuresRemovedHighRisk: 'yes' },
    );
    expect(advice.recommendation).toBe('notify-ap');
    expect(advice.exemption).toBe('later-measures');
    expect(reasonFor(advice, 'later-measures')).toMatchObject({ effect: 'lowers' });
    expect(advice.summary.en).toContain('art. 34(3)(b)');
  });

  it('disproportionate effort: a public communication instead (art. 34(3)(c))', () => {
    const advice = advise(
      { ...STOLEN_LAPTOP, unintelligible: NOT_ENCRYPTED },
      {
        availabilityLoss: 'recoverable-without-difficulty',
        laterMeasuresRemovedHighRisk: 'no',
        individualContactDisproportionate: 'yes',
      },
    );
    expect(advice.recommendation).toBe('notify-ap-and-public-communication');
    expect(advice.dataSubjects).toBe('public-communication');
    expect(advice.exemption).toBe('disproportionate-effort');
    expect(reasonFor(advice, 'disproportionate-effort')!.text.nl).toContain('openbare mededeling');
    expect(advice.missingAnswers.map((m) => m.question)).toEqual(['recipients-count']);
  });
});

describe('integrity and availability', () => {
  const RANSOMWARE: ChecklistPatch = {
    kinds: ['availability'],
    cause: { category: 'hacking-malware-phishing', description: null },
    dataCategories: ['name-address', 'health'],
    records: { kind: 'exact', value: 5000 },
    persons: { kind: 'exact', value: 800 },
    groups: ['clients', 'newborns'],
    recipients: {
      count: { kind: 'exact', value: 0 },
      known: 'no',
      maliceLikely: 'yes',
      professionalSecrecy: 'no',
      deletionConfirmed: 'no',
    },
    unintelligible: NOT_ENCRYPTED,
  };

  it('ransomware with a working backup and no exfiltration: register only (EDPB example)', () => {
    const advice = advise(RANSOMWARE, { availabilityLoss: 'recoverable-without-difficulty' });
    expect(advice.recommendation).toBe('register-only');
    expect(reasonFor(advice, 'nature-of-breach')!.text.nl).toContain('zonder moeite te herstellen');
    expect(reasonFor(advice, 'recipient')!.text.nl).toContain('geen inbreuk op de vertrouwelijkheid');
  });

  it('ransomware with the records temporarily unavailable: notify and inform', () => {
    const advice = advise(RANSOMWARE, { availabilityLoss: 'temporary' });
    expect(advice.severity.cb).toMatchObject({ availability: 0.25, maliciousIntent: 0.5 });
    expect(advice.recommendation).toBe('notify-ap-and-data-subjects');
  });

  it('altered records that were not used: register only; unrecoverable: notify', () => {
    const altered = {
      ...RANSOMWARE,
      kinds: ['integrity'] as const,
      cause: { category: 'system-error' as const, description: null },
    };
    const harmless = advise(
      { ...altered, recipients: { ...RANSOMWARE.recipients, maliceLikely: 'no' } },
      { integrityLoss: 'altered-not-used' },
    );
    expect(harmless.recommendation).toBe('register-only');
    const lost = advise(
      { ...altered, recipients: { ...RANSOMWARE.recipients, maliceLikely: 'no' } },
      { integrityLoss: 'irrecoverable' },
    );
    expect(lost.severity.cb.integrity).toBe(0.5);
    expect(lost.notifyAp).toBe(true);
  });
});

describe('when in doubt, notify: missing answers', () => {
  it('an empty checklist gives the strictest advice and lists every missing answer', () => {
    const advice = advise({});
    expect(advice.level).toBe('high-risk');
    expect(advice.recommendation).toBe('notify-ap-and-data-subjects');
    expect(advice.severity.score).toBe(6); // 4 × 1 + 0.5 × 3 kinds + 0.5 malice (health data and all kinds assumed)
    expect(advice.missingAnswers.map((m) => m.question)).toEqual([
      'kinds',
      'data-categories',
      'records',
      'persons',
      'groups',
      'recipients-count',
      'recipients-known',
      'malice-likely',
      'unintelligible',
      'ease-of-identification',
      'integrity-loss',
      'availability-loss',
      'later-measures',
      'disproportionate-effort',
    ]);
    for (const missing of advice.missingAnswers) {
      expect(missing.text.nl).toMatch(/\S/);
      expect(missing.text.en).toMatch(/\S/);
    }
    const doubt = reasonFor(advice, 'when-in-doubt')!;
    expect(doubt.text.nl).toContain('er ontbreken nog 14 antwoorden');
    expect(doubt.text.en).toContain('never higher');
    expect(advice.reasons.filter((r) => r.assumed).length).toBeGreaterThan(3);
  });

  it('has no when-in-doubt reason when nothing is missing', () => {
    expect(reasonFor(advise(GYNAECOLOGIST), 'when-in-doubt')).toBeUndefined();
  });

  // Property: for many complete answer sets, making any one answer unknown never lowers the advice.
  it('never lowers the advice when any one answer becomes unknown (1,000 random cases)', () => {
    const random = seeded(20261130);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
    const subset = <T>(values: readonly T[]): T[] => {
      const chosen = values.filter(() => random() < 0.4);
      return chosen.length > 0 ? chosen : [pick(values)];
    };
    const yn = ['yes', 'no'] as const;
    const count = () =>
      pick([
        { kind: 'exact', value: pick([0, 1, 5, 99, 100, 400]) },
        { kind: 'range', min: 10, max: pick([50, 150]) },
      ] as const);
    const unknownVariants: Array<[string, (i: RiskAssessmentInput) => RiskAssessmentInput]> = [
      ['kinds', (i) => ({ ...i, checklist: { ...i.checklist, kinds: [] } })],
      ['dataCategories', (i) => ({ ...i, checklist: { ...i.checklist, dataCategories: [] } })],
      ['groups', (i) => ({ ...i, checklist: { ...i.checklist, groups: [] } })],
      ['persons', (i) => ({ ...i, checklist: { ...i.checklist, persons: { kind: 'unknown' } } })],
      ['records', (i) => ({ ...i, checklist: { ...i.checklist, records: { kind: 'unknown' } } })],
      ...(['count', 'known', 'maliceLikely', 'professionalSecrecy', 'deletionConfirmed'] as const).map(
        (field): [string, (i: RiskAssessmentInput) => RiskAssessmentInput] => [
          `recipients.${field}`,
          (i) => ({
            ...i,
            checklist: {
              ...i.checklist,
              recipients: { ...i.checklist.recipients, [field]: field === 'count' ? { kind: 'unknown' } : 'unknown' },
            },
          }),
        ],
      ),
      ...(['encrypted', 'encryptionStateOfTheArt', 'keyCompromised'] as const).map(
        (field): [string, (i: RiskAssessmentInput) => RiskAssessmentInput] => [
          `unintelligible.${field}`,
          (i) => ({
            ...i,
            checklist: { ...i.checklist, unintelligible: { ...i.checklist.unintelligible, [field]: 'unknown' } },
          }),
        ],
      ),
      ...(
        [
          'easeOfIdentification',
          'integrityLoss',
          'availabilityLoss',
          'laterMeasuresRemovedHighRisk',
          'individualContactDisproportionate',
        ] as const
      ).map((field): [string, (i: RiskAssessmentInput) => RiskAssessmentInput] => [
        `answers.${field}`,
        (i) => ({ ...i, answers: { ...i.answers, [field]: 'unknown' } }),
      ]),
    ];
    let compared = 0;
    for (let n = 0; n < 1_000; n += 1) {
      const input: RiskAssessmentInput = {
        organisationKind: pick(['MIDWIFERY_PRACTICE', 'HOSPITAL', 'MATERNITY_CARE', 'HINQ'] as const),
        checklist: checklist({
          kinds: subset(['confidentiality', 'integrity', 'availability'] as const),
          cause: {
            category: pick([
              'misdirected-email',
              'stolen-device',
              'hacking-malware-phishing',
              'system-error',
              'other',
            ] as const),
            description: null,
          },
          dataCategories: subset([
            'name-address',
            'contact',
            'date-of-birth',
            'identification-number',
            'health',
            'children',
            'financial',
            'other',
          ] as const),
          records: count(),
          persons: count(),
          groups: subset(['clients', 'newborns', 'partners-relatives', 'employees', 'other'] as const),
          recipients: {
            count: count(),
            known: pick(yn),
            maliceLikely: pick(yn),
            professionalSecrecy: pick(yn),
            deletionConfirmed: pick(yn),
          },
          unintelligible: { encrypted: pick(yn), encryptionStateOfTheArt: pick(yn), keyCompromised: pick(yn) },
        }),
        answers: {
          easeOfIdentification: pick(['negligible', 'limited', 'significant', 'maximum'] as const),
          integrityLoss: pick(['altered-not-used', 'recoverable', 'irrecoverable'] as const),
          availabilityLoss: pick(['recoverable-without-difficulty', 'temporary', 'permanent'] as const),
          laterMeasuresRemovedHighRisk: pick(yn),
          individualContactDisproportionate: pick(yn),
        },
      };
      const known = assessRisk(input);
      for (const [field, makeUnknown] of unknownVariants) {
        const doubtful = assessRisk(makeUnknown(input));
        const context = `${field} in case ${n}: ${known.recommendation} → ${doubtful.recommendation}`;
        expect([context, RISK_LEVELS.indexOf(doubtful.level) >= RISK_LEVELS.indexOf(known.level)]).toEqual([
          context,
          true,
        ]);
        expect([
          context,
          recommendationRank(doubtful.recommendation) >= recommendationRank(known.recommendation),
        ]).toEqual([context, true]);
        expect([context, doubtful.severity.score >= known.severity.score]).toEqual([context, true]);
        compared += 1;
      }
    }
    expect(compared).toBe(1_000 * 18);
  }, 120_000);
});

describe('explained and versioned', () => {
  it('stores the model version and the normalised inputs, and recomputes the same advice from them', () => {
    const input: RiskAssessmentInput = {
      organisationKind: 'HOSPITAL',
      checklist: checklist({
        ...GYNAECOLOGIST,
        kinds: ['confidentiality', 'confidentiality'],
        dataCategories: ['health', 'name-address', 'health'],
        groups: ['newborns', 'clients'],
        startedAt: new Date('2026-11-29T22:40:00Z'),
        howDiscovered: 'De gynaecoloog belde.',
      }),
      answers: { easeOfIdentification: undefined, integrityLoss: 'recoverable' },
    };
    const advice = assessRisk(input);
    expect(advice.modelVersion).toBe(RISK_MODEL_VERSION);
    expect(RISK_MODEL_VERSION).toBe('2026-11-1');
    expect(advice.inputs).toEqual({
      organisationKind: 'HOSPITAL',
      kinds: ['confidentiality'],
      causeCategory: 'misdirected-email',
      dataCategories: ['name-address', 'health'],
      records: { kind: 'exact', value: 1 },
      persons: { kind: 'exact', value: 1 },
      groups: ['clients', 'newborns'],
      recipients: GYNAECOLOGIST.recipients,
      unintelligible: NOT_ENCRYPTED,
      answers: {
        easeOfIdentification: 'unknown',
        integrityLoss: 'recoverable',
        availabilityLoss: 'unknown',
        laterMeasuresRemovedHighRisk: 'unknown',
        individualContactDisproportionate: 'unknown',
      },
    });
    // Plain JSON: what is stored is what comes back, and the model reads it to the same result.
    const stored = JSON.parse(JSON.stringify(advice)) as RiskAdvice;
    expect(stored).toEqual(advice);
    expect(traceRisk(stored.inputs).recommendation).toBe(advice.recommendation);
    expect(JSON.stringify(advice)).not.toContain('gynaecoloog belde');
  });

  it('does not change the caller’s checklist', () => {
    const input = checklist(GYNAECOLOGIST);
    const before = JSON.stringify(input);
    normaliseRiskInputs({ checklist: input, organisationKind: 'HINQ' }).recipients.known = 'no';
    expect(JSON.stringify(input)).toBe(before);
  });

  it('gives one reason for each of the protocol’s factors, labelled, in Dutch and English', () => {
    for (const advice of [advise(GYNAECOLOGIST), advise({})]) {
      const factors = advice.reasons.map((r) => r.factor);
      for (const factor of [
        'nature-of-breach',
        'data-kind-and-amount',
        'ease-of-identification',
        'severity-of-consequences',
        'recipient',
        'vulnerable-persons',
        'healthcare-organisation',
        'number-of-persons',
        'unintelligible',
      ] as const) {
        expect(factors).toContain(factor);
      }
      for (const r of advice.reasons) {
        expect(RISK_FACTORS).toContain(r.factor);
        expect(r.text.nl.startsWith(`${riskFactorLabel(r.factor).nl}: `)).toBe(true);
        expect(r.text.en.startsWith(`${riskFactorLabel(r.factor).en}: `)).toBe(true);
        expect(r.text.nl).not.toMatch(/undefined|NaN|\[object/);
        expect(r.text.en).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });

  it('treats every organisation in the chain as healthcare', () => {
    for (const kind of ['MIDWIFERY_PRACTICE', 'HOSPITAL', 'MATERNITY_CARE', 'HINQ'] as const) {
      expect(isHealthcareOrganisation(kind)).toBe(true);
    }
  });

  it('ranks the recommendations from least to most', () => {
    expect(RECOMMENDATIONS.map(recommendationRank)).toEqual([0, 1, 2, 3]);
  });
});

describe('departsFromAdvice', () => {
  const registerOnly = advise(GYNAECOLOGIST);
  const informAll = advise({ ...GYNAECOLOGIST, recipients: KNOWN_LAY_RECIPIENT });

  it('is false for a decision that follows the advice', () => {
    expect(departsFromAdvice(registerOnly, { notifyAp: false })).toBe(false);
    expect(departsFromAdvice(registerOnly, { notifyAp: false, dataSubjects: 'not-inform' })).toBe(false);
    expect(departsFromAdvice(informAll, { notifyAp: true, dataSubjects: 'inform' })).toBe(false);
    expect(departsFromAdvice(informAll, {})).toBe(false);
  });

  it('is true for a less strict decision', () => {
    expect(departsFromAdvice(informAll, { notifyAp: false })).toBe(true);
    expect(departsFromAdvice(informAll, { dataSubjects: 'not-inform' })).toBe(true);
    expect(departsFromAdvice(informAll, { dataSubjects: 'public-communication' })).toBe(true);
  });

  it('is true for a stricter decision too (the register keeps why)', () => {
    expect(departsFromAdvice(registerOnly, { notifyAp: true })).toBe(true);
    expect(departsFromAdvice(registerOnly, { dataSubjects: 'inform' })).toBe(true);
  });
});

// A small deterministic generator (mulberry32), so the property test is the same on every run.
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
