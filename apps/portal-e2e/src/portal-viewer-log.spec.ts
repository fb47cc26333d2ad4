// The viewer's access log (issue 18) in a real browser against the whole local stack (see support/stack.ts). De
// Wieg's privacy officer reports a breach and declares scenario C (through the API); HINQ's coordinator opens the
// chain incident, follows its link to the viewer-log page, first uploads a file with a wrong header (refused, the
// expected header shown), then a small generated export with a few broken lines: the page shows the counts, the
// rejected lines by number and reason, and per organisation the distinct records and accesses — computed here
// independently while writing the file. The coordinator confirms the proposal; the chain incident then lists exactly
// the proposed organisations as partners. axe-core on the page before and after the analysis.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loginWithPassword } from '../../../tools/dev-idp/login-flow';
import { expectNoSeriousAccessibilityProblems } from './support/accessibility';
import { describeInBrowser } from './support/browser-suite';
import { loginThroughProvider } from './support/portal';

// Where Jest reads it also under the root configuration (a project's testTimeout is ignored there).
jest.setTimeout(180_000);

const WAIT_MS = 20_000;
const HEADER = 'timestamp,user,user_organisation,record_organisation,record_pseudonym,action';

/**
 * A small export: the suspect (`verdacht.1`, once in capitals) opens records of Het Nest and Zuiderhaven and one of
 * De Wieg (the reporter, never proposed); another account opens Zonnedauw's (not suspect: not counted); one suspect
 * line lies outside the window; three lines are broken. Returns the file and what the page must show.
 */
function generatedExport() {
  const lines = [`\uFEFF${HEADER}`];
  const broken: { line: number; reason: string }[] = [];
  const expected = new Map<string, { records: Set<string>; accesses: number }>();
  const access = (at: string, user: string, org: string, record: string, counted: boolean) => {
    lines.push(`${at},${user},vp-de-wieg,${org},${record},open`);
    if (!counted) return;
    const e = expected.get(org) ?? { records: new Set<string>(), accesses: 0 };
    e.records.add(record);
    e.accesses++;
    expected.set(org, e);
  };
  const nest = ['PSN-N1', 'PSN-N2', 'PSN-N3', 'PSN-N1', 'PSN-N2'];
  nest.forEach((r, i) => access(`2026-03-02T09:0${i}:00+01:00`, 'verdacht.1', 'vp-het-nest', r, true));
  access('2026-03-03T10:00:00+01:00', 'VERDACHT.1', 'zh-zuiderhaven', 'PSN-Z1', true);
  access('2026-03-03T10:05:00+01:00', 'verdacht.1', 'zh-zuiderhaven', '"PSN-Z2, kamer 4"', true);
  access('2026-03-03T11:00:00+01:00', 'verdacht.1', 'vp-de-wieg', 'PSN-W1', true);
  access('2026-03-03T12:00:00+01:00', 'j.jansen', 'kz-zonnedauw', 'PSN-K1', false);
  access('2026-02-20T12:00:00+01:00', 'verdacht.1', 'kz-zonnedauw', 'PSN-K2', false);
  const bad = (line: string, reason: string) => {
    lines.push(line);
    broken.push({ line: lines.length, reason });
  };
  bad('03-03-2026 12:00,verdacht.1,vp-de-wieg,vp-het-nest,PSN-N9,open', 'BAD_DATE');
  bad('2026-03-03T12:00:00+01:00,verdacht.1,vp-de-wieg,elders,PSN-X1,open', 'UNKNOWN_ORGANISATION');
  bad('2026-03-03T12:00:00+01:00,verdacht.1,vp-de-wieg,vp-het-nest,PSN-N9', 'WRONG_COLUMN_COUNT');
  access('2026-03-04T08:00:00+01:00', 'verdacht.1', 'vp-het-nest', "=cmd|' /C calc'!A0", true);
  return { text: `${lines.join('\r\n')}\r\n`, dataLines: lines.length - 1, broken, expected };
}

