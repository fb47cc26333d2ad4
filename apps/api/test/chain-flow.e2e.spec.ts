import { fixedClock, systemClock } from '@babyconnect/domain';
import { AppClock } from '../src/time/app-clock';
import {
  ACKNOWLEDGE,
  ADJUST,
  APPROVE,
  as,
  CHAIN,
  CHAIN_LIST,
  CHOOSE,
  closeOwnRegisterEntry,
  COMPOSE,
  CONTENT,
  DECLARE,
  FIGURES,
  OVERVIEW,
  PARTNER,
  POST,
  runOwnProtocol,
  SEND,
  value,
  type ChainView,
  type PartnerView,
} from './support/chain';
import { gql, ORG } from './support/gql';
import { DETAIL, report, type IncidentView } from './support/incidents';
import { eventually, SmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// Issue 17, "done when": scenario C from the report to every partner's own closed register entry, through GraphQL
// with the tokens of three partners and HINQ, the mails read from a real SMTP server, the 24-hour and 72-hour clocks
// on the API's own controlled clock — one partner informed late, one that never acknowledges — and scenario A.
jest.setTimeout(180_000);

const D = Date.parse('2026-10-23T21:40:00.000Z'); // 23:40 CEST on a Friday; summer time ends that Sunday
const HOUR = 3_600_000;
const at = (hours: number) => new Date(D + hours * HOUR);
const PORTAL = 'https://datalek.example.org';
const mail = (user: string) => `${user}@example.org`;

describe('chain incidents end to end', () => {
  const sink = new SmtpSink();
  const clock = fixedClock(new Date(D));
  let t: TestApp;

  beforeAll(async () => {
    await sink.start();
    t = await startTestApp({ SMTP_URL: sink.url, NOTIFY_POLL_MS: '100', PORTAL_BASE_URL: PORTAL });
    t.app.get(AppClock).use(clock);
    // Roles reach the API at sign-in: the people the mails go to have signed in once.
    for (const user of [
      'wieg-fg',
      'wieg-privacy',
      'nest-fg',
      'zuiderhaven-fg',
      'zonnedauw-fg',
      'hinq-coordinator',
      'hinq-fg',
    ]) {
      await gql(t.http, { token: await tokenFor(user), query: '{ me { user { id } } }' });
    }
  });
  afterAll(async () => {
    t.app.get(AppClock).use(systemClock);
    await t.close();
    await sink.stop();
  });

  const mailsTo = (user: string, subject: RegExp) => sink.to(mail(user)).filter((m) => subject.test(m.subject));
  async function exactly(user: string, subject: RegExp, n: number) {
    await eventually(() => expect(mailsTo(user, subject)).toHaveLength(n));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(mailsTo(user, subject)).toHaveLength(n);
  }
  const partnerOf = (chain: ChainView, organisationId: string) =>
    chain.partners.find((p) => p.partnerOrganisation.id === organisationId)!;
  const incidentAs = async (user: string, id: string) =>
    gql<{ incident: IncidentView }>(t.http, { token: await tokenFor(user), query: DETAIL, variables: { id } });

  it('scenario C: report → HINQ → three partners informed (one late, one never acknowledging) → every own register entry closed', async () => {
    const secret = 'Interne aantekening: medewerker X keek in 14 dossiers van de praktijk.';
    clock.set(at(0));
    const source = await report(t.http, 'wieg-medewerker', {
      discoveredAt: new Date(D).toISOString(),
      whatHappened: secret,
      otherOrganisationsInvolved: 'YES',
    });

    // Step 1 → C: the reporter's privacy officer declares it; HINQ's coordinators and FG are mailed at once.
    clock.set(at(1));
    const employee = await as(t.http, 'wieg-medewerker', DECLARE, { incidentId: source.id, scenario: 'C' });
    expect(employee.code).toBe('FORBIDDEN');
    const declared = value(
      await as<{ scenario: string; chainIncident: ChainView }>(t.http, 'wieg-privacy', DECLARE, {
        incidentId: source.id,
        scenario: 'C',
      }),
    );
    const chain = declared.chainIncident;
    expect(chain).toMatchObject({
      scenario: 'C',
      reference: source.reference,
      participation: ['REPORTER'],
      sourceIncidentId: source.id,
    });
    expect(chain.partnerDeadline).toBe(at(24).toISOString());
    // References are numbered per organisation: the subject's organisation tells this chain incident's mail apart.
    const declaredMail = new RegExp(`^Ketenincident ${source.reference} – Verloskundigenpraktijk De Wieg`);
    await exactly('hinq-coordinator', declaredMail, 1);
    await exactly('hinq-fg', declaredMail, 1);
    const toHinq = mailsTo('hinq-coordinator', declaredMail)[0]!;
    expect(toHinq.mail.text).toContain(`${PORTAL}/keten/${chain.id}`);
    expect(toHinq.mail.text).not.toContain('dossiers');
    // Declaring it again, or back to B, is refused.
    expect((await as(t.http, 'wieg-privacy', DECLARE, { incidentId: source.id, scenario: 'C' })).code).toBe('CONFLICT');
    expect((await as(t.http, 'wieg-privacy', DECLARE, { incidentId: source.id, scenario: 'B' })).code).toBe('CONFLICT');

    // HINQ's coordinator sees the chain part — never the reporter's incident, which stays not found for HINQ.
    const seenByHinq = value(await as<ChainView>(t.http, 'hinq-coordinator', CHAIN, { id: chain.id }));
    expect(seenByHinq).toMatchObject({ participation: ['COORDINATOR'], sourceIncidentId: null });
    expect(JSON.stringify(seenByHinq)).not.toContain(secret);
    expect((await incidentAs('hinq-coordinator', source.id)).code).toMatch(/NOT_FOUND|FORBIDDEN/);
    expect((await as(t.http, 'hinq-medewerker', CHAIN, { id: chain.id })).code).toBe('FORBIDDEN');

    // Choosing partners, with reasoning; refusals first.
    clock.set(at(2));
    const refused = await as(t.http, 'hinq-coordinator', CHOOSE, {
      id: chain.id,
      partners: [
        { organisationId: ORG.wieg, reasoning: 'De melder zelf.' },
        { organisationId: ORG.hinq, reasoning: 'HINQ zelf.' },
      ],
    });
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.errors[0]!.extensions.fields!.map((f) => f.field)).toEqual([
      'partners[0].organisationId',
      'partners[1].organisationId',
    ]);
    const reasoning = 'Gedeelde cliënten via de viewer in de onderzochte periode.';
    const chosen = value(
      await as<ChainView>(t.http, 'hinq-coordinator', CHOOSE, {
        id: chain.id,
        partners: [ORG.nest, ORG.zuiderhaven, ORG.zonnedauw].map((organisationId) => ({ organisationId, reasoning })),
      }),
    );
    expect(chosen.partners.map((p) => [p.partnerOrganisation.id, p.status, p.informClock.state]).sort()).toEqual(
      [
        [ORG.nest, 'CHOSEN', 'OPEN'],
        [ORG.zonnedauw, 'CHOSEN', 'OPEN'],
        [ORG.zuiderhaven, 'CHOSEN', 'OPEN'],
      ].sort(),
    );
    const twice = await as(t.http, 'wieg-privacy', CHOOSE, {
      id: chain.id,
      partners: [{ organisationId: ORG.nest, reasoning }],
    });
    expect(twice.code).toBe('BAD_USER_INPUT');
    expect(twice.errors[0]!.message).toMatch(/twee keer informeren kan niet/);
    const nestN = partnerOf(chosen, ORG.nest);
    const zuidN = partnerOf(chosen, ORG.zuiderhaven);
    const zonN = partnerOf(chosen, ORG.zonnedauw);

    // A chosen partner that was not informed cannot learn that the chain incident exists.
    for (const user of ['zonnedauw-fg', 'zonnedauw-privacy', 'zonnedauw-auditor']) {
      expect((await as(t.http, user, CHAIN, { id: chain.id })).code).toBe('NOT_FOUND');
      expect((await as(t.http, user, PARTNER, { id: zonN.id })).code).toBe('NOT_FOUND');
      expect(value(await as<unknown[]>(t.http, user, CHAIN_LIST))).toEqual([]);
    }

    // Written once, adjusted for one partner, approved by the reporter's FG (HINQ may not in C).
    value(await as(t.http, 'wieg-privacy', COMPOSE, { id: chain.id, input: CONTENT }));
    value(await as(t.http, 'hinq-coordinator', ADJUST, { id: zuidN.id, input: { affectedRecords: 40 } }));
    expect((await as(t.http, 'hinq-coordinator', APPROVE, { id: nestN.id })).code).toBe('FORBIDDEN');
    for (const n of [nestN, zuidN, zonN]) value(await as(t.http, 'wieg-fg', APPROVE, { id: n.id }));

    // Nest informed at 3 h by HINQ, Zuiderhaven at 5 h by the reporter: each FG is mailed a link, no content.
    clock.set(at(3));
    const nestSent = value(await as<PartnerView>(t.http, 'hinq-coordinator', SEND, { id: nestN.id }));
    expect(nestSent).toMatchObject({
      status: 'SENT',
      informClock: { state: 'MET' },
      awareness: { basis: 'SENT', at: at(3).toISOString() },
    });
    expect((await as(t.http, 'hinq-coordinator', SEND, { id: nestN.id })).code).toBe('CONFLICT');
    clock.set(at(5));
    value(await as(t.http, 'wieg-privacy', SEND, { id: zuidN.id }));
    await exactly('nest-fg', /^Ketenmelding van Verloskundigenpraktijk De Wieg/, 1);
    await exactly('zuiderhaven-fg', /^Ketenmelding van Verloskundigenpraktijk De Wieg/, 1);
    const toNest = mailsTo('nest-fg', /^Ketenmelding/)[0]!;
    expect(toNest.mail.text).toContain(`${PORTAL}/keten/partnermeldingen/${nestN.id}`);
    for (const words of [CONTENT.nature, CONTENT.impact, 'dossiers', secret])
      expect(toNest.mail.text).not.toContain(words);
    expect(mailsTo('zonnedauw-fg', /Ketenmelding|Ketenincident/)).toEqual([]);

    // The informed partner reads its own notification (with the content) and its linked incident; never another's.
    const nestView = value(await as<PartnerView>(t.http, 'nest-fg', PARTNER, { id: nestN.id }));
    expect(nestView.content).toEqual({ ...CONTENT, affectedRecords: null });
    expect(nestView.linkedIncidentId).not.toBeNull();
    expect((await as(t.http, 'nest-fg', PARTNER, { id: zuidN.id })).code).toBe('NOT_FOUND');
    const nestChain = value(await as<ChainView>(t.http, 'nest-fg', CHAIN, { id: chain.id }));
    expect(nestChain).toMatchObject({ participation: ['PARTNER'], sourceIncidentId: null, content: null });
    expect(nestChain.partners.map((p) => p.id)).toEqual([nestN.id]);
    expect(JSON.stringify(nestChain)).not.toContain(secret);
    expect((await as(t.http, 'nest-fg', OVERVIEW, { id: chain.id })).code).toBe('FORBIDDEN');
    expect((await incidentAs('nest-fg', source.id)).code).toBe('NOT_FOUND');
    const zuidLinked = value(await as<PartnerView>(t.http, 'zuiderhaven-fg', PARTNER, { id: zuidN.id }));
    expect(zuidLinked.content!.affectedRecords).toBe(40);

    // Nest acknowledges at 6 h: its own 72 hours now run from then. Only its FG or privacy officer may.
    clock.set(at(6));
    expect((await as(t.http, 'nest-medewerker', ACKNOWLEDGE, { id: nestN.id })).code).toBe('FORBIDDEN');
    expect((await as(t.http, 'zuiderhaven-fg', ACKNOWLEDGE, { id: nestN.id })).code).toBe('NOT_FOUND');
    const acked = value(await as<PartnerView>(t.http, 'nest-fg', ACKNOWLEDGE, { id: nestN.id }));
    expect(acked).toMatchObject({
      status: 'ACKNOWLEDGED',
      acknowledgedAt: at(6).toISOString(),
      awareness: { basis: 'ACKNOWLEDGED' },
    });
    const nestIncident = (await incidentAs('nest-privacy', nestView.linkedIncidentId!)).data!.incident;
    expect(nestIncident.apDeadline).toBe(at(6 + 72).toISOString());
    const zuidIncident = (await incidentAs('zuiderhaven-privacy', zuidLinked.linkedIncidentId!)).data!.incident;
    expect(zuidIncident.apDeadline).toBe(at(5 + 72).toISOString());

    // Zuiderhaven never acknowledges: its FG is reminded at 9 h, HINQ hears at 13 h. Nest (acknowledged) hears nothing.
    clock.set(at(9));
    await exactly('zuiderhaven-fg', /^Herinnering: bevestig de ontvangst/, 1);
    clock.set(at(13));
    await exactly('hinq-coordinator', /^Escalatie: Ziekenhuis Zuiderhaven/, 1);
    expect(mailsTo('nest-fg', /^Herinnering|^Escalatie/)).toEqual([]);

    // The shared timeline: the reporter's shared update and a partner's question, read by HINQ and the partners.
    value(
      await as(t.http, 'wieg-privacy', POST, { id: chain.id, text: 'Het account is geblokkeerd; onderzoek loopt.' }),
    );
    value(await as(t.http, 'nest-fg', POST, { id: chain.id, text: 'Over welke periode gaat de inzage?' }));
    const read = value(await as<ChainView>(t.http, 'zuiderhaven-fg', CHAIN, { id: chain.id }));
    expect(read.timeline.map((e) => e.authorKind)).toEqual(['REPORTER', 'PARTNER']);

    // 24-hour clock: Zonnedauw still waits → reminder at 20 h and overdue at 24 h to the reporter and HINQ.
    clock.set(at(20));
    await exactly('wieg-fg', new RegExp(`^Herinnering: partners van ketenincident ${source.reference}`), 1);
    await exactly('hinq-coordinator', new RegExp(`^Herinnering: partners van ketenincident ${source.reference}`), 1);
    clock.set(at(24.5));
    await exactly('wieg-privacy', new RegExp(`^Termijn verstreken: partners van ketenincident ${source.reference}`), 1);

    // Zonnedauw informed late (30 h): without the reasons for the delay it is refused.
    clock.set(at(30));
    const noReasons = await as(t.http, 'wieg-privacy', SEND, { id: zonN.id });
    expect(noReasons.code).toBe('BAD_USER_INPUT');
    expect(noReasons.errors[0]!.extensions.fields![0]!.field).toBe('delayReasons');
    const late = value(
      await as<PartnerView>(t.http, 'wieg-privacy', SEND, {
        id: zonN.id,
        delayReasons: 'Contactpersoon pas na het weekend bereikt.',
      }),
    );
    expect(late).toMatchObject({
      informClock: { state: 'MET_LATE' },
      delayReasons: 'Contactpersoon pas na het weekend bereikt.',
    });
    await exactly('zonnedauw-fg', /^Ketenmelding van/, 1);
    // The linked incident's id is the partner's own: the sender does not get it.
    expect(late.linkedIncidentId).toBeNull();
    const zonView = value(await as<PartnerView>(t.http, 'zonnedauw-fg', PARTNER, { id: zonN.id }));

    // HINQ's matrix, with live clocks.
    const overview = value(
      await as<{ rows: Record<string, unknown>[] }>(t.http, 'hinq-coordinator', OVERVIEW, { id: chain.id }),
    );
    const row = (id: string) => overview.rows.find((r) => (r['partnerOrganisation'] as { id: string }).id === id)!;
    expect(row(ORG.nest)).toMatchObject({
      status: 'ACKNOWLEDGED',
      informedAt: at(3).toISOString(),
      acknowledgedAt: at(6).toISOString(),
      informClock: { state: 'MET' },
      ownApDecisionTaken: false,
      ownApClock: { state: 'OPEN', deadline: at(78).toISOString() },
    });
    expect(row(ORG.zuiderhaven)).toMatchObject({
      status: 'SENT',
      acknowledgedAt: null,
      awareness: { basis: 'SENT' },
      ownApClock: { deadline: at(77).toISOString() },
    });
    expect(row(ORG.zonnedauw)).toMatchObject({ informClock: { state: 'MET_LATE' }, informedAt: at(30).toISOString() });

    // Each partner runs its own protocol and register, independently; the matrix follows.
    clock.set(at(32));
    const links: [string, string][] = [
      ['nest-privacy', nestView.linkedIncidentId!],
      ['zuiderhaven-privacy', zuidLinked.linkedIncidentId!],
      ['zonnedauw-privacy', zonView.linkedIncidentId!],
    ];
    for (const [officer, id] of links) {
      const decided = await runOwnProtocol(t.http, officer, id, {
        notify: false,
        reasoning: 'Ontvanger met beroepsgeheim; verwijdering bevestigd.',
      });
      const closed = await closeOwnRegisterEntry(t.http, officer, decided);
      expect(closed.stage).toBe('CLOSED');
    }
    const after = value(
      await as<{
        rows: { ownApDecisionTaken: boolean; dataSubjectsDecided: boolean; ownApClock: { state: string } }[];
      }>(t.http, 'hinq-coordinator', OVERVIEW, { id: chain.id }),
    );
    expect(after.rows.map((r) => [r.ownApDecisionTaken, r.dataSubjectsDecided, r.ownApClock.state])).toEqual([
      [true, true, 'NOT_NEEDED'],
      [true, true, 'NOT_NEEDED'],
      [true, true, 'NOT_NEEDED'],
    ]);
    // HINQ's chain-wide figures count the chain incident (and the linked breaches) in this quarter.
    const figures = value(
      await as<{ organisation: { id: string }; quarter: string; chainIncidents: number; breaches: number }[]>(
        t.http,
        'hinq-coordinator',
        FIGURES,
      ),
    );
    const q = figures.filter((f) => f.quarter === '2026-Q4');
    expect([...new Set(figures.map((f) => f.quarter))]).toEqual([
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(q.find((f) => f.organisation.id === ORG.wieg)!.chainIncidents).toBeGreaterThanOrEqual(1);
    expect(q.find((f) => f.organisation.id === ORG.nest)!.breaches).toBeGreaterThanOrEqual(1);
    expect((await as(t.http, 'wieg-privacy', FIGURES)).code).toBe('FORBIDDEN');
  });

  it('scenario A: a breach at HINQ; HINQ approves and informs; every affected partner decides on its own AP notification', async () => {
    clock.set(at(100));
    const source = await report(t.http, 'hinq-privacy', {
      discoveredAt: at(100).toISOString(),
      whatHappened: 'Configuratiefout in de viewer bij HINQ.',
    });
    const chain = value(
      await as<{ chainIncident: ChainView }>(t.http, 'hinq-privacy', DECLARE, { incidentId: source.id, scenario: 'A' }),
    ).chainIncident;
    expect(chain.scenario).toBe('A');
    const chosen = value(
      await as<ChainView>(t.http, 'hinq-coordinator', CHOOSE, {
        id: chain.id,
        partners: [ORG.wieg, ORG.zuiderhaven].map((organisationId) => ({
          organisationId,
          reasoning: 'Eigen dossiers in de viewer geraadpleegd.',
        })),
      }),
    );
    value(await as(t.http, 'hinq-coordinator', COMPOSE, { id: chain.id, input: CONTENT }));
    clock.set(at(102));
    for (const n of chosen.partners) {
      // In situation A HINQ approves; then sends.
      value(await as(t.http, 'hinq-coordinator', APPROVE, { id: n.id }));
      const sent = value(await as<PartnerView>(t.http, 'hinq-coordinator', SEND, { id: n.id }));
      expect(sent.ownApDecisionRequired).toBe(true);
    }
    await exactly('wieg-fg', /^Ketenmelding van HINQ/, 1);
    const toWieg = mailsTo('wieg-fg', /^Ketenmelding van HINQ/)[0]!;
    expect(toWieg.mail.text).toContain('beslist zelf over een melding aan de Autoriteit Persoonsgegevens');
    clock.set(at(103));
    for (const [fg, officer, organisationId, notify] of [
      ['wieg-fg', 'wieg-privacy', ORG.wieg, true],
      ['zuiderhaven-fg', 'zuiderhaven-privacy', ORG.zuiderhaven, false],
    ] as const) {
      const n = partnerOf(chosen, organisationId);
      const acked = value(await as<PartnerView>(t.http, fg, ACKNOWLEDGE, { id: n.id }));
      await runOwnProtocol(
        t.http,
        officer,
        acked.linkedIncidentId!,
        notify
          ? { notify: true, reasoning: 'Bij twijfel melden.', departureReason: 'Gezondheidsgegevens van pasgeborenen.' }
          : { notify: false, reasoning: 'Ontvanger met beroepsgeheim.' },
      );
    }
    const overview = value(
      await as<{ rows: { ownApDecisionTaken: boolean; ownApClock: { state: string } }[] }>(
        t.http,
        'hinq-coordinator',
        OVERVIEW,
        { id: chain.id },
      ),
    );
    expect(overview.rows.map((r) => r.ownApDecisionTaken)).toEqual([true, true]);
    expect(overview.rows.map((r) => r.ownApClock.state).sort()).toEqual(['NOT_NEEDED', 'OPEN']);
  });
});
