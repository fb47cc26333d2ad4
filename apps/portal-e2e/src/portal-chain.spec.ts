// Chain incidents (issue 17) in a real browser against the whole local stack (see support/stack.ts). The privacy
// officer of De Wieg reports a breach (through the API) and declares scenario C on the incident page; HINQ's
// coordinator finds it in the chain list, chooses Ziekenhuis Zuiderhaven with reasoning and writes the partner
// notification; De Wieg's privacy officer approves it (in scenario C only the reporter approves); the coordinator
// sends it. Zuiderhaven's FG receives the mail in the stack's mail catcher, follows its link without a session, logs
// in, lands on the acknowledgement page and acknowledges; the coordinator's matrix then shows the acknowledgement.
// An organisation that was not informed (Zonnedauw) gets "niet gevonden" for the chain URL and the partner link.
// HINQ's figures show the low-reporting warning. axe-core on every page. Screenshots go to test-results/screenshots/
// (git-ignored); `UPDATE_SCREENSHOTS=1` writes them to docs/screenshots/ instead.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loginWithPassword } from '../../../tools/dev-idp/login-flow';
import { expectNoSeriousAccessibilityProblems } from './support/accessibility';
import { describeInBrowser } from './support/browser-suite';
import { loginThroughProvider, waitForText } from './support/portal';
import { ROOT } from './support/stack';

// Where Jest reads it also under the root configuration (a project's testTimeout is ignored there).
jest.setTimeout(180_000);

const WAIT_MS = 20_000;
const SCREENSHOTS = join(
  ROOT,
  process.env['UPDATE_SCREENSHOTS'] === '1' ? 'docs/screenshots' : 'test-results/screenshots',
);
/** The start of the partner's name in the directory (the demo realm gives it a department suffix). */
const PARTNER = 'Ziekenhuis Zuiderhaven';

