// "Datalek melden" and the "Datalekken" dashboard in a real browser against the whole local stack (support/stack.ts):
// an employee reports on a phone-sized screen in under a minute; the privacy guard warns inline and the report goes
// through only once confirmed; a draft survives a lost connection and a reload; the privacy officer sees the incident
// with a live countdown, and another organisation's privacy officer does not. Never builds and never downloads a
// browser (Debian's chromium). Screenshots go to test-results/screenshots/ (git-ignored); `UPDATE_SCREENSHOTS=1`
// writes them to docs/screenshots/, the README's pictures, instead.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loginWithPassword } from '../../../tools/dev-idp/login-flow';
import { expectNoSeriousAccessibilityProblems } from './support/accessibility';
import { describeInBrowser } from './support/browser-suite';
import { loginThroughProvider } from './support/portal';
import { ROOT } from './support/stack';

// Where Jest reads it also under the root configuration (a project's testTimeout is ignored there).
jest.setTimeout(120_000);

const WAIT_MS = 20_000;
const PHONE = { width: 360, height: 740 };
const SCREENSHOTS = join(
  ROOT,
  process.env['UPDATE_SCREENSHOTS'] === '1' ? 'docs/screenshots' : 'test-results/screenshots',
);
const REFERENCE = /^DL-\d{4}-\d{4}$/;

