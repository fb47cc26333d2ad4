import { fixedClock } from '../time/clock';
import {
  acknowledgeNotification,
  adjustNotification,
  approveNotification,
  checkContent,
  checkPartnerChoice,
  checkTimelineEntry,
  composeContent,
  declareScenario,
  effectiveContent,
  mayReadChain,
  participationOf,
  partnerAwareness,
  partnerDeadline,
  partnerInformClock,
  partnerNotificationStatus,
  sendNotification,
  type ChainActor,
  type ChainIncident,
  type DirectoryEntry,
  type PartnerNotification,
  type PartnerNotificationContent,
} from './index';

const HOUR = 3_600_000;
const DISCOVERED = new Date('2026-03-28T22:30:00Z'); // summer time begins that night: 24 elapsed hours still
const WIEG = 'org-wieg';
const NEST = 'org-nest';
const ZUID = 'org-zuiderhaven';
const HINQ = 'org-hinq';
const GONE = 'org-gone';

const actor = (
  organisationId: string,
  roles: ChainActor['roles'],
  kind: ChainActor['organisationKind'] = 'MIDWIFERY_PRACTICE',
): ChainActor => ({
  personId: `p-${organisationId}-${roles.join('-')}`,
  organisationId,
  organisationKind: kind,
  roles,
});
const reporterOfficer = actor(WIEG, ['privacy-officer']);
const reporterEmployee = actor(WIEG, ['employee']);
const coordinator = actor(HINQ, ['hinq-coordinator'], 'HINQ');
const hinqEmployee = actor(HINQ, ['employee'], 'HINQ');
const hinqFg = actor(HINQ, ['dpo'], 'HINQ');
const nestFg = actor(NEST, ['dpo']);
const zuidFg = actor(ZUID, ['dpo'], 'HOSPITAL');
const nestEmployee = actor(NEST, ['employee']);

const CONTENT: PartnerNotificationContent = {
  nature: 'Onbevoegde inzage in het cliëntsysteem; de viewer is mogelijk geraadpleegd.',
  impact: 'Dossiers van uw cliënten kunnen zijn ingezien.',
  measures: 'Account geblokkeerd, wachtwoorden vernieuwd.',
  affectedRecords: null,
};

function chain(overrides: Partial<ChainIncident> = {}): ChainIncident {
  return {
    id: 'c1',
    scenario: 'C',
    reportingOrganisationId: WIEG,
    sourceIncidentId: 'i1',
    reference: 'DL-2026-0001',
    exercise: false,
    discoveredAt: DISCOVERED,
    declaredAt: new Date(DISCOVERED.getTime() + HOUR),
    declaredBy: reporterOfficer.personId,
    content: CONTENT,
    ...overrides,
  };
}

function partner(overrides: Partial<PartnerNotification> = {}): PartnerNotification {
  return {
    id: 'n1',
    chainIncidentId: 'c1',
    partnerOrganisationId: NEST,
    reasoning: 'Gedeelde cliënten via de viewer.',
    chosenAt: DISCOVERED,
    chosenBy: coordinator.personId,
    chosenByOrganisationId: HINQ,
    contactReachable: true,
    adjustment: null,
    approval: null,
    sending: null,
    acknowledgement: null,
    linkedIncidentId: null,
    ...overrides,
  };
}

const directory = new Map<string, DirectoryEntry>([
  [WIEG, { id: WIEG, kind: 'MIDWIFERY_PRACTICE', leftChainAt: null }],
  [NEST, { id: NEST, kind: 'MIDWIFERY_PRACTICE', leftChainAt: null }],
  [ZUID, { id: ZUID, kind: 'HOSPITAL', leftChainAt: null }],
  [HINQ, { id: HINQ, kind: 'HINQ', leftChainAt: null }],
  [GONE, { id: GONE, kind: 'MATERNITY_CARE', leftChainAt: new Date('2025-12-31T23:00:00Z') }],
]);

describe('scenarios A / B / C', () => {
  const open = { current: null, sourceStage: 'response', sourceClosure: null } as const;
  it.each([
    ['A', true],
    ['B', false],
    ['C', true],
  ] as const)('%s from nothing: chain incident %s', (scenario, creates) => {
    expect(declareScenario(open, scenario)).toEqual({ ok: true, createsChainIncident: creates });
  });
  it('B may become C later (B leaves no chain incident, so the current one is none)', () => {
    expect(declareScenario({ ...open, current: null }, 'C')).toEqual({ ok: true, createsChainIncident: true });
  });
  it.each([
    ['C', 'B', 'wrong-stage', /niet meer intern/],
    ['C', 'A', 'wrong-stage', /wisselen kan niet/],
    ['A', 'C', 'wrong-stage', /wisselen kan niet/],
    ['C', 'C', 'conflict', /al een ketenincident/],
  ] as const)('%s → %s is refused (%s)', (current, requested, refusal, message) => {
    const d = declareScenario({ ...open, current }, requested);
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.refusal).toBe(refusal);
      expect(d.problems[0]!.message.nl).toMatch(message);
    }
  });
  it('refuses a chain incident for a breach closed as a near miss', () => {
    const d = declareScenario({ current: null, sourceStage: 'closed', sourceClosure: 'near-miss' }, 'C');
    expect(d).toMatchObject({ ok: false, refusal: 'wrong-stage' });
    // A registered breach may still turn out to involve the chain.
    expect(declareScenario({ current: null, sourceStage: 'closed', sourceClosure: 'registered' }, 'C').ok).toBe(true);
  });
});