describeInBrowser('the viewer log in the browser', (suite) => {
  let dir = '';

  async function gql<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${suite.stack.api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json()) as { data?: T; errors?: unknown[] };
    if (answer.errors?.length || !answer.data) throw new Error(`GraphQL failed: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  }

  function tokenFor(username: string): Promise<string> {
    return loginWithPassword({
      issuer: suite.stack.issuer,
      clientId: 'babyconnect-portal',
      redirectUri: new URL('/', suite.stack.portal).href,
      username,
      password: 'demo',
    }).then((t) => t.accessToken);
  }

  async function loggedIn(username: string, path: string): Promise<Page> {
    const page = await (await suite.newContext()).newPage();
    await loginThroughProvider(page, suite.stack.portal, suite.stack.issuer, username);
    await page.goto(new URL(path, suite.stack.portal).href);
    return page;
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'portal-viewer-log-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("HINQ's coordinator uploads an export, sees the counts and the rejected lines, and confirms the proposal", async () => {
    // Every organisation in the file is known to the chain's directory once one of its people signed in, and the
    // partners' FGs are mailable when they are chosen.
    for (const user of ['nest-fg', 'zuiderhaven-fg', 'zonnedauw-fg', 'hinq-coordinator', 'wieg-privacy']) {
      await gql(await tokenFor(user), `{ me { abilityRules } }`);
    }
    const reporterToken = await tokenFor('wieg-privacy');
    const { reportBreach: incident } = await gql<{ reportBreach: { id: string } }>(
      reporterToken,
      `mutation Report($input: ReportBreachInput!) { reportBreach(input: $input) { id } }`,
      {
        input: {
          whatHappened: 'Een account van de viewer heeft mogelijk dossiers van andere organisaties geopend.',
          stillOngoing: 'NO',
          otherOrganisationsInvolved: 'YES',
          howDiscovered: 'Opgemerkt in het kijklog van de viewer.',
          exercise: true,
        },
      },
    );
    const { declareChainScenario } = await gql<{ declareChainScenario: { chainIncident: { id: string } } }>(
      reporterToken,
      `mutation Declare($id: ID!) { declareChainScenario(incidentId: $id, scenario: C) { chainIncident { id } } }`,
      { id: incident.id },
    );
    const chainId = declareChainScenario.chainIncident.id;

    // 1. From the chain incident to its viewer-log page (the link is there for HINQ's coordinator).
    const page = await loggedIn('hinq-coordinator', `/keten/${chainId}`);
    const link = page.getByTestId('chain-viewer-log-link');
    await link.waitFor({ timeout: WAIT_MS });
    await link.click();
    await page.getByTestId('viewer-log-form').waitFor({ timeout: WAIT_MS });
    expect(page.url()).toContain(`/keten/${chainId}/kijklog`);
    await page.getByTestId('viewer-log-none-yet').waitFor({ timeout: WAIT_MS });
    await expectNoSeriousAccessibilityProblems(page, 'viewer-log page before an upload');

    // 2. A file of another shape is refused at once, with the expected header shown.
    const wrong = join(dir, 'verkeerd.csv');
    await writeFile(wrong, 'tijd;gebruiker;organisatie\r\n2026-03-02T09:00:00+01:00;x;y\r\n');
    await page.getByTestId('viewer-log-file').setInputFiles(wrong);
    await page.getByTestId('viewer-log-accounts').fill('verdacht.1');
    await page.getByTestId('viewer-log-from').fill('2026-03-01T00:00');
    await page.getByTestId('viewer-log-to').fill('2026-03-10T00:00');
    await page.getByTestId('viewer-log-submit').click();
    const refusal = page.getByTestId('viewer-log-refusal');
    await refusal.waitFor({ timeout: WAIT_MS });
    expect(await refusal.getAttribute('data-kind')).toBe('header');
    expect(await page.getByTestId('viewer-log-expected-header').innerText()).toBe(HEADER);

    // 3. The real export, sent as the raw body over XMLHttpRequest (the backend that reports upload progress), with
    // the bearer token the interceptors add.
    const file = generatedExport();
    const path = join(dir, 'kijklog.csv');
    await writeFile(path, file.text);
    await page.getByTestId('viewer-log-file').setInputFiles(path);
    const upload = page.waitForRequest(
      (r) => r.method() === 'POST' && r.url().includes('/viewer-log/chain-incidents/'),
    );
    await page.getByTestId('viewer-log-submit').click();
    const sent = await upload;
    expect(sent.resourceType()).toBe('xhr');
    expect(await sent.headerValue('content-type')).toBe('text/csv');
    expect(await sent.headerValue('authorization')).toMatch(/^Bearer /);
    await page.getByTestId('viewer-log-analysis').waitFor({ timeout: WAIT_MS });
    expect(await refusal.count()).toBe(0);
    const count = (id: string) => page.getByTestId(id).innerText();
    expect(await count('count-lines')).toBe(String(file.dataLines));
    expect(await count('count-rejected')).toBe(String(file.broken.length));
    expect(await count('count-accepted')).toBe(String(file.dataLines - file.broken.length));

    const rejected = await page
      .locator('[data-testid=viewer-log-rejected] tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => ({ line: Number(r.getAttribute('data-line')), reason: r.getAttribute('data-reason') })),
      );
    expect(rejected).toEqual(file.broken);
    expect(await page.getByTestId('viewer-log-rejected').innerText()).toContain('ongeldig tijdstip');

    const impact = await page.locator('[data-testid=viewer-log-impact] tbody tr').evaluateAll((rows) =>
      rows.map((r) => ({
        name: r.getAttribute('data-organisation') ?? '',
        status: r.getAttribute('data-status'),
        records: Number(r.querySelector('[data-testid=impact-records]')?.textContent),
        accesses: Number(r.querySelector('[data-testid=impact-accesses]')?.textContent),
      })),
    );
    const row = (part: string) => impact.find((r) => r.name.includes(part));
    const nest = file.expected.get('vp-het-nest')!;
    const zuid = file.expected.get('zh-zuiderhaven')!;
    expect(impact).toHaveLength(3);
    expect(row('Nest')).toMatchObject({ status: 'PROPOSED', records: nest.records.size, accesses: nest.accesses });
    expect(row('Zuiderhaven')).toMatchObject({
      status: 'PROPOSED',
      records: zuid.records.size,
      accesses: zuid.accesses,
    });
    expect(row('Wieg')).toMatchObject({ status: 'REPORTER', records: 1, accesses: 1 });
    expect(await page.getByTestId('viewer-log-choose').count()).toBe(2);
    await expectNoSeriousAccessibilityProblems(page, 'viewer-log page with the analysis and the proposal');

    // 4. Confirm: both proposed organisations become partners of the chain incident.
    await page.getByTestId('viewer-log-confirm').click();
    await page.getByTestId('viewer-log-confirmed').waitFor({ timeout: WAIT_MS });
    await page.getByTestId('viewer-log-to-chain').click();
    const cards = page.getByTestId('partner-card');
    await cards.nth(1).waitFor({ timeout: WAIT_MS });
    const partners = (await cards.allInnerTexts()).join('\n');
    expect(partners).toContain(row('Nest')!.name);
    expect(partners).toContain(row('Zuiderhaven')!.name);
    expect(await cards.count()).toBe(2);
  });
});