describeInBrowser('reporting a breach and the breach dashboard in the browser', (suite) => {
  function tokenFor(username: string): Promise<string> {
    return loginWithPassword({
      issuer: suite.stack.issuer,
      clientId: 'babyconnect-portal',
      redirectUri: new URL('/', suite.stack.portal).href,
      username,
      password: 'demo',
    }).then((tokens) => tokens.accessToken);
  }

  /** A report straight through the API, as the given person (for the tests that are about reading it). */
  async function reportThroughApi(
    username: string,
    input: Record<string, unknown>,
  ): Promise<{ id: string; reference: string }> {
    const response = await fetch(`${suite.stack.api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(username)}` },
      body: JSON.stringify({
        query: 'mutation($input: ReportBreachInput!) { reportBreach(input: $input) { id reference } }',
        variables: { input },
      }),
    });
    const body = (await response.json()) as {
      data?: { reportBreach: { id: string; reference: string } };
      errors?: unknown;
    };
    if (!body.data) throw new Error(`report refused: ${JSON.stringify(body.errors)}`);
    return body.data.reportBreach;
  }

  async function loggedIn(username: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await (await suite.newContext(viewport)).newPage();
    await loginThroughProvider(page, suite.stack.portal, suite.stack.issuer, username);
    return page;
  }

  async function openReportPage(page: Page): Promise<void> {
    await page.goto(new URL('/melden', suite.stack.portal).href);
    await page.getByRole('heading', { level: 1, name: 'Datalek melden' }).waitFor({ timeout: WAIT_MS });
    await page.getByTestId('report-form').waitFor({ timeout: WAIT_MS });
  }

  async function answer(page: Page, question: string, choice: string): Promise<void> {
    await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: choice, exact: true }).check();
  }

  async function fillRequired(page: Page, whatHappened: string): Promise<void> {
    await page.getByLabel('Wat is er gebeurd?').fill(whatHappened);
    await answer(page, 'Is het nog gaande?', 'nee');
    await answer(page, 'Kunnen er gegevens van andere organisaties bij betrokken zijn?', 'onbekend');
  }

  async function sendAndGetReference(page: Page): Promise<string> {
    await page.getByRole('button', { name: /versturen/ }).click();
    const reference = page.getByTestId('report-reference');
    await reference.waitFor({ timeout: WAIT_MS });
    return (await reference.innerText()).trim();
  }

  it('an employee reports a breach on a phone in under a minute and gets a reference and the AP deadline', async () => {
    const page = await loggedIn('wieg-medewerker', PHONE);
    // The menu offers it to every employee (once her rights are known).
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Datalek melden' })
      .waitFor({ timeout: WAIT_MS });

    const started = Date.now();
    await openReportPage(page);
    await expectNoSeriousAccessibilityProblems(page, 'report page (phone)');
    // Discovered "now" is filled in already; only what happened and two answers are needed.
    expect(await page.getByLabel('Ontdekt op (datum en tijd)').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await fillRequired(page, 'Ontslagbrief per ongeluk naar de verkeerde huisarts gemaild; huisarts belde terug.');
    await page.getByLabel('Hoe is het ontdekt?').fill('De huisarts belde op.');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'report-phone.png'), fullPage: true });
    const reference = await sendAndGetReference(page);
    const seconds = (Date.now() - started) / 1000;
    console.log(`report on a phone: page open to confirmation in ${seconds.toFixed(1)} s (reference ${reference})`);
    expect(seconds).toBeLessThan(60);

    expect(reference).toMatch(REFERENCE);
    const deadline = await page.getByTestId('report-deadline').innerText();
    expect(deadline).toMatch(/\d{2}:\d{2} CES?T$/); // Amsterdam time with its zone
    expect(await page.getByTestId('report-done').innerText()).toContain('Wat gebeurt er nu?');
    // An employee cannot read the incident itself: she is sent to her own reports.
    expect(await page.getByTestId('report-to-dashboard').count()).toBe(1);
    expect(await page.getByTestId('report-open-incident').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-done.png'), fullPage: true });

    // Her own reports: the status only.
    await page.getByTestId('report-to-dashboard').click();
    await page.getByRole('heading', { level: 1, name: 'Uw meldingen' }).waitFor({ timeout: WAIT_MS });
    const row = page.locator(`[data-testid=incident-row][data-reference="${reference}"]`);
    await row.waitFor({ timeout: WAIT_MS });
    expect(await row.innerText()).toContain('gemeld');
    expect(await row.getByTestId('countdown').count()).toBe(0);
  });

  it('answers the chain situation with the report (issue 17): C reaches HINQ at once; "nee" withdraws the question', async () => {
    const page = await loggedIn('wieg-medewerker', PHONE);
    await openReportPage(page);
    const question = page.getByRole('radiogroup', { name: 'Welke situatie is het? (optioneel)' });
    await page.getByLabel('Wat is er gebeurd?').fill('Een collega keek zonder reden in dossiers via de viewer.');
    await answer(page, 'Is het nog gaande?', 'nee');
    expect(await question.count()).toBe(0);
    await answer(page, 'Kunnen er gegevens van andere organisaties bij betrokken zijn?', 'ja');
    await question.waitFor({ timeout: WAIT_MS });
    await question.getByRole('radio', { name: /^C: mogelijk gegevens van andere organisaties/ }).check();
    await expectNoSeriousAccessibilityProblems(page, 'report page with the chain question (phone)');
    // "nee" takes the question away, and its answer is not sent; "ja" again brings the answer back.
    await answer(page, 'Kunnen er gegevens van andere organisaties bij betrokken zijn?', 'nee');
    await question.waitFor({ state: 'detached', timeout: WAIT_MS });
    await answer(page, 'Kunnen er gegevens van andere organisaties bij betrokken zijn?', 'ja');
    expect(await question.getByRole('radio', { name: /^C:/ }).isChecked()).toBe(true);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'report-chain-phone.png'), fullPage: true });

    const reference = await sendAndGetReference(page);
    expect(await page.getByTestId('report-done-chain').innerText()).toContain('HINQ is direct ingelicht (situatie C)');
    await expectNoSeriousAccessibilityProblems(page, 'report confirmation with the chain situation (phone)');

    // HINQ's coordinator sees the chain incident at once (the same transaction as the report).
    const response = await fetch(`${suite.stack.api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('hinq-coordinator')}` },
      body: JSON.stringify({ query: '{ chainIncidents { reference scenario } }' }),
    });
    const body = (await response.json()) as { data: { chainIncidents: { reference: string; scenario: string }[] } };
    expect(body.data.chainIncidents).toContainEqual({ reference, scenario: 'C' });
  });

  it('warns inline about an e-mail address without repeating it, and sends only after the confirmation', async () => {
    const page = await loggedIn('wieg-medewerker', PHONE);
    await openReportPage(page);
    await fillRequired(page, 'Bericht ging naar t.test@example.org in plaats van naar de kraamzorg.');
    const warning = page.locator('[data-testid=report-privacy-warning][data-kind=email-address]');
    await warning.waitFor({ timeout: WAIT_MS });
    const text = await warning.innerText();
    expect(text).toContain('Wat is er gebeurd?');
    expect(text).toContain('e-mailadres');
    expect(text).toContain('positie 19');
    expect(text).not.toContain('t.test@example.org');
    // The field says so to a screen reader too.
    expect(await page.getByLabel('Wat is er gebeurd?').getAttribute('aria-describedby')).toContain(
      'whatHappened-privacy',
    );

    // Not confirmed: nothing is sent, and the page says what to do.
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    await page.locator('#confirm-privacy-error').waitFor({ timeout: WAIT_MS });
    expect(await page.getByTestId('report-done').count()).toBe(0);

    await page.getByRole('checkbox', { name: 'Ik bevestig dat dit geen gegevens van een cliënt zijn' }).check();
    expect(await sendAndGetReference(page)).toMatch(REFERENCE);
  });

  it('keeps a draft through a lost connection and a reload, and sends it afterwards', async () => {
    const page = await loggedIn('wieg-medewerker');
    await openReportPage(page);
    const what = 'Laptop met planning uit de auto gestolen; versleuteld, wachtwoord niet erbij.';
    await fillRequired(page, what);
    await page.getByRole('checkbox', { name: 'Dit is een oefening' }).check();

    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    const failure = page.locator('[data-testid=report-failure] [data-kind=offline]');
    await failure.waitFor({ timeout: WAIT_MS });
    expect(await failure.innerText()).toContain('bewaard op dit apparaat');
    expect(await page.getByLabel('Wat is er gebeurd?').inputValue()).toBe(what); // nothing lost on the page

    await page.context().setOffline(false);
    await page.reload();
    await page.getByTestId('report-restored').waitFor({ timeout: WAIT_MS });
    expect(await page.getByTestId('report-restored').innerText()).toContain('Concept hersteld');
    expect(await page.getByLabel('Wat is er gebeurd?').inputValue()).toBe(what);
    expect(await page.getByRole('checkbox', { name: 'Dit is een oefening' }).isChecked()).toBe(true);
    expect(
      await page
        .getByRole('radiogroup', { name: 'Is het nog gaande?' })
        .getByRole('radio', { name: 'nee' })
        .isChecked(),
    ).toBe(true);

    expect(await sendAndGetReference(page)).toMatch(REFERENCE);
    expect(await page.getByTestId('report-done-exercise').innerText()).toBe('Oefening');
    // Sent: the draft is gone, the next visit starts empty.
    await page.reload();
    await page.getByTestId('report-form').waitFor({ timeout: WAIT_MS });
    expect(await page.getByTestId('report-restored').count()).toBe(0);
    expect(await page.getByLabel('Wat is er gebeurd?').inputValue()).toBe('');
  });

  it("the privacy officer sees the incident with a countdown and on top; another organisation's does not", async () => {
    // Discovered 61 hours ago: 11 hours left, so "due soon".
    const discoveredAt = new Date(Date.now() - 61 * 3_600_000).toISOString();
    const what = `Uitdraai met afspraken in de bus laten liggen (${Date.now()}).`;
    const incident = await reportThroughApi('wieg-medewerker', {
      whatHappened: what,
      discoveredAt,
      stillOngoing: 'UNKNOWN',
      otherOrganisationsInvolved: 'NO',
      exercise: true,
    });

    const page = await loggedIn('wieg-privacy');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Datalekken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Datalekken' }).waitFor({ timeout: WAIT_MS });
    const row = page.locator(`[data-testid=incident-row][data-reference="${incident.reference}"]`);
    await row.waitFor({ timeout: WAIT_MS });
    const countdown = (await row.getByTestId('countdown').innerText()).trim();
    expect(countdown).toMatch(/^nog 1[01] u \d{1,2} min$/);
    expect(await row.getByTestId('incident-clock').getAttribute('data-state')).toBe('DUE_SOON');
    expect(await row.getByTestId('exercise-badge').innerText()).toBe('Oefening');
    expect(await row.innerText()).toContain('Uitdraai met afspraken');
    expect(await row.getByRole('link', { name: incident.reference }).getAttribute('href')).toBe(
      `/meldingen/${incident.id}`,
    );
    // On top: due soon, and waiting for the privacy officer's assessment.
    const attention = page.locator(`[data-testid=attention-item][data-reference="${incident.reference}"]`);
    await attention.waitFor({ timeout: WAIT_MS });
    expect(await attention.innerText()).toContain('wacht op beoordeling');

    // A filter the API applies: exercises only keeps it, without exercises drops it.
    await page.getByTestId('filter-exercise').click();
    await page.getByRole('option', { name: 'Zonder oefeningen' }).click();
    await row.waitFor({ state: 'detached', timeout: WAIT_MS });
    await page.getByTestId('filter-clear').click();
    await row.waitFor({ timeout: WAIT_MS });

    await expectNoSeriousAccessibilityProblems(page, 'breach dashboard');
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true });

    const other = await loggedIn('nest-privacy');
    await other.goto(new URL('/meldingen', suite.stack.portal).href);
    await other.getByRole('heading', { level: 1, name: 'Datalekken' }).waitFor({ timeout: WAIT_MS });
    await other
      .locator('[data-testid=incident-row], [data-testid=dashboard-empty]')
      .first()
      .waitFor({ timeout: WAIT_MS });
    // (References are numbered per organisation: Het Nest may have its own with the same number, never this one.)
    expect(await other.locator(`a[href="/meldingen/${incident.id}"]`).count()).toBe(0);
    expect(await other.locator('main').innerText()).not.toContain(what);
  });
});