describe('participation and reading', () => {
  const partners = [
    partner({ sending: { at: DISCOVERED, by: 'x', delayReasons: null } }),
    partner({ id: 'n2', partnerOrganisationId: ZUID }),
  ];
  it('the reporter, HINQ’s coordinator and an informed partner take part; a chosen, uninformed one does not', () => {
    expect(participationOf(reporterOfficer, chain(), partners)).toEqual(['reporter']);
    expect(participationOf(coordinator, chain(), partners)).toEqual(['coordinator']);
    expect(participationOf(nestFg, chain(), partners)).toEqual(['partner']);
    expect(participationOf(zuidFg, chain(), partners)).toEqual([]);
    expect(participationOf(hinqEmployee, chain(), partners)).toEqual([]);
  });
  it('HINQ reporting a breach at HINQ (A) is reporter and coordinator', () => {
    expect(participationOf(coordinator, chain({ scenario: 'A', reportingOrganisationId: HINQ }), [])).toEqual([
      'reporter',
      'coordinator',
    ]);
  });
  it('reading needs an officer, FG or auditor role; an employee of a participant reads nothing', () => {
    expect(mayReadChain(reporterOfficer, ['reporter'])).toBe(true);
    expect(mayReadChain(reporterEmployee, ['reporter'])).toBe(false);
    expect(mayReadChain(nestEmployee, ['partner'])).toBe(false);
    expect(mayReadChain(hinqEmployee, [])).toBe(false);
    expect(mayReadChain(coordinator, ['coordinator'])).toBe(true);
  });
});

describe('choosing partners', () => {
  const now = new Date(DISCOVERED.getTime() + 2 * HOUR);
  const choose = (candidates: { organisationId: string; reasoning?: string }[], existing: PartnerNotification[] = []) =>
    checkPartnerChoice(
      chain(),
      existing,
      candidates.map((c) => ({ reasoning: 'Gedeelde cliënten.', ...c })),
      directory,
      now,
    );
  it('accepts partners with reasoning', () => {
    expect(choose([{ organisationId: NEST }, { organisationId: ZUID }])).toEqual({
      ok: true,
      partners: [
        { organisationId: NEST, reasoning: 'Gedeelde cliënten.' },
        { organisationId: ZUID, reasoning: 'Gedeelde cliënten.' },
      ],
    });
  });
  it.each([
    ['the reporter itself', WIEG, /informeert zichzelf niet/],
    ['HINQ', HINQ, /HINQ coördineert/],
    ['an organisation that left the chain', GONE, /uit de keten gestapt/],
    ['an unknown organisation', 'org-unknown', /niet in de ketenlijst/],
  ])('refuses %s', (_what, organisationId, message) => {
    const result = choose([{ organisationId }]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        {
          field: 'partners[0].organisationId',
          message: expect.objectContaining({ nl: expect.stringMatching(message) }),
        },
      ]);
  });
  it('refuses informing a partner twice: already chosen, or twice in one request', () => {
    const again = choose([{ organisationId: NEST }], [partner()]);
    expect(again).toMatchObject({ ok: false, problems: [{ field: 'partners[0].organisationId' }] });
    const twice = choose([{ organisationId: ZUID }, { organisationId: ZUID }]);
    expect(twice).toMatchObject({ ok: false, problems: [{ field: 'partners[1].organisationId' }] });
    if (!again.ok) expect(again.problems[0]!.message.en).toMatch(/cannot be informed twice/);
  });
  it('requires the reasoning, and refuses an empty choice', () => {
    expect(choose([{ organisationId: NEST, reasoning: '  ' }])).toMatchObject({
      ok: false,
      problems: [{ field: 'partners[0].reasoning' }],
    });
    expect(choose([])).toMatchObject({ ok: false, problems: [{ field: 'partners' }] });
  });
});

