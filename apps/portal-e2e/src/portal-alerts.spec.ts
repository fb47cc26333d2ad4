// The detection alerts on the viewer log (issue 18) in a real browser against the whole local stack (see
// support/stack.ts). HINQ's machine client pushes a batch of the viewer log with a client-credentials token, in which
// one Zuiderhaven account opens records of De Wieg, Het Nest and Zonnedauw within an hour: the API raises a
// MANY_ORGANISATIONS alert (and a suspected breach) in each of the three. De Wieg's privacy officer finds the alert
// on /signalen through the navigation, with the rule in words, the window in Amsterdam time, the counts and a link to
// the raised breach; dismissing without a reason is refused at the field; with a reason the alert shows as dismissed,
// by whom and why, also after a reload. HINQ's coordinator sees the three alerts, De Wieg's dismissed with the same
// reason, without a link to another organisation's breach and without the dismiss button. A reason that looks like a
// client's identity is stopped by the privacy warning first; the dismissal closes the raised breach as "not a
// breach" with the reason; HINQ's figures count the dismissal. axe-core on the page.
// Beside it, independent of it (its own account and file): HINQ's coordinator hands in a generated daily file on
// /signalen and sees the counts, the rejected lines per reason and the raised alerts in the list; the same file again
// is answered as handed in before.
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
const HOUR = 3_600_000;
const HEADER = 'timestamp,user,user_organisation,record_organisation,record_pseudonym,action';
/** The demo realm's development secret of HINQ's machine client (infra/keycloak/babyconnect-demo.json). */
const MACHINE = 'hinq-viewer-log:dev-hinq-viewer-log-secret';
const ACCOUNT = `verdacht.portaal.${Date.now()}`;
const REASON = 'Waarneming op de verloskamers van alle drie de organisaties, afgesproken met HINQ.';

