// "Mijn berichten" and "Onbestelbare berichten" in a real browser against the whole stack, with the API mailing
// through an SMTP server this test runs (apps/api/test/support/smtp-sink.ts) that refuses the privacy officer's
// address: a breach reported through the API mails De Wieg's FG, and the officer's copy becomes a dead letter. The FG
// sees which mails reach her and sets English and the daily digest; the platform admin sees the dead letter with the
// mail server's reason and the organisations whose FG no mail reaches, and — the address accepted again — retries
// it, after which the officer's mail arrives. axe on each page. Never builds and never downloads a browser.
import type { Page } from 'playwright-core';
import { loginWithPassword } from '../../../tools/dev-idp/login-flow';
import { eventually, SmtpSink } from '../../api/test/support/smtp-sink';
import { expectNoSeriousAccessibilityProblems } from './support/accessibility';
import { describeInBrowser } from './support/browser-suite';
import { loginThroughProvider, waitForText } from './support/portal';

// Where Jest reads it also under the root configuration (a project's testTimeout is ignored there).
jest.setTimeout(120_000);

const WAIT_MS = 20_000;
const FG = 'wieg-fg@example.org';
const OFFICER = 'wieg-privacy@example.org';
const sink = new SmtpSink();
const UNREACHABLE = 'Kraamzorg Zonder Contact';