describe('the partner notification', () => {
  const at = (hours: number) => new Date(DISCOVERED.getTime() + hours * HOUR);

  it('checks the text written once', () => {
    expect(checkContent({ ...CONTENT, affectedRecords: 12 })).toEqual({
      ok: true,
      value: { ...CONTENT, affectedRecords: 12 },
    });
    const bad = checkContent({ nature: '', impact: 'x', measures: null, affectedRecords: -1 });
    expect(bad).toMatchObject({ ok: false, refusal: 'invalid' });
    if (!bad.ok) expect(bad.problems.map((p) => p.field)).toEqual(['nature', 'measures', 'affectedRecords']);
  });

  it('is adjusted per partner on top of the shared text; a change after approval needs approval again', () => {
    const approved = approveNotification(chain(), partner(), reporterOfficer, ['reporter'], at(2));
    if (!approved.ok) throw new Error('refused');
    const adjusted = adjustNotification(chain(), approved.value, { affectedRecords: 40 }, coordinator, ['coordinator']);
    if (!adjusted.ok) throw new Error('refused');
    expect(effectiveContent(chain(), adjusted.value)).toEqual({ ...CONTENT, affectedRecords: 40 });
    expect(adjusted.value.approval).toBeNull();
    // Rewriting the shared text un-approves the unsent partners whose words change.
    const reapproved = approveNotification(chain(), adjusted.value, reporterOfficer, ['reporter'], at(3));
    if (!reapproved.ok) throw new Error('refused');
    const composed = composeContent(chain(), [reapproved.value], { ...CONTENT, measures: 'Meer.' }, reporterOfficer, [
      'reporter',
    ]);
    expect(composed).toMatchObject({ ok: true, value: { partners: [{ id: 'n1', approval: null }] } });
  });

  it('is approved by the reporter’s privacy officer or FG; by HINQ only in scenario A', () => {
    expect(approveNotification(chain(), partner(), reporterOfficer, ['reporter'], at(1)).ok).toBe(true);
    expect(approveNotification(chain(), partner(), coordinator, ['coordinator'], at(1))).toMatchObject({
      ok: false,
      refusal: 'forbidden',
    });
    expect(approveNotification(chain(), partner(), reporterEmployee, ['reporter'], at(1))).toMatchObject({
      ok: false,
      refusal: 'forbidden',
    });
    const a = chain({ scenario: 'A', reportingOrganisationId: ZUID });
    expect(approveNotification(a, partner(), coordinator, ['coordinator'], at(1)).ok).toBe(true);
    expect(approveNotification(a, partner(), hinqFg, [], at(1)).ok).toBe(true);
    expect(approveNotification(a, partner(), hinqEmployee, [], at(1))).toMatchObject({
      ok: false,
      refusal: 'forbidden',
    });
    expect(
      approveNotification(chain({ content: null }), partner(), reporterOfficer, ['reporter'], at(1)),
    ).toMatchObject({ ok: false, refusal: 'wrong-stage' });
  });

  const approvedPartner = () => {
    const a = approveNotification(chain(), partner(), reporterOfficer, ['reporter'], at(1));
    if (!a.ok) throw new Error('refused');
    return a.value;
  };

  it('is sent once, only approved, only to a reachable contact', () => {
    const sent = sendNotification(
      chain(),
      approvedPartner(),
      { contactReachable: true },
      coordinator,
      ['coordinator'],
      at(5),
    );
    expect(sent).toMatchObject({ ok: true, value: { sending: { at: at(5), delayReasons: null } } });
    if (!sent.ok) return;
    expect(
      sendNotification(chain(), sent.value, { contactReachable: true }, coordinator, ['coordinator'], at(6)),
    ).toMatchObject({ ok: false, refusal: 'conflict' });
    expect(
      sendNotification(chain(), partner(), { contactReachable: true }, coordinator, ['coordinator'], at(5)),
    ).toMatchObject({ ok: false, refusal: 'wrong-stage' });
    const unreachable = sendNotification(
      chain(),
      approvedPartner(),
      { contactReachable: false },
      coordinator,
      ['coordinator'],
      at(5),
    );
    expect(unreachable).toMatchObject({ ok: false, refusal: 'wrong-stage' });
    if (!unreachable.ok)
      expect(unreachable.problems[0]!.message.nl).toMatch(/HINQ is ingelicht; de termijn loopt door/);
    expect(sendNotification(chain(), approvedPartner(), { contactReachable: true }, nestFg, [], at(5))).toMatchObject({
      ok: false,
      refusal: 'forbidden',
    });
  });

  it('sent after its 24 hours requires the reasons for the delay (24 elapsed hours, across the DST change)', () => {
    expect(partnerDeadline(chain()).toISOString()).toBe('2026-03-29T22:30:00.000Z');
    const onTime = sendNotification(
      chain(),
      approvedPartner(),
      { contactReachable: true },
      coordinator,
      ['coordinator'],
      at(24),
    );
    expect(onTime.ok).toBe(true);
    const late = sendNotification(
      chain(),
      approvedPartner(),
      { contactReachable: true },
      coordinator,
      ['coordinator'],
      at(24.01),
    );
    expect(late).toMatchObject({ ok: false, refusal: 'invalid', problems: [{ field: 'delayReasons' }] });
    const withReasons = sendNotification(
      chain(),
      approvedPartner(),
      { contactReachable: true, delayReasons: 'FG pas later bereikt.' },
      coordinator,
      ['coordinator'],
      at(30),
    );
    expect(withReasons).toMatchObject({ ok: true, value: { sending: { delayReasons: 'FG pas later bereikt.' } } });
  });

  it('per-partner clock: open, due soon in the last 4 h, overdue; met or met late once sent', () => {
    const clock = fixedClock(at(19));
    expect(partnerInformClock(chain(), partner(), clock).state).toBe('open');
    clock.set(at(20));
    expect(partnerInformClock(chain(), partner(), clock).state).toBe('due-soon');
    clock.set(at(25));
    expect(partnerInformClock(chain(), partner(), clock).state).toBe('overdue');
    expect(
      partnerInformClock(chain(), partner({ sending: { at: at(23), by: 'x', delayReasons: null } }), clock).state,
    ).toBe('met');
    expect(
      partnerInformClock(chain(), partner({ sending: { at: at(25), by: 'x', delayReasons: 'r' } }), clock).state,
    ).toBe('met-late');
  });

  it('is acknowledged by the partner’s FG or privacy officer only, once, after sending', () => {
    const sent = partner({ sending: { at: at(5), by: 'x', delayReasons: null } });
    expect(acknowledgeNotification(sent, nestFg, at(6))).toMatchObject({
      ok: true,
      value: { acknowledgement: { at: at(6), by: nestFg.personId } },
    });
    expect(acknowledgeNotification(sent, nestEmployee, at(6))).toMatchObject({ ok: false, refusal: 'forbidden' });
    expect(acknowledgeNotification(sent, zuidFg, at(6))).toMatchObject({ ok: false, refusal: 'forbidden' });
    expect(acknowledgeNotification(sent, coordinator, at(6))).toMatchObject({ ok: false, refusal: 'forbidden' });
    expect(acknowledgeNotification(partner(), nestFg, at(6))).toMatchObject({ ok: false, refusal: 'wrong-stage' });
    const twice = partner({ ...sent, acknowledgement: { at: at(6), by: 'y' } });
    expect(acknowledgeNotification(twice, nestFg, at(7))).toMatchObject({ ok: false, refusal: 'conflict' });
    expect(partnerNotificationStatus(twice)).toBe('acknowledged');
  });
});