/** Date and HH:MM in Amsterdam, as the page writes them (day-month-year in Dutch). */
function amsterdam(at: number): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts['day']}-${parts['month']}-${parts['year']}`, time: `${parts['hour']}:${parts['minute']}` };
}

describeInBrowser('the viewer-log alerts in the browser', (suite) => {
  // Yesterday 09:00 UTC (10:00 or 11:00 in Amsterdam: not an unusual hour), a whole hour block as the rules use.
  const windowStart = Math.floor(Date.now() / (24 * HOUR)) * 24 * HOUR - 24 * HOUR + 9 * HOUR;

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

  /** A client-credentials token of HINQ's machine client from the identity provider. */
  async function machineToken(): Promise<string> {
    const response = await fetch(`${suite.stack.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(MACHINE).toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    if (response.status !== 200) throw new Error(`client credentials refused: ${response.status}`);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  async function loggedIn(username: string): Promise<Page> {
    const page = await (await suite.newContext()).newPage();
    await loginThroughProvider(page, suite.stack.portal, suite.stack.issuer, username);
    return page;
  }

  const alertOf = (page: Page) => page.locator(`[data-testid=alert][data-account="${ACCOUNT}"]`);

  beforeAll(async () => {
    // Every organisation and person is known to the directory once signed in (the raised breach's mails need them).
    for (const user of ['wieg-privacy', 'nest-fg', 'zonnedauw-fg', 'zuiderhaven-fg', 'hinq-coordinator']) {
      await gql(await tokenFor(user), `{ me { abilityRules } }`);
    }
    // Four records each of three organisations other than the account's own, within twelve minutes.
    const lines = ['vp-de-wieg', 'vp-het-nest', 'kz-zonnedauw'].flatMap((org, o) =>
      [0, 1, 2, 3].map((i) => {
        const at = new Date(windowStart + (o * 4 + i) * 60_000).toISOString();
        return `${at},${ACCOUNT},zh-zuiderhaven,${org},PSN-P${o}${i},open`;
      }),
    );
    const response = await fetch(`${suite.stack.api}/viewer-log/feed?batch=${ACCOUNT}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await machineToken()}`, 'content-type': 'text/csv' },
      body: [HEADER, ...lines].join('\r\n') + '\r\n',
    });
    const answer = (await response.json()) as { events: number; alerts: number };
    expect(response.status).toBe(201);
    expect(answer).toMatchObject({ events: 12, alerts: 1 });
  });

  // One test: what HINQ's coordinator is shown depends on the dismissal before it (tests may run in any order).
  it("De Wieg's privacy officer dismisses the alert with a required reason; HINQ's coordinator then sees every organisation's alert, De Wieg's dismissed, and decides nothing", async () => {
    const page = await loggedIn('wieg-privacy');
    await page.getByTestId('nav-alerts').click();
    await page.waitForURL((url) => url.pathname === '/signalen', { timeout: WAIT_MS });
    const alert = alertOf(page);
    await alert.waitFor({ timeout: WAIT_MS });
    expect(await alert.count()).toBe(1);
    expect(await alert.getAttribute('data-rule')).toBe('MANY_ORGANISATIONS');
    expect(await alert.getAttribute('data-state')).toBe('open');
    const text = (id: string) => alert.getByTestId(id).innerText();
    expect(await text('alert-rule')).toBe('dossiers van ongewoon veel organisaties of cliënten');
    const start = amsterdam(windowStart);
    const end = amsterdam(windowStart + HOUR);
    expect(await text('alert-window')).toBe(`${start.date} ${start.time}–${end.time}`);
    expect(await text('alert-accesses')).toBe('12');
    expect(await text('alert-records')).toBe('12');
    expect(await text('alert-organisations')).toBe('3');
    expect(await text('alert-organisation')).toContain('Wieg');
    expect(await text('alert-state')).toContain('Open');
    // The raised suspected breach, which she may open.
    const link = alert.getByTestId('alert-incident-link');
    expect(await link.getAttribute('href')).toMatch(/^\/meldingen\/[0-9a-f-]{36}$/);
    expect(await link.innerText()).toMatch(/DL-/);
    expect(await text('alert-incident-stage')).toBe('(gemeld)');
    // Handing in a daily file is HINQ's coordinator's, not hers.
    expect(await page.getByTestId('daily-file').count()).toBe(0);
    await expectNoSeriousAccessibilityProblems(page, 'alerts page with an open alert');

    // Without a reason: refused at the field, nothing sent.
    await alert.getByTestId('alert-dismiss').click();
    const field = alert.getByTestId('alert-reason-input');
    await field.waitFor({ timeout: WAIT_MS });
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.fill('   ');
    await alert.getByTestId('alert-dismiss-submit').click();
    expect(await alert.getByTestId('alert-reason-error').innerText()).toBe('Vul een reden in.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toContain(
      (await alert.getByTestId('alert-reason-error').getAttribute('id'))!,
    );
    expect(await alert.getAttribute('data-state')).toBe('open');
    await expectNoSeriousAccessibilityProblems(page, 'alerts page with the dismissal form and its field error');

    // A reason that looks like a client's identity: the privacy warning, with the confirmation; nothing dismissed.
    await field.fill('Gebeld met j.jansen@example.org over de inzage.');
    await alert.getByTestId('alert-dismiss-submit').click();
    await alert.getByTestId('privacy-warning').waitFor({ timeout: WAIT_MS });
    expect(await alert.getByTestId('privacy-warning').innerText()).toContain('Reden om het signaal af te doen');
    expect(await alert.getByTestId('privacy-warning').innerText()).not.toContain('j.jansen');
    expect(await alert.getAttribute('data-state')).toBe('open');
    await expectNoSeriousAccessibilityProblems(page, 'alerts page with the privacy warning on the reason');

    // With a reason: the list refreshes and shows who dismissed it, when and why. A new text is checked anew.
    await field.fill(REASON);
    expect(await alert.getByTestId('privacy-warning').count()).toBe(0);
    await alert.getByTestId('alert-dismiss-submit').click();
    await page.locator(`[data-testid=alert][data-account="${ACCOUNT}"][data-state=dismissed]`).waitFor({
      timeout: WAIT_MS,
    });
    expect(await text('alert-reason')).toBe(REASON);
    expect(await text('alert-dismissal')).toMatch(/Afgewezen door .+ op \d\d-\d\d-\d{4} \d\d:\d\d\./);
    expect(await text('alert-state')).toContain('Afgewezen');
    expect(await alert.getByTestId('alert-dismiss').count()).toBe(0);
    // Kept: the same after a reload.
    await page.reload();
    await page.locator(`[data-testid=alert][data-account="${ACCOUNT}"][data-state=dismissed]`).waitFor({
      timeout: WAIT_MS,
    });
    expect(await text('alert-reason')).toBe(REASON);
    expect(await text('alert-incident-stage')).toBe('(afgesloten)');
    await expectNoSeriousAccessibilityProblems(page, 'alerts page with a dismissed alert');

    // The link opens the raised breach, judged "not a breach" with the reason by the dismissal, and closed.
    await alert.getByTestId('alert-incident-link').click();
    await page.waitForURL((url) => /^\/meldingen\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: WAIT_MS });
    await page.getByTestId('incident-stage').waitFor({ timeout: WAIT_MS });
    expect(await page.getByTestId('incident-stage').innerText()).toBe('afgesloten');
    await page.getByText(`Signaal van de kijklogdetectie afgedaan: ${REASON}`).first().waitFor({ timeout: WAIT_MS });

    {
      const page = await loggedIn('hinq-coordinator');
      await page.getByTestId('nav-alerts').click();
      await page.waitForURL((url) => url.pathname === '/signalen', { timeout: WAIT_MS });
      const alerts = alertOf(page);
      await alerts.nth(2).waitFor({ timeout: WAIT_MS });
      const rows = await alerts.evaluateAll((els) =>
        els.map((el) => ({
          organisation: el.querySelector('[data-testid=alert-organisation]')?.textContent?.trim() ?? '',
          state: el.getAttribute('data-state'),
          reason: el.querySelector('[data-testid=alert-reason]')?.textContent?.trim() ?? null,
          link: el.querySelector('[data-testid=alert-incident-link]') !== null,
          hidden: el.querySelector('[data-testid=alert-incident-hidden]')?.textContent?.trim() ?? '',
        })),
      );
      expect(rows).toHaveLength(3);
      const wieg = rows.filter((r) => r.organisation.includes('Wieg'));
      expect(wieg).toEqual([expect.objectContaining({ state: 'dismissed', reason: REASON })]);
      expect(rows.filter((r) => r.state === 'open').map((r) => r.organisation)).toEqual(
        expect.arrayContaining([expect.stringContaining('Nest'), expect.stringContaining('Zonnedauw')]),
      );
      // Another organisation's breach is not HINQ's to open (the API names neither its id nor its reference).
      expect(rows.map((r) => [r.link, r.hidden])).toEqual(
        rows.map(() => [false, 'Gemeld bij de organisatie zelf; niet in te zien voor u']),
      );
      expect(await page.getByTestId('alert-dismiss').count()).toBe(0);
      await expectNoSeriousAccessibilityProblems(page, "alerts page of HINQ's coordinator");

      // HINQ's figures count the dismissal as a signal in De Wieg's current quarter (the last column).
      await page.getByTestId('nav-chain-figures').click();
      const wiegRow = page.locator('[data-testid=figures-row][data-name*="Wieg"]');
      await wiegRow.waitFor({ timeout: WAIT_MS });
      const current = wiegRow.locator('td').last();
      expect(await current.innerText()).toMatch(/[1-9]\d* signalen afgewezen/);
      expect(await current.innerText()).toMatch(/waarvan [1-9]\d* automatisch gesignaleerd/);
      expect(await current.getAttribute('data-low')).toBe('false');
    }
  });

  it("HINQ's coordinator hands in a generated daily file on /signalen: the counts, the rejected lines in words and the raised alerts in the list; the same file again counts nothing", async () => {
    const account = `dagbestand.portaal.${Date.now()}`;
    // Three hours after the other test's window: its own hour, its own account.
    const start = windowStart + 3 * HOUR;
    const lines = ['vp-de-wieg', 'vp-het-nest', 'zh-zuiderhaven'].flatMap((org, o) =>
      [0, 1, 2, 3].map((i) => {
        const at = new Date(start + (o * 4 + i) * 60_000).toISOString();
        return `${at},${account},kz-zonnedauw,${org},PSN-D${o}${i},open`;
      }),
    );
    lines.splice(3, 0, `02-03-2026 10:00,${account},kz-zonnedauw,vp-de-wieg,PSN-X1,open`);
    lines.splice(7, 0, `${new Date(start).toISOString()},${account},kz-zonnedauw,ziekenhuis-elders,PSN-X2,open`);
    const dir = await mkdtemp(join(tmpdir(), 'dagbestand-'));
    try {
      const path = join(dir, 'kijklog-dag.csv');
      await writeFile(path, `\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`);

      const page = await loggedIn('hinq-coordinator');
      await page.getByTestId('nav-alerts').click();
      await page.waitForURL((url) => url.pathname === '/signalen', { timeout: WAIT_MS });
      const section = page.getByTestId('daily-file');
      await section.waitFor({ timeout: WAIT_MS });
      expect(await section.getByRole('heading', { level: 2 }).innerText()).toBe('Dagbestand van het kijklog aanbieden');

      // Without a file: said at the field, nothing sent.
      await page.getByTestId('daily-file-submit').click();
      expect(await page.getByTestId('daily-file-need').innerText()).toBe('Kies een bestand.');
      expect(await page.getByTestId('daily-file-input').getAttribute('aria-invalid')).toBe('true');
      await expectNoSeriousAccessibilityProblems(page, 'alerts page with the daily-file form and its field error');

      await page.getByLabel('Dagbestand (CSV)').setInputFiles(path);
      const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/viewer-log/daily'));
      await page.getByTestId('daily-file-submit').click();
      // Through the route's XHR backend, which reports upload progress.
      expect((await sent).resourceType()).toBe('xhr');
      const result = page.locator('[data-testid=daily-file-result][data-repeated=false]');
      await result.waitFor({ timeout: WAIT_MS });
      expect(await result.getByTestId('daily-file-events').innerText()).toBe('12');
      expect(await result.getByTestId('daily-file-rejected').innerText()).toBe('2');
      expect(await result.getByTestId('daily-file-alerts').innerText()).toBe('1');
      expect(await result.getByTestId('daily-file-reasons').locator('li').allInnerTexts()).toEqual([
        'ongeldig tijdstip: 1',
        'onbekende organisatie: 1',
      ]);
      expect(await page.getByTestId('daily-file-announcement').innerText()).toBe(
        '12 inzages beoordeeld, 2 regels afgekeurd, 1 signalen.',
      );

      // The list reloaded: the alert in each organisation whose records were opened.
      const raised = page.locator(`[data-testid=alert][data-account="${account}"]`);
      await raised.nth(2).waitFor({ timeout: WAIT_MS });
      expect(await raised.count()).toBe(3);
      expect(await raised.evaluateAll((els) => els.map((el) => el.getAttribute('data-rule')))).toEqual([
        'MANY_ORGANISATIONS',
        'MANY_ORGANISATIONS',
        'MANY_ORGANISATIONS',
      ]);
      expect(await raised.first().getByTestId('alert-accesses').innerText()).toBe('12');
      await expectNoSeriousAccessibilityProblems(page, "alerts page with a daily file's outcome");

      // The same file again: handed in before, nothing counted again, no alert added.
      await page.getByLabel('Dagbestand (CSV)').setInputFiles(path);
      await page.getByTestId('daily-file-submit').click();
      const repeated = page.locator('[data-testid=daily-file-result][data-repeated=true]');
      await repeated.waitFor({ timeout: WAIT_MS });
      expect(await repeated.getByTestId('daily-file-repeated').innerText()).toBe(
        'Dit bestand is al eerder aangeboden; er is niets opnieuw geteld.',
      );
      expect(await repeated.getByTestId('daily-file-events').innerText()).toBe('12');
      await page.getByTestId('alerts-refresh').click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid=alerts-refresh]')?.hasAttribute('disabled') === false,
        undefined,
        { timeout: WAIT_MS },
      );
      expect(await raised.count()).toBe(3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
