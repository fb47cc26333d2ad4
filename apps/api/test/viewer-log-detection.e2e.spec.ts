import { amsterdamHour } from '@babyconnect/domain';
import request from 'supertest';
import { logRows } from './support/access-log';
import { gql, ORG } from './support/gql';
import { issuer, startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

jest.setTimeout(180_000);

// Detection on the pushed viewer log (issue 18): each rule raises its alert on a synthetic log and stays quiet on a
// normal day; a batch counts once; only HINQ's machine client may push, and it reads nothing else; an alert is an
// ordinary suspected breach in the organisation it concerns, without pseudonyms; a privacy officer dismisses it
// with a reason that is kept. Every test uses its own accounts and batch ids, so they hold in any order.

const HEADER = 'timestamp,user,user_organisation,record_organisation,record_pseudonym,action';
const HOUR = 3_600_000;
const ALERTS = `{ viewerLogAlerts { id organisation { id name } rule account windowStart windowEnd accesses
  distinctRecords distinctOrganisations incidentId incidentReference dismissedAt dismissedByName dismissalReason } }`;
const DISMISS = `mutation($id: ID!, $reason: String!) { dismissViewerLogAlert(id: $id, reason: $reason) {
  id dismissedAt dismissedByName dismissalReason } }`;
const INCIDENT = `query($id: ID!) { incident(id: $id) { id reference stage exercise
  report { whatHappened howDiscovered otherOrganisationsInvolved } } }`;

interface Alert {
  id: string;
  organisation: { id: string; name: string };
  rule: string;
  account: string;
  windowStart: string;
  windowEnd: string;
  accesses: number;
  distinctRecords: number;
  distinctOrganisations: number;
  incidentId: string | null;
  incidentReference: string | null;
  dismissedAt: string | null;
  dismissedByName: string | null;
  dismissalReason: string | null;
}

let t: TestApp;
let machine: string;

/** A client-credentials token of HINQ's machine client, from the identity provider (the demo file's dev secret). */
async function machineToken(): Promise<string> {
  const res = await fetch(`${issuer()}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from('hinq-viewer-log:dev-hinq-viewer-log-secret').toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
  if (res.status !== 200) throw new Error(`client credentials refused: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

function push(batch: string, lines: string[], token = machine) {
  return request(t.http)
    .post(`/viewer-log/feed?batch=${encodeURIComponent(batch)}`)
    .set('authorization', `Bearer ${token}`)
    .set('content-type', 'text/csv')
    .send([HEADER, ...lines].join('\r\n') + '\r\n');
}

/** Yesterday (UTC) at the first whole hour that is `hour` o'clock in Amsterdam. */
function yesterdayAt(hour: number): number {
  const day = Math.floor(Date.now() / (24 * HOUR)) * 24 * HOUR - 24 * HOUR;
  for (let h = 0; h < 24; h++) if (amsterdamHour(day + h * HOUR) === hour) return day + h * HOUR;
  throw new Error('no such hour');
}

const iso = (at: number) => new Date(at).toISOString();
const line = (at: number, user: string, userOrg: string, recordOrg: string, pseudonym: string) =>
  `${iso(at)},${user},${userOrg},${recordOrg},${pseudonym},open`;

async function alerts(username: string): Promise<Alert[]> {
  const res = await gql<{ viewerLogAlerts: Alert[] }>(t.http, { token: await tokenFor(username), query: ALERTS });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.viewerLogAlerts;
}

async function incidentsBySystem(): Promise<{ id: string; organisation_id: string }[]> {
  return t.db.sql(
    `SELECT i.id::text, i.organisation_id::text FROM incidents i JOIN users u ON u.id = i.reported_by
      WHERE u.issuer = 'urn:babyconnect:system' AND u.subject = 'viewer-log-detection'`,
  );
}

beforeAll(async () => {
  t = await startTestApp(
    {},
    undefined,
    (await import('pino')).default({ level: process.env['DEBUG_API'] ? 'error' : 'silent' }),
  );
  machine = await machineToken();
  // The HINQ coordinator is known to the role directory once signed in, so the HINQ mail has an address.
  await gql(t.http, { token: await tokenFor('hinq-coordinator'), query: '{ me { user { displayName } } }' });
});
afterAll(() => t?.close());

describe('detection on the pushed viewer log', () => {
  it("stays quiet on a normal day's log", async () => {
    const nine = yesterdayAt(9);
    const lines: string[] = [];
    // Two midwives and a nurse through a working day: own records, now and then one partner's, a few an hour.
    for (let i = 0; i < 8 * 12; i++) {
      const at = nine + i * 5 * 60_000;
      lines.push(
        line(at, 'normaal.wieg', 'vp-de-wieg', i % 6 === 0 ? 'zh-zuiderhaven' : 'vp-de-wieg', `PSN-W${i % 30}`),
      );
      lines.push(line(at + 60_000, 'normaal.zh', 'zh-zuiderhaven', 'zh-zuiderhaven', `PSN-Z${i % 40}`));
      if (i % 3 === 0) lines.push(line(at + 120_000, 'normaal.kz', 'kz-zonnedauw', 'vp-het-nest', `PSN-K${i % 10}`));
    }
    const before = (await alerts('hinq-coordinator')).length;
    const res = await push('normaal-dag-1', lines);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ batchId: 'normaal-dag-1', events: lines.length, rejected: 0, alerts: 0 });
    expect(await alerts('hinq-coordinator')).toHaveLength(before);
    expect((await alerts('hinq-coordinator')).filter((a) => a.account.startsWith('normaal.'))).toEqual([]);
  });

  it('MANY_ORGANISATIONS: one account opening records of three other organisations in an hour', async () => {
    const ten = yesterdayAt(10);
    const lines = ['vp-het-nest', 'zh-zuiderhaven', 'kz-zonnedauw'].flatMap((org, o) =>
      [0, 1, 2, 3].map((i) => line(ten + (o * 4 + i) * 60_000, 'verdacht.veel', 'vp-de-wieg', org, `PSN-V${o}${i}`)),
    );
    const res = await push('veel-1', lines);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ events: 12, alerts: 1, repeated: false });

    const nest = (await alerts('nest-privacy')).filter((a) => a.account === 'verdacht.veel');
    expect(nest).toEqual([
      expect.objectContaining({
        organisation: { id: ORG.nest, name: expect.any(String) },
        rule: 'MANY_ORGANISATIONS',
        windowStart: iso(ten),
        windowEnd: iso(ten + HOUR),
        accesses: 12,
        distinctRecords: 12,
        distinctOrganisations: 3,
        incidentId: expect.any(String),
        incidentReference: expect.stringMatching(/^DL-/),
        dismissedAt: null,
      }),
    ]);
    // The coordinator reads the alert of each organisation concerned; the accused account's own organisation,
    // whose records were not opened, has none.
    const hinq = (await alerts('hinq-coordinator')).filter((a) => a.account === 'verdacht.veel');
    expect(hinq.map((a) => a.organisation.id).sort()).toEqual([ORG.nest, ORG.zuiderhaven, ORG.zonnedauw].sort());
    // HINQ reads the alert, not another organisation's breach.
    expect(hinq.every((a) => a.incidentId === null)).toBe(true);

    // The suspected breach is an ordinary incident of Het Nest, reported by the system, marked, without pseudonyms.
    const incident = await gql<{
      incident: {
        report: { whatHappened: string; howDiscovered: string; otherOrganisationsInvolved: string };
        stage: string;
        exercise: boolean;
      };
    }>(t.http, { token: await tokenFor('nest-privacy'), query: INCIDENT, variables: { id: nest[0]!.incidentId } });
    const report = incident.data!.incident.report;
    expect(incident.data!.incident).toMatchObject({ stage: 'REPORTED', exercise: false });
    expect(report.whatHappened).toMatch(/^\[Automatisch gesignaleerd\]/);
    expect(report.whatHappened).toContain('12 inzages, 12 verschillende dossiers van 3 organisatie(s)');
    expect(report.otherOrganisationsInvolved).toBe('YES');
    for (const text of [report.whatHappened, report.howDiscovered]) {
      expect(text).not.toMatch(/PSN-/);
      expect(text).not.toContain('verdacht.veel');
    }
    const rows = await incidentsBySystem();
    expect(rows.filter((r) => r.id === nest[0]!.incidentId)).toEqual([
      { id: nest[0]!.incidentId, organisation_id: ORG.nest },
    ]);
    // Nothing of the pseudonyms is stored anywhere detection writes.
    const stored = await t.db.sql<{ n: string }>(
      `SELECT count(*)::text AS n FROM viewer_log_events WHERE record_key LIKE 'PSN-%' OR account LIKE 'psn-%'`,
    );
    expect(stored[0]!.n).toBe('0');

    // The organisation's FG and privacy officers are told, and HINQ through the chain's own message.
    const outbox = await t.db.sql<{ event: string; recipient_role: string }>(
      `SELECT event, recipient_role FROM notification_outbox WHERE incident_id = $1 ORDER BY event, recipient_role`,
      [nest[0]!.incidentId],
    );
    expect(outbox.map((o) => o.event)).toEqual(
      expect.arrayContaining(['breach-reported', 'other-organisations-involved']),
    );
    expect(
      outbox
        .filter((o) => o.event === 'other-organisations-involved')
        .every((o) => o.recipient_role.startsWith('hinq-')),
    ).toBe(true);
  });

  it('UNUSUAL_HOURS: a burst of accesses at two in the night', async () => {
    const two = yesterdayAt(2);
    const lines = Array.from({ length: 25 }, (_, i) =>
      line(two + i * 2 * 60_000, 'nacht.1', 'zh-zuiderhaven', 'zh-zuiderhaven', `PSN-N${i}`),
    );
    expect((await push('nacht-1', lines)).body).toMatchObject({ events: 25, alerts: 1 });
    const own = (await alerts('zuiderhaven-fg')).filter((a) => a.account === 'nacht.1');
    expect(own).toEqual([
      expect.objectContaining({ rule: 'UNUSUAL_HOURS', accesses: 25, distinctRecords: 25, windowStart: iso(two) }),
    ]);
    // Nobody else is concerned: Het Nest sees nothing of it.
    expect((await alerts('nest-privacy')).some((a) => a.account === 'nacht.1')).toBe(false);
  });

  it('TWO_ORGANISATIONS: one account acting for two organisations within ten minutes', async () => {
    const eleven = yesterdayAt(11);
    const lines = [
      line(eleven + 60_000, 'dubbel.1', 'vp-de-wieg', 'vp-de-wieg', 'PSN-D1'),
      line(eleven + 3 * 60_000, 'dubbel.1', 'kz-zonnedauw', 'kz-zonnedauw', 'PSN-D2'),
    ];
    expect((await push('dubbel-1', lines)).body).toMatchObject({ alerts: 1 });
    const hinq = (await alerts('hinq-coordinator')).filter((a) => a.account === 'dubbel.1');
    expect(hinq.map((a) => [a.organisation.id, a.rule]).sort()).toEqual(
      [
        [ORG.wieg, 'TWO_ORGANISATIONS'],
        [ORG.zonnedauw, 'TWO_ORGANISATIONS'],
      ].sort(),
    );
    expect(hinq[0]).toMatchObject({ windowEnd: iso(eleven + 10 * 60_000) });
  });

  it('judges a window spread over minute batches whole: the stored events count, each record once', async () => {
    // HINQ pushes a minute at a time: the hour's counts are made from what earlier batches stored (in the database),
    // not only from the batch at hand. 30 records, then the same 30 again and 20 new ones: 50 distinct in the hour.
    const nine = yesterdayAt(9);
    const minute = (m: number, from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) =>
        line(nine + m * 60_000 + i * 1000, 'spreiding.1', 'vp-het-nest', 'vp-het-nest', `PSN-S${from + i}`),
      );
    expect((await push('spreiding-1', minute(5, 0, 30))).body).toMatchObject({ events: 30, alerts: 0 });
    expect((await push('spreiding-2', minute(6, 0, 30))).body).toMatchObject({ events: 30, alerts: 0 });
    expect((await push('spreiding-3', minute(7, 30, 50))).body).toMatchObject({ events: 20, alerts: 1 });
    expect((await alerts('nest-privacy')).filter((a) => a.account === 'spreiding.1')).toEqual([
      expect.objectContaining({
        rule: 'MANY_ORGANISATIONS',
        windowStart: iso(nine),
        accesses: 80,
        distinctRecords: 50,
        distinctOrganisations: 1,
      }),
    ]);
  });

  it('counts a batch once: the same batch again gets the same answer, stores and raises nothing new', async () => {
    const ten = yesterdayAt(14);
    const lines = ['vp-de-wieg', 'zh-zuiderhaven', 'kz-zonnedauw'].flatMap((org, o) =>
      [0, 1].map((i) => line(ten + (o * 2 + i) * 60_000, 'herhaal.1', 'vp-het-nest', org, `PSN-H${o}${i}`)),
    );
    const first = await push('herhaal-1', lines);
    expect(first.status).toBe(201);
    const counts = async () => ({
      events: (
        await t.db.sql<{ n: string }>(`SELECT count(*)::text AS n FROM viewer_log_events WHERE batch_id = 'herhaal-1'`)
      )[0]!.n,
      alerts: (
        await t.db.sql<{ n: string }>(`SELECT count(*)::text AS n FROM viewer_log_alerts WHERE account = 'herhaal.1'`)
      )[0]!.n,
      incidents: (await incidentsBySystem()).length,
    });
    const before = await counts();
    expect(before).toMatchObject({ events: '6', alerts: '3' });

    const second = await push('herhaal-1', lines);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ ...first.body, repeated: true });
    expect(await counts()).toEqual(before);

    // The same id with other content is refused: a batch does not change.
    const other = await push('herhaal-1', lines.slice(1));
    expect(other.status).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it('refuses a person at the feed, whatever their roles, and logs every request', async () => {
    for (const person of ['hinq-coordinator', 'wieg-privacy']) {
      const res = await push(
        `persoon-${person}`,
        [line(yesterdayAt(9), 'x', 'vp-de-wieg', 'vp-de-wieg', 'PSN-P')],
        await tokenFor(person),
      );
      expect(res.status).toBe(403);
      expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await push('zonder-token', [], 'x.y.z')).status).toBe(401);
    const rows = await logRows(t.db, `operation = 'viewerLogFeed'`);
    expect(rows.filter((r) => r.result !== 'allowed').length).toBeGreaterThanOrEqual(3);
    // The machine's pushes are logged in HINQ's chain under its service account.
    const allowed = rows.filter((r) => r.result === 'allowed');
    expect(allowed.length).toBeGreaterThan(0);
    expect(allowed.every((r) => r.organisation_id === ORG.hinq && r.roles === '')).toBe(true);
  });

  it('gives the machine token nothing but the feed: GraphQL and the upload refuse it', async () => {
    for (const query of ['{ me { user { displayName } } }', ALERTS, '{ chainIncidents { id } }']) {
      const res = await gql(t.http, { token: machine, query });
      expect(res.code).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
    }
    const upload = await request(t.http)
      .post(
        `/viewer-log/chain-incidents/${ORG.hinq}/analyses?accounts=a&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z`,
      )
      .set('authorization', `Bearer ${machine}`)
      .set('content-type', 'text/csv')
      .send(HEADER + '\n');
    expect(upload.status).toBe(403);
  });

  it('lets the privacy officer dismiss her alert with a reason, kept; not the FG, not another organisation', async () => {
    const noon = yesterdayAt(12);
    const lines = ['vp-de-wieg', 'zh-zuiderhaven', 'kz-zonnedauw'].flatMap((org, o) =>
      [0, 1].map((i) => line(noon + (o * 2 + i) * 60_000, 'afdoen.1', 'vp-het-nest', org, `PSN-A${o}${i}`)),
    );
    await push('afdoen-1', lines);
    const alert = (await alerts('zonnedauw-privacy')).find((a) => a.account === 'afdoen.1')!;
    expect(alert).toBeDefined();
    const dismiss = async (username: string, reason: string) =>
      gql<{ dismissViewerLogAlert: Alert }>(t.http, {
        token: await tokenFor(username),
        query: DISMISS,
        variables: { id: alert.id, reason },
      });

    expect((await dismiss('zonnedauw-privacy', '   ')).code).toBe('BAD_USER_INPUT');
    expect((await dismiss('zonnedauw-fg', 'Controle door de FG.')).code).toBe('FORBIDDEN');
    expect((await dismiss('wieg-privacy', 'Niet van ons.')).code).toBe('NOT_FOUND');
    const done = await dismiss('zonnedauw-privacy', 'Waarneming tijdens een geplande audit; geen datalek.');
    if (!done.data) throw new Error(JSON.stringify(done.errors));
    expect(done.data!.dismissViewerLogAlert).toMatchObject({
      id: alert.id,
      dismissedAt: expect.any(String),
      dismissedByName: expect.any(String),
      dismissalReason: 'Waarneming tijdens een geplande audit; geen datalek.',
    });
    expect((await dismiss('zonnedauw-privacy', 'Nog eens.')).code).toBe('CONFLICT');
    // Kept, and HINQ reads the reason too.
    const seen = (await alerts('hinq-coordinator')).find((a) => a.id === alert.id)!;
    expect(seen.dismissalReason).toBe('Waarneming tijdens een geplande audit; geen datalek.');
    // Wieg's alert of the same window stays open.
    const wieg = (await alerts('wieg-privacy')).find((a) => a.account === 'afdoen.1')!;
    expect(wieg.dismissedAt).toBeNull();
  });
  it('a dismissal judges the unassessed suspected breach "not a breach" and counts in HINQ\'s figures; an assessed one stays', async () => {
    const afternoon = yesterdayAt(15);
    const lines = ['vp-de-wieg', 'zh-zuiderhaven', 'kz-zonnedauw'].flatMap((org, o) =>
      [0, 1].map((i) => line(afternoon + (o * 2 + i) * 60_000, 'afdoen.2', 'vp-het-nest', org, `PSN-B${o}${i}`)),
    );
    expect((await push('afdoen-2', lines)).status).toBe(201);
    const mine = async (username: string) => (await alerts(username)).find((a) => a.account === 'afdoen.2')!;
    const zonnedauw = await mine('zonnedauw-privacy');
    const wieg = await mine('wieg-privacy');
    expect(zonnedauw.incidentId && wieg.incidentId).toBeTruthy();
    const figures = async () => {
      const res = await gql<{
        chainFigures: {
          organisation: { id: string };
          quarter: string;
          reported: number;
          detectionAlerts: number;
          dismissedAlerts: number;
          lowReportingSignal: boolean;
        }[];
      }>(t.http, {
        token: await tokenFor('hinq-coordinator'),
        query: `{ chainFigures { organisation { id } quarter reported detectionAlerts dismissedAlerts lowReportingSignal } }`,
      });
      const rows = res.data!.chainFigures;
      // The last quarter is the current one: the alerts were raised and are dismissed now.
      const current = rows
        .map((r) => r.quarter)
        .sort()
        .at(-1);
      return (org: string) => rows.find((r) => r.organisation.id === org && r.quarter === current)!;
    };
    const before = await figures();
    expect(before(ORG.zonnedauw).detectionAlerts).toBeGreaterThanOrEqual(1);
    expect(before(ORG.zonnedauw).lowReportingSignal).toBe(false);
    expect(
      (
        await gql<{ viewerLogAlerts: { id: string; incidentStage: string | null }[] }>(t.http, {
          token: await tokenFor('zonnedauw-fg'),
          query: '{ viewerLogAlerts { id incidentStage } }',
        })
      ).data!.viewerLogAlerts.find((a) => a.id === zonnedauw.id)?.incidentStage,
    ).toBe('REPORTED');
    const readIncident = async (username: string, id: string) =>
      (
        await gql<{
          incident: { stage: string; version: number; assessment: { conclusion: string; reasoning: string } | null };
        }>(t.http, {
          token: await tokenFor(username),
          query: `query($id: ID!) { incident(id: $id) { stage version assessment { conclusion reasoning } } }`,
          variables: { id },
        })
      ).data!.incident;
    const dismiss = async (username: string, id: string, reason: string, confirmPrivacyWarnings?: boolean) =>
      gql<{ dismissViewerLogAlert: Alert }>(t.http, {
        token: await tokenFor(username),
        query: `mutation($id: ID!, $reason: String!, $confirm: Boolean) {
          dismissViewerLogAlert(id: $id, reason: $reason, confirmPrivacyWarnings: $confirm) { id dismissedAt } }`,
        variables: { id, reason, confirm: confirmPrivacyWarnings ?? null },
      });

    // A reason that looks like a client's identity is kept only after confirmation; until then nothing changes.
    const warned = await dismiss('zonnedauw-privacy', zonnedauw.id, 'Gesprek met j.jansen@example.org gehad.');
    expect(warned.code).toBe('PRIVACY_CONFIRMATION_REQUIRED');
    expect(warned.errors![0]!.extensions.fields!.map((f) => f.field)).toEqual(['reason']);
    expect(JSON.stringify(warned.errors)).not.toContain('j.jansen');
    expect((await mine('zonnedauw-privacy')).dismissedAt).toBeNull();
    expect((await readIncident('zonnedauw-privacy', zonnedauw.incidentId!)).stage).toBe('REPORTED');

    // Dismissed: the unassessed incident is judged "not a breach" with the reason, by the officer, and closed.
    const done = await dismiss('zonnedauw-privacy', zonnedauw.id, 'Inzage hoorde bij een geplande audit.');
    expect(done.data?.dismissViewerLogAlert.dismissedAt).toEqual(expect.any(String));
    // The alert shows where its incident stands — to those who may read it; HINQ's coordinator learns nothing of it.
    const stageOf = async (username: string) =>
      (
        await gql<{ viewerLogAlerts: { id: string; incidentStage: string | null }[] }>(t.http, {
          token: await tokenFor(username),
          query: '{ viewerLogAlerts { id incidentStage } }',
        })
      ).data!.viewerLogAlerts.find((a) => a.id === zonnedauw.id)?.incidentStage;
    expect(await stageOf('zonnedauw-privacy')).toBe('CLOSED');
    expect(await stageOf('hinq-coordinator')).toBeNull();
    expect(await readIncident('zonnedauw-privacy', zonnedauw.incidentId!)).toMatchObject({
      stage: 'CLOSED',
      assessment: {
        conclusion: 'NOT_A_BREACH',
        reasoning: 'Signaal van de kijklogdetectie afgedaan: Inzage hoorde bij een geplande audit.',
      },
    });
    const timers = await t.db.sql<{ n: string }>(
      `SELECT count(*)::text AS n FROM notification_timers WHERE incident_id = $1 AND status = 'pending'`,
      [zonnedauw.incidentId],
    );
    expect(timers[0]!.n).toBe('0');

    // De Wieg's officer judged hers a breach first: the workflow's judgement stands when she dismisses the alert.
    const wiegIncident = await readIncident('wieg-privacy', wieg.incidentId!);
    const assessed = await gql(t.http, {
      token: await tokenFor('wieg-privacy'),
      query: `mutation($id: ID!, $v: Int!) { assessIncident(id: $id, expectedVersion: $v,
        input: { conclusion: BREACH, reasoning: "Dossiers zonder behandelrelatie geopend." }) { stage } }`,
      variables: { id: wieg.incidentId, v: wiegIncident.version },
    });
    expect(assessed.code).toBeNull();
    // The reason's length is counted in characters as a person counts them: 1,500 emoji are 1,500, not 3,000.
    const long = `Wordt in de workflow afgehandeld. ${'🍼'.repeat(1500)}`;
    expect((await dismiss('wieg-privacy', wieg.id, long)).code).toBeNull();
    expect(await readIncident('wieg-privacy', wieg.incidentId!)).toMatchObject({
      stage: 'OVERVIEW',
      assessment: { conclusion: 'BREACH' },
    });

    // HINQ's figures count each dismissal in the quarter it was made.
    const after = await figures();
    expect(after(ORG.zonnedauw).dismissedAlerts).toBe(before(ORG.zonnedauw).dismissedAlerts + 1);
    expect(after(ORG.wieg).dismissedAlerts).toBe(before(ORG.wieg).dismissedAlerts + 1);
    expect(after(ORG.zuiderhaven).dismissedAlerts).toBe(before(ORG.zuiderhaven).dismissedAlerts);
  });
});