describeInBrowser(
  'notification pages in the browser',
  (suite) => {
    let reference = '';

    async function gql<T>(token: string, query: string, variables: Record<string, unknown> = {}) {
      const response = await fetch(`${suite.stack.api}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: T | null; errors?: { message: string }[] };
    }
    const tokenFor = (username: string) =>
      loginWithPassword({
        issuer: suite.stack.issuer,
        clientId: 'babyconnect-portal',
        redirectUri: new URL('/', suite.stack.portal).href,
        username,
        password: 'demo',
      }).then((tokens) => tokens.accessToken);

    beforeAll(async () => {
      // The FG and the privacy officer have signed in once (that is how the API learns who holds which role).
      for (const user of ['wieg-fg', 'wieg-privacy']) await gql(await tokenFor(user), '{ me { user { id } } }');
      sink.rejected.add(OFFICER);
      const reported = await gql<{ reportBreach: { reference: string } }>(
        await tokenFor('wieg-medewerker'),
        `mutation($input: ReportBreachInput!) { reportBreach(input: $input) { reference } }`,
        {
          input: {
            whatHappened: 'Een brief is naar het verkeerde adres gestuurd.',
            stillOngoing: 'NO',
            otherOrganisationsInvolved: 'NO',
            exercise: false,
          },
        },
      );
      expect(reported.errors).toBeUndefined();
      reference = reported.data!.reportBreach.reference;
      const onboarded = await gql(
        await tokenFor('beheerder'),
        `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`,
        { input: { alias: 'kz-zonder-contact', name: UNREACHABLE, kind: 'MATERNITY_CARE' } },
      );
      expect(onboarded.errors).toBeUndefined();
      await eventually(() => expect(sink.to(FG).filter((m) => m.subject.includes(reference))).toHaveLength(1), 30_000);
    }, 120_000);

    afterAll(async () => {
      await sink.stop();
    });

    async function openFromNav(page: Page, link: string, heading: string): Promise<void> {
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: WAIT_MS });
    }

    it('an FG sees which mails reach her, chooses English and the daily digest; both are kept', async () => {
      const page = await (await suite.newContext()).newPage();
      await loginThroughProvider(page, suite.stack.portal, suite.stack.issuer, 'wieg-fg');
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      expect(await nav.getByRole('link', { name: 'Onbestelbare berichten' }).count()).toBe(0);
      await openFromNav(page, 'Mijn berichten', 'Mijn berichten');
      expect(new URL(page.url()).pathname).toBe('/berichten');

      await waitForText(page.getByTestId('notify-address'), FG);
      const organisation = page.getByTestId('notify-organisation');
      await waitForText(organisation, 'Verloskundigenpraktijk De Wieg');
      const text = await organisation.innerText();
      for (const event of ['datalek gemeld', 'besluit vastgelegd', 'AP-termijn verstreken']) {
        expect(text).toContain(event);
      }
      expect(text).not.toContain('dagoverzicht van open datalekken');
      await expectNoSeriousAccessibilityProblems(page, 'my notifications page');

      await page.getByRole('radio', { name: 'English' }).check();
      await waitForText(page.getByTestId('notify-status'), 'Opgeslagen.');
      await page.getByRole('switch', { name: /Elke dag een overzicht/ }).click();
      await waitForText(organisation, 'dagoverzicht van open datalekken');

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Mijn berichten' }).waitFor({ timeout: WAIT_MS });
      await waitForText(page.getByTestId('notify-organisation'), 'dagoverzicht van open datalekken');
      expect(await page.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
      expect(await page.getByRole('switch', { name: /Elke dag een overzicht/ }).getAttribute('aria-checked')).toBe(
        'true',
      );

      // The link in her mail opens the breach in the portal (it once pointed at a route the portal does not have).
      const mail = sink.to(FG).find((m) => m.subject.includes(reference))!;
      const link = /href="([^"]+)"/.exec(String(mail.mail.html))![1]!;
      expect(new URL(link).origin).toBe(new URL(suite.stack.portal).origin);
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor({ timeout: WAIT_MS });
    });

    it('an employee sees that no breach mail reaches them, and no digest to turn on', async () => {
      const page = await (await suite.newContext()).newPage();
      await loginThroughProvider(page, suite.stack.portal, suite.stack.issuer, 'wieg-medewerker');
      await openFromNav(page, 'Mijn berichten', 'Mijn berichten');
      await waitForText(page.getByTestId('notify-none'), 'U krijgt geen e-mail over datalekken');
      await waitForText(page.getByTestId('notify-digest-fg-only'), 'Het dagoverzicht is voor de FG');
    });

    it('the platform admin sees the dead letter with its reason, retries it, and the mail arrives', async () => {
      const page = await (await suite.newContext()).newPage();
      await loginThroughProvider(page, suite.stack.portal, suite.stack.issuer, 'beheerder');
      await openFromNav(page, 'Onbestelbare berichten', 'Onbestelbare berichten');
      expect(new URL(page.url()).pathname).toBe('/beheer/berichten');

      const row = page.getByTestId('dead-row').filter({ hasText: reference });
      await row.waitFor({ timeout: WAIT_MS });
      const text = await row.innerText();
      expect(text).toContain('w***@example.org');
      expect(text).toContain('datalek gemeld');
      expect(text).toContain('Geweigerd door de mailserver');
      expect(text).not.toContain(OFFICER); // masked
      // Organisations whose FG no mail reaches are flagged: the page lists exactly what the API says, among them
      // the one onboarded in beforeAll without a contact.
      const { data } = await gql<{ unreachableOrganisations: { name: string }[] }>(
        await tokenFor('beheerder'),
        '{ unreachableOrganisations { name } }',
      );
      const unreachable = data!.unreachableOrganisations.map((o) => o.name);
      expect(unreachable).toContain(UNREACHABLE);
      const listed = await page.getByTestId('dead-unreachable').getByRole('listitem').allInnerTexts();
      expect(listed.map((name) => name.trim())).toEqual(unreachable);
      expect(listed).not.toContain('Verloskundigenpraktijk De Wieg'); // its FG signed in
      await expectNoSeriousAccessibilityProblems(page, 'dead letters page');

      sink.rejected.clear(); // the cause fixed
      await row.getByRole('button', { name: `Opnieuw proberen: ${reference} aan w***@example.org` }).click();
      await waitForText(page.getByTestId('dead-status'), 'Het bericht staat weer in de wachtrij.');
      await row.waitFor({ state: 'detached', timeout: WAIT_MS });
      await eventually(
        () => expect(sink.to(OFFICER).filter((m) => m.subject.includes(reference))).toHaveLength(1),
        30_000,
      );
    });

    it('an FG cannot open the platform admin page', async () => {
      const page = await (await suite.newContext()).newPage();
      await loginThroughProvider(page, suite.stack.portal, suite.stack.issuer, 'wieg-fg');
      await page.goto(new URL('/beheer/berichten', suite.stack.portal).href);
      await waitForText(page.getByTestId('dead-not-allowed'), 'Alleen de platformbeheerder');
    });
  },
  async () => {
    await sink.start();
    return { smtpUrl: sink.url };
  },
);
