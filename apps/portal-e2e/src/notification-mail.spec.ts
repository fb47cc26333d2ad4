// A real notification mail in the local mail catcher's web page (MailDev, which `npm start` runs and the test stack
// starts the same way): a breach reported through the API, the FG's mail picked from the catcher and opened in its
// web page. The README's picture docs/screenshots/notification-mail.png comes from here: `UPDATE_SCREENSHOTS=1`
// writes it there, otherwise to test-results/screenshots/ (git-ignored). Also checks what the picture shows: the
// reference, the Amsterdam deadline and the link — and not the breach's free text.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loginWithPassword } from '../../../tools/dev-idp/login-flow';
import { eventually } from '../../api/test/support/smtp-sink';
import { describeInBrowser } from './support/browser-suite';
import { ROOT } from './support/stack';

jest.setTimeout(120_000);

const SCREENSHOTS = join(
  ROOT,
  process.env['UPDATE_SCREENSHOTS'] === '1' ? 'docs/screenshots' : 'test-results/screenshots',
);
const FREE_TEXT = 'Het verslag van een cliënt is naar de verkeerde huisarts gemaild.';

interface CaughtMail {
  id: string;
  subject: string;
  to: { address: string }[];
}

describeInBrowser('a notification mail in the mail catcher', (suite) => {
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

  it("shows the FG's mail about a reported breach, without its free text", async () => {
    const mailWeb = suite.stack.mail;
    if (!mailWeb) throw new Error('the test stack runs no mail catcher');
    for (const user of ['wieg-fg', 'wieg-privacy']) await gql(await tokenFor(user), '{ me { user { id } } }');
    const reported = await gql<{ reportBreach: { reference: string } }>(
      await tokenFor('wieg-medewerker'),
      `mutation($input: ReportBreachInput!) { reportBreach(input: $input) { reference } }`,
      { input: { whatHappened: FREE_TEXT, stillOngoing: 'NO', otherOrganisationsInvolved: 'NO', exercise: false } },
    );
    expect(reported.errors).toBeUndefined();
    const reference = reported.data!.reportBreach.reference;

    // MailDev's own REST API (the one its web page reads) finds the FG's copy.
    const mail = await eventually(async () => {
      const list = (await (await fetch(`${mailWeb}/api/email`)).json()) as CaughtMail[];
      const found = list.find(
        (m) => m.subject.includes(reference) && m.to.some((t) => t.address === 'wieg-fg@example.org'),
      );
      expect(found).toBeDefined();
      return found!;
    }, 30_000);
    expect(mail.subject).toBe(`Nieuwe datalekmelding ${reference} – Verloskundigenpraktijk De Wieg`);
    const html = await (await fetch(`${mailWeb}/api/email/${mail.id}/html`)).text();
    expect(html).toContain(reference);
    expect(html).not.toContain('verkeerde huisarts');

    const page = await (await suite.newContext({ width: 1280, height: 900 })).newPage();
    await page.goto(`${mailWeb}/#/email/${mail.id}`);
    const body = page.frameLocator('iframe').first();
    await body.getByText(`Referentie: ${reference}`).first().waitFor({ timeout: 20_000 });
    await page.getByText(mail.subject).first().waitFor({ timeout: 20_000 });
    expect(await page.content()).not.toContain('verkeerde huisarts');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'notification-mail.png') });
  });
});
