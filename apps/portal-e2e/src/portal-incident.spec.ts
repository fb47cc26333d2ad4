// The incident page (/meldingen/:id) in a real browser against the whole local stack (see support/stack.ts). An
// employee reports through the API; the privacy officer takes the incident through steps 2–7 in the browser and
// closes it, the stepper checked after each step; the FG records advice that every reader sees; two windows of the
// privacy officer edit the same step, the second save answers CONFLICT, keeps what was typed and saves again;
// another organisation's privacy officer finds nothing; axe-core at several steps. Screenshots go to
// test-results/screenshots/ (git-ignored); `UPDATE_SCREENSHOTS=1` writes them to docs/screenshots/ instead.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loginWithPassword } from '../../../tools/dev-idp/login-flow';
import { expectNoSeriousAccessibilityProblems } from './support/accessibility';
import { describeInBrowser } from './support/browser-suite';
import { loginThroughProvider, waitForText } from './support/portal';
import { ROOT } from './support/stack';

// Where Jest reads it also under the root configuration (a project's testTimeout is ignored there).
jest.setTimeout(120_000);

const WAIT_MS = 20_000;
const SCREENSHOTS = join(
  ROOT,
  process.env['UPDATE_SCREENSHOTS'] === '1' ? 'docs/screenshots' : 'test-results/screenshots',
);

type StepName =
  | 'IDENTIFICATION'
  | 'ASSESSMENT'
  | 'OVERVIEW'
  | 'CONTAINMENT'
  | 'AP_NOTIFICATION'
  | 'DATA_SUBJECT_NOTIFICATION'
  | 'REGISTER';
type Status = 'DONE' | 'OPEN' | 'WAITING' | 'NOT_APPLICABLE';

/** The names the page gives the workflow's values (shared/labels/incident-labels.ts). */
const SUBJECT_OUTCOME_LABEL = {
  INFORM: 'betrokkenen informeren',
  NOT_INFORM: 'betrokkenen niet informeren',
  PUBLIC_COMMUNICATION: 'openbare mededeling',
} as const;
const EXEMPTION_LABEL = {
  UNINTELLIGIBLE: 'gegevens onbegrijpelijk (versleuteld)',
  LATER_MEASURES: 'latere maatregelen nemen het hoge risico weg',
  DISPROPORTIONATE_EFFORT: 'onevenredige inspanning',
} as const;