describe('awareness of an informed partner (its own 72-hour clock)', () => {
  it('is the acknowledgement when there is one, else the sending; nothing before it was informed', () => {
    const sentAt = new Date(DISCOVERED.getTime() + 5 * HOUR);
    const ackAt = new Date(DISCOVERED.getTime() + 9 * HOUR);
    expect(partnerAwareness(partner())).toBeNull();
    expect(partnerAwareness(partner({ sending: { at: sentAt, by: 'x', delayReasons: null } }))).toEqual({
      at: sentAt,
      basis: 'sent',
    });
    expect(
      partnerAwareness(
        partner({ sending: { at: sentAt, by: 'x', delayReasons: null }, acknowledgement: { at: ackAt, by: 'y' } }),
      ),
    ).toEqual({ at: ackAt, basis: 'acknowledged' });
  });
});

describe('the shared timeline', () => {
  it('names the author’s part, refuses who takes no part or holds no officer role, and checks the text', () => {
    expect(checkTimelineEntry(reporterOfficer, ['reporter'], ' Account geblokkeerd. ')).toEqual({
      ok: true,
      value: { authorKind: 'reporter', text: 'Account geblokkeerd.' },
    });
    expect(checkTimelineEntry(coordinator, ['coordinator'], 'Vraag aan alle partners.')).toMatchObject({
      ok: true,
      value: { authorKind: 'coordinator' },
    });
    expect(checkTimelineEntry(nestFg, ['partner'], 'Welke periode?')).toMatchObject({
      ok: true,
      value: { authorKind: 'partner' },
    });
    expect(checkTimelineEntry(nestEmployee, ['partner'], 'x')).toMatchObject({ ok: false, refusal: 'forbidden' });
    expect(checkTimelineEntry(zuidFg, [], 'x')).toMatchObject({ ok: false, refusal: 'forbidden' });
    expect(checkTimelineEntry(nestFg, ['partner'], '')).toMatchObject({ ok: false, refusal: 'invalid' });
  });
});
