// The incident page (/meldingen/:id) in a real browser against the whole local stack (see support/stack.ts). An
// employee reports through the API; the privacy officer takes the incident through steps 2–7 in the browser and
// closes it, the stepper checked after each step; the FG records advice that every reader sees; two windows of the
// privacy officer edit the same step, the second save answers CONFLICT, keeps what was typed and saves again;
// another organisation's privacy officer finds nothing; the privacy officer answers the risk questions (the advice
// changes), corrects the discovery time with a reason (the AP deadline moves) past a privacy warning, adds an
// improvement action after closing and marks it done, and reads the incident's mails ("Berichten") as the
// stack's mail catcher received them; axe-core at several steps and on each of these parts. Screenshots go to
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

  /** An instant as the page shows it and as a `datetime-local` input takes it, in Europe/Amsterdam. */
  function amsterdam(instant: Date): { input: string; shown: string } {
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
        .formatToParts(instant)
        .map((p) => [p.type, p.value]),
    );
    return {
      input: `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`,
      shown: `${parts['day']}-${parts['month']}-${parts['year']} ${parts['hour']}:${parts['minute']}`,
    };
  }

  /**
   * The "Berichten" list as the API reads it from the outbox: refreshed until a mail about `event` has `status`
   * (delivery runs in the API's worker, to the stack's mail catcher, a moment after the change that queued it).
   */
  async function waitForMail(page: Page, event: string, status: string, hasText = ''): Promise<void> {
    const row = page
      .locator(`[data-testid=notification][data-event=${event}][data-status=${status}]`)
      .filter({ hasText });
    const until = Date.now() + 30_000;
    while ((await row.count()) === 0) {
      if (Date.now() > until) {
        const rows = await page.getByTestId('notification').allInnerTexts();
        throw new Error(`no ${event} mail with status ${status}; the list shows: ${JSON.stringify(rows)}`);
      }
      await page.waitForTimeout(1_000);
      await page.getByTestId('notifications-refresh').click();
    }
  }

  it('the privacy officer takes a reported breach through steps 2–7 and closes it', async () => {
    // The privacy officer has signed in before, as in real life: the API knows her address for the report's mail.
    await gql(await tokenFor('wieg-privacy'), `{ me { abilityRules } }`);
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
    await page.getByTestId('measure-new-description').fill('Ontvanger gevraagd de e-mail te verwijderen; bevestigd.');
    await page.getByTestId('measure-new-owner').fill('Privacyfunctionaris');
    await page.getByTestId('measure-add').click();
    await page.getByTestId('measure').first().waitFor({ timeout: WAIT_MS });
    await select(page, 'measure-status-select', 'gedaan');
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
    // Following the advice again takes the question away (after the page has re-rendered: a busy machine is slow).
    await page.getByTestId('ap-departure-reason').waitFor({ state: 'detached', timeout: WAIT_MS });
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

    // Lessons learned go on after closing: an improvement action with owner and due date, then done.
    const due = amsterdam(new Date(Date.now() + 14 * 24 * 3600_000));
    await page.getByTestId('action-new-description').fill('Automatisch aanvullen uitzetten op alle werkplekken.');
    await page.getByTestId('action-new-owner').fill('Praktijkmanager');
    await page.getByTestId('action-new-due').fill(due.input);
    await page.getByTestId('action-add').click();
    const action = page.getByTestId('action').filter({ hasText: 'Automatisch aanvullen uitzetten' });
    await waitForText(action.getByTestId('action-status'), 'gepland');
    expect(await action.getByTestId('action-meta').innerText()).toContain(`Praktijkmanager · Termijn: ${due.shown}`);
    expect(await page.getByTestId('action-new-description').inputValue()).toBe('');
    await select(page, 'action-status-select', 'gedaan');
    await action.getByTestId('action-save').click();
    await waitForText(action.getByTestId('action-status'), 'gedaan');
    await action.getByTestId('action-done-at').waitFor({ timeout: WAIT_MS });
    expect(await page.getByTestId('incident-stage').innerText()).toBe('afgesloten');

    // The mails about this incident: the report went to the privacy officer (and the FG or the organisation's
    // contact), each shown with the role and a masked address; delivered by the API's worker to the mail catcher.
    await waitForMail(page, 'BREACH_REPORTED', 'SENT', 'privacyfunctionaris (');
    const sent = page
      .locator('[data-testid=notification][data-event=BREACH_REPORTED][data-status=SENT]')
      .filter({ hasText: 'privacyfunctionaris (' })
      .first();
    expect(await sent.getByTestId('notification-event').innerText()).toBe('datalek gemeld');
    expect(await sent.getByTestId('notification-status').innerText()).toBe('verzonden');
    expect(await sent.getByTestId('notification-to').innerText()).toMatch(/^privacyfunctionaris \(\S+\*\*\*@\S+\)$/);
    expect(await sent.innerText()).toMatch(/verzonden \d\d-\d\d-\d{4} \d\d:\d\d/);
    // Whoever could not be reached (nobody with that role signed in yet) is shown as such, undeliverable, with why.
    for (const row of await page.locator('[data-testid=notification][data-event=BREACH_REPORTED]').all()) {
      const to = await row.getByTestId('notification-to').innerText();
      if (to.endsWith('(niemand bereikbaar)')) {
        expect(await row.getByTestId('notification-status').innerText()).toBe('onbestelbaar');
        expect(await row.getByTestId('notification-failure').innerText()).not.toBe('');
      } else {
        expect(to).toMatch(/^[^()]+ \([^()\s]*\*\*\*@[^()\s]+\)$/);
      }
    }

    // The history: who did what, old → new.
    await waitForText(page.getByTestId('history'), 'afgesloten');
    const history = await page.getByTestId('history-what').allInnerTexts();
    expect(history).toEqual(
      expect.arrayContaining(['gemeld', 'beoordeeld', 'overzicht afgerond', 'besluit melding AP', 'afgesloten']),
    );
    expect(await page.getByTestId('history').innerText()).toContain('Fase: gemeld → overzicht maken');
    await waitForText(page.getByTestId('history'), 'verbeteractie bijgewerkt');
    await expectNoSeriousAccessibilityProblems(page, 'incident page, closed, with improvement actions and mails');

    // The README's picture: the closed incident with the advice and the decision of step 5.
    await page.getByTestId('step-AP_NOTIFICATION').click();
    await page.getByTestId('risk-advice').waitFor({ timeout: WAIT_MS });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'incident.png'), fullPage: true });
  });

  it('the privacy officer answers the risk questions and corrects the discovery time past a privacy warning', async () => {
    const incident = await report('Een overdracht is gewijzigd en per e-mail naar een verkeerde ontvanger gestuurd.');
    const officer = await tokenFor('wieg-privacy');
    let version = incident.version;
    const step = async (mutation: string, variables: Record<string, unknown> = {}) => {
      const data = await gql<Record<string, { version: number }>>(officer, mutation, {
        id: incident.id,
        v: version,
        ...variables,
      });
      version = Object.values(data)[0]!.version;
    };
    await step(
      `mutation A($id: ID!, $v: Int!) { assessIncident(id: $id, expectedVersion: $v, input: { conclusion: BREACH, reasoning: "Gezondheidsgegevens gewijzigd en verstuurd." }) { version } }`,
    );
    await step(
      `mutation C($id: ID!, $v: Int!) { updateIncidentChecklist(id: $id, expectedVersion: $v, input: { kinds: [CONFIDENTIALITY, INTEGRITY], cause: { category: MISDIRECTED_EMAIL }, dataCategories: [HEALTH], groups: [CLIENTS], persons: { kind: EXACT, value: 1 } }) { version } }`,
    );
    await step(`mutation O($id: ID!, $v: Int!) { completeIncidentOverview(id: $id, expectedVersion: $v) { version } }`);

    const page = await openIncident('wieg-privacy', incident.id);
    await waitForText(page.getByTestId('incident-reference'), incident.reference);

    // Step 5: the questions above the advice; only the integrity question of the two kinds that may not apply.
    await page.getByTestId('step-AP_NOTIFICATION').click();
    await page.getByTestId('risk-answers-form').waitFor({ timeout: WAIT_MS });
    expect(await page.getByTestId('risk-integrityLoss').count()).toBe(1);
    expect(await page.getByTestId('risk-availabilityLoss').count()).toBe(0);
    const scoreBefore = await page.getByTestId('advice-score').innerText();
    const reasonsBefore = await page.getByTestId('advice-reasons').innerText();
    await expectNoSeriousAccessibilityProblems(page, 'incident page, step 5 with the risk questions');
    await choose(page, 'risk-easeOfIdentification', 'verwaarloosbaar: vrijwel niet te herleiden');
    await choose(page, 'risk-integrityLoss', 'gewijzigd, maar niet gebruikt');
    await page.getByTestId('risk-answers-save').click();
    await waitForText(page.getByTestId('incident-announcement'), 'het advies is opnieuw berekend');
    // The advice the API recomputed from the answers, without reloading the page.
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid=advice-score]')?.textContent?.trim() !== before,
      scoreBefore.trim(),
      { timeout: WAIT_MS },
    );
    expect(await page.getByTestId('advice-reasons').innerText()).not.toBe(reasonsBefore);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.getByTestId('step-panel').screenshot({ path: join(SCREENSHOTS, 'incident-risk-answers.png') });
    const { incident: answered } = await gql<{
      incident: { riskAnswers: Record<string, string>; riskAdvice: { score: number } };
    }>(
      officer,
      `query R($id: ID!) { incident(id: $id) { version riskAnswers { easeOfIdentification integrityLoss availabilityLoss } riskAdvice { score } } }`,
      {
        id: incident.id,
      },
    );
    expect(answered.riskAnswers).toEqual({
      easeOfIdentification: 'NEGLIGIBLE',
      integrityLoss: 'ALTERED_NOT_USED',
      availabilityLoss: 'UNKNOWN',
    });
    expect(await page.getByTestId('advice-score').innerText()).toContain(
      answered.riskAdvice.score.toLocaleString('nl-NL', { maximumFractionDigits: 2 }),
    );

    // Step 1: an earlier discovery; the reason is asked, then a privacy warning, then the deadline moves.
    await page.getByTestId('step-IDENTIFICATION').click();
    await page.getByTestId('report-correct-open').click();
    await page.getByTestId('report-correct-form').waitFor({ timeout: WAIT_MS });
    const deadlineBefore = await page.getByTestId('ap-deadline').innerText();
    const discovered = new Date(Math.floor((Date.now() - 3 * 3600_000) / 60_000) * 60_000);
    await page.getByTestId('correct-discovered-at').fill(amsterdam(discovered).input);
    await page.getByTestId('correct-reason').waitFor({ timeout: WAIT_MS }); // moving the clock needs a reason
    await expectNoSeriousAccessibilityProblems(page, 'incident page, step 1 correcting the report');
    await page.getByTestId('correct-save').click();
    await waitForText(page.getByTestId('report-correct-form').locator('mat-error'), 'Geef een reden');

    await page.getByTestId('correct-reason').fill('Het logboek van de mailserver toont een eerder tijdstip.');
    await page.getByTestId('correct-how').fill('Gemeld door de ontvanger, j.jansen@example.org.');
    await page.getByTestId('correct-save').click();
    await page.getByTestId('privacy-warning').waitFor({ timeout: WAIT_MS });
    expect(await page.getByTestId('privacy-warning').innerText()).toMatch(/e-mail/i);
    expect(await page.getByTestId('privacy-warning').innerText()).not.toContain('j.jansen@example.org');
    expect(await page.getByTestId('ap-deadline').innerText()).toBe(deadlineBefore); // nothing saved yet
    await expectNoSeriousAccessibilityProblems(page, 'incident page, privacy warning');
    await page.getByTestId('step-panel').screenshot({ path: join(SCREENSHOTS, 'incident-correct-report.png') });
    await page.getByTestId('privacy-confirm').click();
    await page.getByTestId('correct-save').click();

    const deadline = amsterdam(new Date(discovered.getTime() + 72 * 3600_000)).shown;
    await waitForText(page.getByTestId('report-new-deadline'), deadline);
    expect(await page.getByTestId('ap-deadline').innerText()).toBe(deadline);
    expect(await page.getByTestId('report-discovered-at').innerText()).toBe(amsterdam(discovered).shown);
    expect(await page.getByTestId('report-how').innerText()).toBe('Gemeld door de ontvanger, j.jansen@example.org.');
    expect(await page.getByTestId('report-correct-form').count()).toBe(0);
    await waitForText(page.getByTestId('incident-announcement'), deadline);

    // The history names the fields in words, with the reason.
    // The report's own event names the discovery too; the correction is the newest.
    const corrected = page.locator('[data-testid=history-change][data-field="report.discoveredAt"]').last();
    await waitForText(corrected, `→ ${amsterdam(discovered).shown}`);
    expect(await corrected.innerText()).toMatch(/^Ontdekt op: \d\d-\d\d-\d{4} \d\d:\d\d → /);
    expect(await page.getByTestId('history').innerText()).toContain(
      'Reden: Het logboek van de mailserver toont een eerder tijdstip.',
    );
    expect(
      await page.locator('[data-testid=history-change][data-field="riskAnswers.easeOfIdentification"]').innerText(),
    ).toBe('Herleidbaarheid tot personen: onbekend → verwaarloosbaar: vrijwel niet te herleiden');
    expect(await page.locator('[data-testid=history-change][data-field="checklist.cause.category"]').innerText()).toBe(
      'Oorzaak (categorie): onbekend → e-mail aan verkeerde ontvanger',
    );
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