describeInBrowser('incident page in the browser', (suite) => {
  interface GqlAnswer<T> {
    data?: T | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  }

  /** A GraphQL request straight to the API with a demo user's real token (from the identity provider). */
  async function gql<T = Record<string, unknown>>(
    token: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const response = await fetch(`${suite.stack.api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json()) as GqlAnswer<T>;
    if (answer.errors?.length || !answer.data) {
      throw new Error(`GraphQL failed: ${JSON.stringify(answer.errors)}`);
    }
    return answer.data;
  }

  const tokens = new Map<string, Promise<string>>();
  function tokenFor(username: string): Promise<string> {
    let token = tokens.get(username);
    if (!token) {
      token = loginWithPassword({
        issuer: suite.stack.issuer,
        clientId: 'babyconnect-portal',
        redirectUri: new URL('/', suite.stack.portal).href,
        username,
        password: 'demo',
      }).then((t) => t.accessToken);
      tokens.set(username, token);
    }
    return token;
  }

  /** An employee reports a breach through the API, as the report page would. */
  async function report(
    whatHappened: string,
    exercise = false,
  ): Promise<{ id: string; reference: string; version: number }> {
    const data = await gql<{ reportBreach: { id: string; reference: string; version: number } }>(
      await tokenFor('wieg-medewerker'),
      `mutation Report($input: ReportBreachInput!) { reportBreach(input: $input) { id reference version } }`,
      {
        input: {
          whatHappened,
          stillOngoing: 'NO',
          otherOrganisationsInvolved: 'NO',
          howDiscovered: 'Een collega zag het.',
          exercise,
        },
      },
    );
    return data.reportBreach;
  }

  async function openIncident(username: string, id: string): Promise<Page> {
    const page = await (await suite.newContext()).newPage();
    await loginThroughProvider(page, suite.stack.portal, suite.stack.issuer, username);
    await page.goto(new URL(`/meldingen/${id}`, suite.stack.portal).href);
    return page;
  }

  async function expectSteps(page: Page, expected: Partial<Record<StepName, Status>>): Promise<void> {
    for (const [step, status] of Object.entries(expected)) {
      await page.locator(`[data-testid=step-${step}][data-status=${status}]`).waitFor({ timeout: WAIT_MS });
    }
  }

  async function expectShownStep(page: Page, step: StepName): Promise<void> {
    await page.locator(`[data-testid=step-panel][data-step=${step}]`).waitFor({ timeout: WAIT_MS });
    expect(await page.getByTestId(`step-${step}`).getAttribute('aria-current')).toBe('step');
  }

  /** Clicks a radio button or checkbox by its label inside the group with this test id. */
  async function choose(page: Page, group: string, label: string): Promise<void> {
    await page.getByTestId(group).getByText(label, { exact: true }).click();
  }

  async function select(page: Page, testId: string, option: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  it('the privacy officer takes a reported breach through steps 2–7 and closes it', async () => {
    const incident = await report('Een e-mail met een verloskundig verslag ging naar een verkeerde ontvanger.', true);
    const page = await openIncident('wieg-privacy', incident.id);

    // Header: reference, exercise, stage, the AP clock counting down from 72 hours.
    await waitForText(page.getByTestId('incident-reference'), incident.reference);
    expect(await page.getByTestId('exercise-badge').innerText()).toBe('OEFENING');
    expect(await page.getByTestId('incident-stage').innerText()).toBe('gemeld');
    expect(await page.getByTestId('ap-clock-state').innerText()).toBe('loopt');
    const first = await page.getByTestId('ap-countdown').innerText();
    expect(first).toMatch(/^nog 7[01] u \d\d min \d\d s$/);
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid=ap-countdown]')?.textContent?.trim() !== before,
      first,
      {
        timeout: 5_000,
      },
    );
    await expectSteps(page, {
      IDENTIFICATION: 'DONE',
      ASSESSMENT: 'OPEN',
      OVERVIEW: 'WAITING',
      CONTAINMENT: 'WAITING',
      AP_NOTIFICATION: 'WAITING',
      DATA_SUBJECT_NOTIFICATION: 'WAITING',
      REGISTER: 'WAITING',
    });
    await expectShownStep(page, 'ASSESSMENT');
    await expectNoSeriousAccessibilityProblems(page, 'incident page, step 2');

    // Step 1 can be opened at any time (read only).
    await page.getByTestId('step-IDENTIFICATION').click();
    await waitForText(page.getByTestId('report-what'), 'verkeerde ontvanger');
    await page.getByTestId('step-ASSESSMENT').click();

    // Step 2: a breach, with the reasoning.
    await choose(page, 'assessment-conclusion', 'datalek');
    await page
      .getByTestId('assessment-reasoning')
      .fill('Gezondheidsgegevens van een cliënt zijn bij een onbevoegde beland.');
    await page.getByTestId('assessment-save').click();
    await expectSteps(page, { ASSESSMENT: 'DONE', OVERVIEW: 'OPEN' });
    await expectShownStep(page, 'OVERVIEW');
    await waitForText(page.getByTestId('incident-announcement'), 'Beoordeling opgeslagen.');
    expect(await page.getByTestId('incident-stage').innerText()).toBe('overzicht maken');

    // Step 3: the checklist as structured answers; the rest stays unknown (when in doubt, notify).
    await choose(page, 'checklist-kinds', 'vertrouwelijkheid (ingezien of verstrekt)');
    await select(page, 'checklist-cause', 'e-mail aan verkeerde ontvanger');
    await page.getByTestId('checklist-cause-description').fill('Adres automatisch aangevuld door het e-mailprogramma.');
    await choose(page, 'checklist-still-ongoing', 'nee');
    await choose(page, 'checklist-data-categories', 'gezondheids- of medische gegevens');
    await choose(page, 'checklist-persons-kind', 'precies');
    await page.getByTestId('checklist-persons-value').fill('1');
    await choose(page, 'checklist-groups', 'cliënten');
    await choose(page, 'checklist-groups', 'pasgeborenen');
    await expectNoSeriousAccessibilityProblems(page, 'incident page, step 3 (checklist)');
    await page.getByTestId('checklist-complete').click();
    await expectSteps(page, {
      OVERVIEW: 'DONE',
      CONTAINMENT: 'OPEN',
      AP_NOTIFICATION: 'OPEN',
      DATA_SUBJECT_NOTIFICATION: 'WAITING',
      REGISTER: 'WAITING',
    });
    await expectShownStep(page, 'CONTAINMENT');

    // Step 4: a measure, done; then the step closes.
    await page.getByTestId('measure-description').fill('Ontvanger gevraagd de e-mail te verwijderen; bevestigd.');
    await page.getByTestId('measure-new-owner').fill('Privacyfunctionaris');
    await page.getByTestId('measure-add').click();
    await page.getByTestId('measure').first().waitFor({ timeout: WAIT_MS });
    await select(page, 'measure-status', 'gedaan');
    await page.getByTestId('measure-save').click();
    await waitForText(page.getByTestId('measure'), 'gedaan');
    await page.getByTestId('containment-complete').click();
    await expectSteps(page, { CONTAINMENT: 'DONE', AP_NOTIFICATION: 'OPEN' });
    await expectShownStep(page, 'AP_NOTIFICATION');

    // Step 5: the advice with its reasons; the decision follows it, so no reason for a departure is asked.
    const { incident: advised } = await gql<{
      incident: {
        riskAdvice: {
          notifyAp: boolean;
          dataSubjects: keyof typeof SUBJECT_OUTCOME_LABEL;
          exemption: keyof typeof EXEMPTION_LABEL | null;
        };
      };
    }>(
      await tokenFor('wieg-privacy'),
      `query Advice($id: ID!) { incident(id: $id) { riskAdvice { notifyAp dataSubjects exemption } } }`,
      {
        id: incident.id,
      },
    );
    expect(advised.riskAdvice.notifyAp).toBe(true); // health data of a client and her newborn, recipients unknown
    await page.getByTestId('risk-advice').waitFor({ timeout: WAIT_MS });
    expect(await page.getByTestId('advice-reasons').locator('li').count()).toBeGreaterThan(1);
    await waitForText(page.getByTestId('advice-reasons'), 'gezondheids');
    expect(await page.getByTestId('advice-missing').innerText()).not.toBe('');
    await expectNoSeriousAccessibilityProblems(page, 'incident page, step 5 (risk advice)');
    await choose(page, 'ap-notify', 'nee, niet melden');
    await page.getByTestId('ap-departure-reason').waitFor({ timeout: WAIT_MS }); // departing asks for a reason
    await choose(page, 'ap-notify', 'ja, melden');
    expect(await page.getByTestId('ap-departure-reason').count()).toBe(0);
    await page
      .getByTestId('ap-reasoning')
      .fill('Gezondheidsgegevens bij een onbekende ontvanger: melden, zoals geadviseerd.');
    await page.getByTestId('ap-decide').click();
    await waitForText(page.getByTestId('ap-decision-notify'), 'ja, melden');
    await expectSteps(page, { AP_NOTIFICATION: 'OPEN', DATA_SUBJECT_NOTIFICATION: 'OPEN' });
    await page.getByTestId('ap-reference-input').fill('AP-2026-0001234');
    await page.getByTestId('ap-record').click();
    await expectSteps(page, { AP_NOTIFICATION: 'DONE', DATA_SUBJECT_NOTIFICATION: 'OPEN' });
    await waitForText(page.getByTestId('ap-clock-state'), 'op tijd gemeld');
    expect(await page.getByTestId('ap-countdown').count()).toBe(0);
    await expectShownStep(page, 'DATA_SUBJECT_NOTIFICATION');

    // Step 6: the data subjects, as advised; then when they were informed.
    await choose(page, 'subjects-outcome', SUBJECT_OUTCOME_LABEL[advised.riskAdvice.dataSubjects]);
    if (advised.riskAdvice.dataSubjects !== 'INFORM' && advised.riskAdvice.exemption) {
      await select(page, 'subjects-exemption', EXEMPTION_LABEL[advised.riskAdvice.exemption]);
    }
    expect(await page.getByTestId('subjects-departure-reason').count()).toBe(0);
    await page.getByTestId('subjects-reasoning').fill('Zoals geadviseerd.');
    await page.getByTestId('subjects-decide').click();
    if (advised.riskAdvice.dataSubjects !== 'NOT_INFORM') {
      await page.getByTestId('subjects-informed-save').click();
    }
    await expectSteps(page, { DATA_SUBJECT_NOTIFICATION: 'DONE', REGISTER: 'OPEN' });
    await expectShownStep(page, 'REGISTER');

    // Step 7: register and close.
    await page.getByTestId('close-consequences').fill('Eén cliënt; de ontvanger heeft de e-mail verwijderd.');
    await page.getByTestId('close-recurrence').fill('Automatisch aanvullen van adressen uitgezet.');
    await page.getByTestId('close-submit').click();
    await expectSteps(page, {
      IDENTIFICATION: 'DONE',
      ASSESSMENT: 'DONE',
      OVERVIEW: 'DONE',
      CONTAINMENT: 'DONE',
      AP_NOTIFICATION: 'DONE',
      DATA_SUBJECT_NOTIFICATION: 'DONE',
      REGISTER: 'DONE',
    });
    await waitForText(page.getByTestId('closure-outcome'), 'geregistreerd als datalek');
    expect(await page.getByTestId('incident-stage').innerText()).toBe('afgesloten');
    await page.getByTestId('reopen-form').waitFor({ timeout: WAIT_MS }); // re-opening is offered, with a reason

    // The history: who did what, old → new.
    await waitForText(page.getByTestId('history'), 'afgesloten');
    const history = await page.getByTestId('history-what').allInnerTexts();
    expect(history).toEqual(
      expect.arrayContaining(['gemeld', 'beoordeeld', 'overzicht afgerond', 'besluit melding AP', 'afgesloten']),
    );
    expect(await page.getByTestId('history').innerText()).toContain('gemeld → overzicht maken');
    await expectNoSeriousAccessibilityProblems(page, 'incident page, closed');

    // The README's picture: the closed incident with the advice and the decision of step 5.
    await page.getByTestId('step-AP_NOTIFICATION').click();
    await page.getByTestId('risk-advice').waitFor({ timeout: WAIT_MS });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'incident.png'), fullPage: true });
  });

  it('the FG records advice, which every reader of the incident sees', async () => {
    const incident = await report('Een map met overdrachten lag open in de wachtkamer.');
    const fg = await openIncident('wieg-fg', incident.id);
    await waitForText(fg.getByTestId('incident-reference'), incident.reference);
    await fg.getByTestId('dpo-none').waitFor({ timeout: WAIT_MS });
    // The FG advises but does not decide: no step form.
    expect(await fg.getByTestId('assessment-form').count()).toBe(0);
    await fg.getByTestId('dpo-text').fill('Beoordeel of de map ingezien kan zijn; bij twijfel melden.');
    await fg.getByTestId('dpo-save').click();
    await waitForText(fg.getByTestId('dpo-advice-item'), 'bij twijfel melden');
    expect(await fg.getByTestId('dpo-text').inputValue()).toBe('');
    await expectNoSeriousAccessibilityProblems(fg, 'incident page as the FG');

    const officer = await openIncident('wieg-privacy', incident.id);
    await waitForText(officer.getByTestId('dpo-advice-item'), 'bij twijfel melden');
    expect(await officer.getByTestId('dpo-form').count()).toBe(0); // only the FG adds advice
  });

  it('a second window that saves after someone else keeps what was typed, shows what changed and saves again', async () => {
    const incident = await report('Een laptop met verslagen is gestolen uit een auto.');
    const officer = await tokenFor('wieg-privacy');
    await gql(
      officer,
      `mutation Assess($id: ID!, $v: Int!) { assessIncident(id: $id, expectedVersion: $v, input: { conclusion: BREACH, reasoning: "Verslagen op een laptop." }) { version } }`,
      { id: incident.id, v: incident.version },
    );
    const [first, second] = await Promise.all([
      openIncident('wieg-privacy', incident.id),
      openIncident('wieg-privacy', incident.id),
    ]);
    for (const page of [first, second]) await expectShownStep(page, 'OVERVIEW');

    await first.getByTestId('checklist-cause-description').fill('Laptop lag zichtbaar op de achterbank.');
    await first.getByTestId('checklist-save').click();
    await waitForText(first.getByTestId('save-result'), 'Antwoorden van de checklist opgeslagen.');

    const typed = 'Laptop was niet versleuteld en lag in de kofferbak.';
    await second.getByTestId('checklist-cause-description').fill(typed);
    await second.getByTestId('checklist-save').click();
    await second.getByTestId('conflict').waitFor({ timeout: WAIT_MS });
    expect(await second.getByTestId('conflict-message').innerText()).toContain('gewijzigd');
    // What the other saved, beside what this person typed; the typed text is still in the field.
    await waitForText(second.getByTestId('conflict-stored'), 'Laptop lag zichtbaar op de achterbank.');
    expect(await second.getByTestId('conflict-mine').innerText()).toBe(typed);
    expect(await second.getByTestId('checklist-cause-description').inputValue()).toBe(typed);
    await expectNoSeriousAccessibilityProblems(second, 'incident page with a conflict');

    await second.getByTestId('checklist-save').click();
    await waitForText(second.getByTestId('save-result'), 'Antwoorden van de checklist opgeslagen.');
    expect(await second.getByTestId('conflict').count()).toBe(0);
    const { incident: stored } = await gql<{ incident: { checklist: { cause: { description: string } } } }>(
      officer,
      `query Stored($id: ID!) { incident(id: $id) { checklist { cause { description } } } }`,
      { id: incident.id },
    );
    expect(stored.checklist.cause.description).toBe(typed);
  });

  it("another organisation's privacy officer finds nothing at the incident's address", async () => {
    const incident = await report('Een fax ging naar het verkeerde nummer.');
    const page = await openIncident('nest-privacy', incident.id);
    await waitForText(page.getByTestId('incident-not-found'), 'niet gevonden');
    expect(await page.getByTestId('stepper').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain(incident.reference);
  });
});