describeInBrowser('chain incidents in the browser', (suite) => {
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

  async function loggedIn(username: string, path: string): Promise<Page> {
    const page = await (await suite.newContext()).newPage();
    await loginThroughProvider(page, suite.stack.portal, suite.stack.issuer, username);
    await page.goto(new URL(path, suite.stack.portal).href);
    return page;
  }

  interface CaughtMail {
    subject: string;
    text: string;
    to: { address: string }[];
  }

  /** Polls the mail catcher's API until a mail to `address` whose text matches `pattern` arrived. */
  async function waitForMail(address: string, pattern: RegExp): Promise<{ mail: CaughtMail; match: RegExpExecArray }> {
    const until = Date.now() + 60_000;
    for (;;) {
      const mails = (await (await fetch(`${suite.stack.mail!}/api/email`)).json()) as CaughtMail[];
      for (const mail of mails) {
        const match = pattern.exec(mail.text ?? '');
        if (match && mail.to.some((to) => to.address.toLowerCase() === address)) return { mail, match };
      }
      if (Date.now() > until) {
        const seen = mails.map((m) => `${m.to.map((t) => t.address).join(',')}: ${m.subject}`);
        throw new Error(`no mail to ${address} matching ${pattern}; the catcher has: ${JSON.stringify(seen)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  beforeAll(() => {
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  it('HINQ informs a partner, whose FG follows the mail link, logs in and acknowledges; others find nothing', async () => {
    // Recipients are recorded at sign-in (as in real life, each of them has used the portal before): Zuiderhaven's
    // FG must be mailable when the coordinator chooses the partner, HINQ's coordinator is mailed at declaration.
    for (const user of ['zuiderhaven-fg', 'hinq-coordinator', 'wieg-privacy']) {
      await gql(await tokenFor(user), `{ me { abilityRules } }`);
    }
    const { reportBreach: incident } = await gql<{ reportBreach: { id: string; reference: string } }>(
      await tokenFor('wieg-privacy'),
      `mutation Report($input: ReportBreachInput!) { reportBreach(input: $input) { id reference } }`,
      {
        input: {
          whatHappened: 'Via de viewer zijn mogelijk dossiers van een ziekenhuis ingezien door een onbevoegde.',
          stillOngoing: 'NO',
          otherOrganisationsInvolved: 'YES',
          howDiscovered: 'Opgemerkt in de logging van de viewer.',
          exercise: true,
        },
      },
    );

    // 1. De Wieg's privacy officer declares scenario C on the incident page.
    const reporter = await loggedIn('wieg-privacy', `/meldingen/${incident.id}`);
    await waitForText(reporter.getByTestId('incident-reference'), incident.reference);
    await reporter.getByTestId('chain-advice').waitFor({ timeout: WAIT_MS });
    await expectNoSeriousAccessibilityProblems(reporter, 'incident page with the chain panel');
    await reporter.getByTestId('chain-scenario-C').click();
    await reporter.getByTestId('chain-declare-save').click();
    const chainLink = reporter.getByTestId('chain-link');
    await chainLink.waitFor({ timeout: WAIT_MS });
    expect(await reporter.getByTestId('chain-declared').innerText()).toContain('situatie C');
    const chainId = (await chainLink.getAttribute('href'))?.split('/').pop() ?? '';
    expect(chainId).toMatch(/^[0-9a-f-]{36}$/);

    // 2. HINQ's coordinator finds it among the chain incidents (others may be there: demo data) and opens it.
    const hinq = await loggedIn('hinq-coordinator', '/keten');
    const row = hinq.locator(`[data-testid=chain-row][data-id="${chainId}"]`);
    await row.waitFor({ timeout: WAIT_MS });
    expect(await row.getByTestId('chain-row-scenario').innerText()).toMatch(/^C:/);
    expect(await row.getByTestId('chain-row-clock').innerText()).toMatch(/nog (2[0-3]|1\d) u \d+ min/);
    await hinq.getByTestId('nav-chain-figures').waitFor({ timeout: WAIT_MS });
    await expectNoSeriousAccessibilityProblems(hinq, 'chain list');
    await row.getByTestId('chain-row-link').click();
    await waitForText(hinq.getByTestId('chain-reference'), 'Ketenincident');
    expect(await hinq.getByTestId('chain-reporter').innerText()).toBe('Verloskundigenpraktijk De Wieg');

    // Chooses the partner with reasoning, and writes the partner notification.
    const option = hinq.locator(`[data-testid=partner-option][data-name^="${PARTNER}"]`);
    await option.getByRole('checkbox').check();
    await option.getByTestId('partner-reasoning').fill('Dossiers van het ziekenhuis waren via de viewer in te zien.');
    await hinq.getByTestId('partners-choose').click();
    const card = hinq.locator(`[data-testid=partner-card][data-name^="${PARTNER}"]`);
    await card.waitFor({ timeout: WAIT_MS });
    expect(await card.getAttribute('data-status')).toBe('CHOSEN');
    const matrixRow = hinq.locator(`[data-testid=matrix-row][data-name^="${PARTNER}"]`);
    await matrixRow.waitFor({ timeout: WAIT_MS });
    expect(await matrixRow.getByTestId('matrix-informed').innerText()).toBe('nog niet');

    await hinq.getByTestId('chain-content-nature').fill('Onbevoegde inzage via de viewer van HINQ.');
    await hinq
      .getByTestId('chain-content-impact')
      .fill('Mogelijk zijn verloskundige dossiers van uw cliënten ingezien.');
    await hinq
      .getByTestId('chain-content-measures')
      .fill('Account geblokkeerd; logging van de viewer wordt nagelopen.');
    await hinq.getByTestId('chain-content-records').fill('12');
    await hinq.getByTestId('chain-content-save').click();
    await hinq.getByTestId('chain-content-shown').waitFor({ timeout: WAIT_MS });
    // In scenario C the reporter approves, not HINQ.
    await card.getByTestId('partner-awaits-approval').waitFor({ timeout: WAIT_MS });
    expect(await card.getByTestId('partner-approve').count()).toBe(0);
    await expectNoSeriousAccessibilityProblems(hinq, 'chain incident (coordinator)');

    // 3. The reporter's privacy officer approves on the same chain page.
    await reporter.getByTestId('chain-link').click();
    const reporterCard = reporter.locator(`[data-testid=partner-card][data-name^="${PARTNER}"]`);
    await reporterCard.getByTestId('partner-approve').click();
    await reporter.locator(`[data-testid=partner-card][data-name^="${PARTNER}"][data-status=APPROVED]`).waitFor({
      timeout: WAIT_MS,
    });
    await expectNoSeriousAccessibilityProblems(reporter, 'chain incident (reporter)');

    // 4. The coordinator sends it (within the 24 hours: no delay reasons asked).
    await hinq.reload();
    await card.locator('[data-testid=partner-send]').waitFor({ timeout: WAIT_MS });
    expect(await card.getByTestId('partner-delay-reasons').count()).toBe(0);
    await card.getByTestId('partner-send').click();
    await hinq.locator(`[data-testid=partner-card][data-name^="${PARTNER}"][data-status=SENT]`).waitFor({
      timeout: WAIT_MS,
    });
    await waitForText(hinq.getByTestId('chain-announcement'), `is geïnformeerd.`);
    expect(await hinq.getByTestId('chain-announcement').innerText()).toContain(PARTNER);

    // 5. Zuiderhaven's FG gets the mail with the link (never the breach's content) and follows it, not logged in.
    const { mail, match } = await waitForMail(
      'zuiderhaven-fg@example.org',
      /(https?:\/\/\S+\/keten\/partnermeldingen\/([0-9a-f-]{36}))/,
    );
    expect(mail.text).not.toContain('Onbevoegde inzage via de viewer');
    const [, link = '', notificationId = ''] = match;
    expect(new URL(link).origin).toBe(new URL(suite.stack.portal).origin);
    const partner = await (await suite.newContext()).newPage();
    await partner.goto(link);
    await partner.locator('#username').waitFor({ state: 'visible', timeout: WAIT_MS });
    await partner.locator('#username').fill('zuiderhaven-fg');
    await partner.locator('#password').fill('demo');
    await Promise.all([
      partner.waitForURL((url) => url.pathname === `/keten/partnermeldingen/${notificationId}`, { timeout: WAIT_MS }),
      partner.locator('#kc-login').click(),
    ]);
    const notification = partner.getByTestId('ack-notification');
    await notification.waitFor({ timeout: WAIT_MS });
    expect(await partner.getByTestId('ack-partner').innerText()).toContain(PARTNER);
    expect(await partner.getByTestId('ack-nature').innerText()).toBe('Onbevoegde inzage via de viewer van HINQ.');
    expect(await partner.getByTestId('ack-awareness-rule').innerText()).toMatch(/\S/);
    await expectNoSeriousAccessibilityProblems(partner, 'partner acknowledgement page');
    await partner.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
    await waitForText(partner.getByTestId('ack-done'), 'Ontvangst bevestigd op');
    expect(await partner.getByTestId('ack-status').innerText()).toBe('ontvangst bevestigd');
    const linked = partner.getByTestId('ack-linked');
    expect(await linked.getAttribute('href')).toMatch(/^\/meldingen\/[0-9a-f-]{36}$/);
    await partner.screenshot({ path: join(SCREENSHOTS, 'chain-acknowledge.png'), fullPage: true });
    await expectNoSeriousAccessibilityProblems(partner, 'partner acknowledgement page, acknowledged');
    // Its own breach, in its own organisation.
    await linked.click();
    await partner.getByTestId('incident-reference').waitFor({ timeout: WAIT_MS });

    // The partner on the chain page: only its own notification and the timeline, no matrix.
    await partner.goto(new URL(`/keten/${chainId}`, suite.stack.portal).href);
    await partner.getByTestId('own-notification').waitFor({ timeout: WAIT_MS });
    expect(await partner.getByTestId('chain-matrix').count()).toBe(0);
    await partner.getByTestId('timeline-input').fill('Ontvangen; wij beoordelen onze eigen melding aan de AP.');
    await partner.getByTestId('timeline-post').click();
    await waitForText(partner.getByTestId('timeline-text'), 'wij beoordelen onze eigen melding');
    await expectNoSeriousAccessibilityProblems(partner, 'chain incident (informed partner)');

    // 6. The coordinator's matrix shows the acknowledgement (and the partner's timeline message).
    await hinq.reload();
    const acknowledged = hinq.locator(`[data-testid=matrix-row][data-name^="${PARTNER}"][data-status=ACKNOWLEDGED]`);
    await acknowledged.waitFor({ timeout: WAIT_MS });
    expect(await acknowledged.getByTestId('matrix-acknowledged').innerText()).toMatch(/^\d\d-\d\d-\d{4} \d\d:\d\d$/);
    expect(await acknowledged.getByTestId('matrix-awareness').innerText()).toContain('bevestiging van ontvangst');
    await waitForText(hinq.getByTestId('timeline-text'), 'wij beoordelen onze eigen melding');
    await hinq.screenshot({ path: join(SCREENSHOTS, 'chain-coordination.png'), fullPage: true });
    await expectNoSeriousAccessibilityProblems(hinq, 'chain incident with an acknowledged partner');

    // 7. An organisation that was not informed cannot learn that the chain incident exists.
    const outsider = await loggedIn('zonnedauw-privacy', `/keten/${chainId}`);
    await waitForText(outsider.getByTestId('chain-not-found'), 'niet gevonden');
    await expectNoSeriousAccessibilityProblems(outsider, 'chain incident, not found');
    await outsider.goto(new URL(`/keten/partnermeldingen/${notificationId}`, suite.stack.portal).href);
    await waitForText(outsider.getByTestId('ack-not-found'), 'niet gevonden');
    await outsider.goto(new URL('/keten', suite.stack.portal).href);
    await outsider.getByTestId('chain-list-refresh').waitFor({ timeout: WAIT_MS });
    await outsider.waitForLoadState('networkidle');
    expect(await outsider.locator(`[data-testid=chain-row][data-id="${chainId}"]`).count()).toBe(0);

    // 8. HINQ's figures, with the warning that few reports usually mean poor detection.
    await hinq.getByTestId('nav-chain-figures').click();
    await waitForText(hinq.getByTestId('figures-warning'), 'wijst meestal op gebrekkige detectie');
    expect((await hinq.getByTestId('figures-warning').innerText()).toLowerCase()).toContain(
      'weinig meldingen wijst meestal op gebrekkige detectie',
    );
    await hinq.locator(`[data-testid=figures-row][data-name^="${PARTNER}"]`).waitFor({ timeout: WAIT_MS });
    await expectNoSeriousAccessibilityProblems(hinq, 'chain figures');
  });
});
