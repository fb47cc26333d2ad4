// The access-log page in a real browser against the whole local stack (see support/stack.ts): an FG reads her
// organisation's log — colleagues' requests, her own, an attempt from another organisation — pages back to the
// first row, and downloads a signed anchor whose signature is checked here against the downloaded public key, as
// `npm run access-log:verify` would. An employee sees neither the menu entry nor the log. Never builds and never
// downloads a browser (Debian's chromium). Screenshots go to test-results/screenshots/ (git-ignored);
// `UPDATE_SCREENSHOTS=1` writes them to docs/screenshots/, the README's pictures, instead.
import { verify } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { loginWithPassword } from '../../../tools/dev-idp/login-flow';
import { expectNoSeriousAccessibilityProblems } from './support/accessibility';
import { describeInBrowser } from './support/browser-suite';
import { loginThroughProvider, waitForText } from './support/portal';
import { ROOT } from './support/stack';

// Where Jest reads it also under the root configuration (a project's testTimeout is ignored there).
jest.setTimeout(90_000);

const WAIT_MS = 20_000;
const SCREENSHOTS = join(
  ROOT,
  process.env['UPDATE_SCREENSHOTS'] === '1' ? 'docs/screenshots' : 'test-results/screenshots',
);
/** Requests of a colleague, so that the log has more than one page (the page shows 50 rows at a time). */
const COLLEAGUE_REQUESTS = 55;

/** The fields of an anchor in the order they are signed (apps/api/src/access-log/anchor.ts). */
const ORDER = ['type', 'version', 'chainId', 'organisationName', 'seq', 'hash', 'headAt', 'exportedAt', 'keyId'];
const canonical = (anchor: Record<string, unknown>) => JSON.stringify(ORDER.map((key) => [key, anchor[key] ?? null]));
function signatureValid(anchor: Record<string, unknown>, publicKeyPem: string): boolean {
  return verify(
    null,
    Buffer.from(canonical(anchor)),
    publicKeyPem,
    Buffer.from(String(anchor['signature']), 'base64url'),
  );
}

describeInBrowser('access-log page in the browser', (suite) => {
  let wiegId = '';

  /** A GraphQL request straight to the API with a demo user's real token (from the identity provider). */
  async function gql(token: string, query: string, organisationId?: string) {
    const response = await fetch(`${suite.stack.api}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(organisationId ? { 'x-organisation-id': organisationId } : {}),
      },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { extensions?: { code?: string } }[];
    };
  }

  function tokenFor(username: string): Promise<string> {
    return loginWithPassword({
      issuer: suite.stack.issuer,
      clientId: 'babyconnect-portal',
      redirectUri: new URL('/', suite.stack.portal).href,
      username,
      password: 'demo',
    }).then((tokens) => tokens.accessToken);
  }

  beforeAll(async () => {
    // De Wieg's log before the FG looks: a colleague's requests, and an FG of Het Nest naming De Wieg.
    const colleague = await tokenFor('wieg-privacy');
    const me = await gql(colleague, '{ me { actingOrganisation { id } } }');
    wiegId = (me.data?.['me'] as { actingOrganisation: { id: string } }).actingOrganisation.id;
    for (let i = 0; i < COLLEAGUE_REQUESTS; i += 1) {
      const answer = await gql(colleague, 'query ColleagueReadsDirectory { organisations { id } }');
      expect(answer.errors).toBeUndefined();
    }
    const outsider = await gql(
      await tokenFor('nest-fg'),
      'query OutsiderReadsLog { accessLog { entries { seq } } }',
      wiegId,
    );
    expect(outsider.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }, 180_000);

  async function newPage(viewport?: { width: number; height: number }): Promise<Page> {
    // (Downloads are accepted in a new context by default.)
    return (await suite.newContext(viewport)).newPage();
  }

  const rows = (page: Page) => page.getByTestId('access-log-row');
  const seqs = async (page: Page) =>
    (await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-seq')))).map(Number);

  async function openAccessLog(page: Page): Promise<void> {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Toegangslogboek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Toegangslogboek' }).waitFor({ timeout: WAIT_MS });
    await rows(page).first().waitFor({ timeout: WAIT_MS });
  }

  it("an FG reads her organisation's log, pages back to its first row and sees the attempt from outside", async () => {
    const { portal, issuer } = suite.stack;
    const page = await newPage();
    await loginThroughProvider(page, portal, issuer, 'wieg-fg');
    const fgName = (await page.getByTestId('user-name').locator('.user-name').innerText()).trim();
    await openAccessLog(page);
    expect(new URL(page.url()).pathname).toBe('/toegangslogboek');
    expect(await page.getByRole('link', { name: 'Toegangslogboek' }).getAttribute('aria-current')).toBe('page');

    // Newest first; the FG's own requests (logging in asked `Me`) are among the newest.
    expect(await rows(page).count()).toBe(50);
    const firstPage = await seqs(page);
    expect(firstPage).toEqual([...firstPage].sort((a, b) => b - a));
    const own = rows(page).filter({ has: page.getByTestId('access-log-who').getByText(fgName, { exact: true }) });
    await own.filter({ hasText: 'Me' }).first().waitFor({ timeout: WAIT_MS });
    expect(await own.first().innerText()).toContain('functionaris gegevensbescherming (FG)');
    // The README's picture: the top of the page, the attempt from outside among the newest rows.
    await rows(page).filter({ hasText: 'OutsiderReadsLog' }).waitFor({ timeout: WAIT_MS });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'portal-access-log.png') });
    await expectNoSeriousAccessibilityProblems(page, 'access-log page');

    const colleague = rows(page).filter({ hasText: 'ColleagueReadsDirectory' }).first();
    expect(await colleague.innerText()).toMatch(/privacyfunctionaris[\s\S]*organisations: toegestaan[\s\S]*toegestaan/);

    // Older rows until the first one: every row of the chain once, nothing skipped or repeated.
    for (let pages = 0; (await page.getByTestId('access-log-older').count()) > 0 && pages < 5; pages += 1) {
      const before = await rows(page).count();
      await page.getByRole('button', { name: 'Oudere regels' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid=access-log-row]').length > n, before, {
        timeout: WAIT_MS,
      });
    }
    const all = await seqs(page);
    expect(all.length).toBeGreaterThan(COLLEAGUE_REQUESTS);
    expect(all).toEqual(Array.from({ length: all[0]! }, (_, i) => all[0]! - i)); // n, n-1, …, 1
    await waitForText(page.getByTestId('access-log-status'), `Alle ${all.length} regels getoond.`);

    // The attempt of Het Nest's FG is in De Wieg's log, marked as coming from outside.
    const attempt = rows(page).filter({ hasText: 'OutsiderReadsLog' });
    expect(await attempt.count()).toBe(1);
    expect(await attempt.getByTestId('outside-marker').innerText()).toBe('poging van buiten de organisatie');
    expect(await attempt.getByTestId('access-log-result').innerText()).toContain('geweigerd');
    expect(await attempt.innerText()).toContain('geen recht (FORBIDDEN)');
  });

  it('an FG downloads a signed anchor and its public key; the signature verifies, a changed anchor does not', async () => {
    const { portal, issuer } = suite.stack;
    const page = await newPage();
    await loginThroughProvider(page, portal, issuer, 'wieg-fg');
    await openAccessLog(page);
    const newest = (await seqs(page))[0]!;

    const downloads: Download[] = [];
    page.on('download', (download) => void downloads.push(download));
    const first = page.waitForEvent('download', { timeout: WAIT_MS });
    await page.getByRole('button', { name: 'Anker downloaden' }).click();
    await first;
    await page.waitForFunction(() => document.querySelector('[data-testid=anchor-saved]'), null, {
      timeout: WAIT_MS,
    });
    const saved = await page.getByTestId('anchor-saved').locator('.saved-title').innerText();
    const seq = /Anker van regel (\d+) opgeslagen/.exec(saved)?.[1];
    expect(Number(seq)).toBeGreaterThanOrEqual(newest); // the head when the anchor was made
    for (let waited = 0; downloads.length < 2 && waited < WAIT_MS; waited += 100) {
      await page.waitForTimeout(100);
    }

    const names = downloads.map((download) => download.suggestedFilename());
    expect(names[0]).toBe(`toegangslogboek-anker-${seq}.json`);
    expect(names[1]).toMatch(/^toegangslogboek-sleutel-[0-9a-f]{16}\.pem$/);
    const [anchorText, keyText] = await Promise.all(
      downloads.map(async (download) => readFileSync((await download.path())!, 'utf8')),
    );
    const anchor = JSON.parse(anchorText!) as Record<string, unknown>;
    expect(anchor).toMatchObject({ type: 'babyconnect-access-log-anchor', version: 1, chainId: wiegId, seq });
    expect(anchor['organisationName']).toBe('Verloskundigenpraktijk De Wieg');
    expect(anchor['hash']).toMatch(/^[0-9a-f]{64}$/);
    expect(anchor['signature']).toEqual(expect.any(String));
    expect(names[1]).toBe(`toegangslogboek-sleutel-${anchor['keyId']}.pem`);
    expect(keyText).toMatch(/^-----BEGIN PUBLIC KEY-----/);

    expect(signatureValid(anchor, keyText!)).toBe(true);
    expect(signatureValid({ ...anchor, seq: String(Number(seq) - 1) }, keyText!)).toBe(false); // a shortened chain's anchor

    expect(await page.getByTestId('anchor-command').innerText()).toBe(
      `npm run access-log:verify -- --anchor ${names[0]} --public-key ${names[1]}`,
    );

    // Phone width: rows become cards, nothing scrolls sideways.
    mkdirSync(SCREENSHOTS, { recursive: true });
    const phone = await newPage({ width: 390, height: 844 });
    await loginThroughProvider(phone, portal, issuer, 'wieg-fg');
    await openAccessLog(phone);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await rows(phone).filter({ hasText: 'OutsiderReadsLog' }).scrollIntoViewIfNeeded();
    await phone.screenshot({ path: join(SCREENSHOTS, 'portal-access-log-phone.png') });
  });

  it('an employee sees no menu entry, and the address shows that the log is not for her', async () => {
    const { portal, issuer } = suite.stack;
    const page = await newPage();
    await loginThroughProvider(page, portal, issuer, 'wieg-medewerker');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Start' }).waitFor({ timeout: WAIT_MS });
    await page.getByTestId('acting-organisation').waitFor({ timeout: WAIT_MS }); // `me` (and its rights) arrived
    expect(await nav.getByRole('link', { name: 'Toegangslogboek' }).count()).toBe(0);

    const accessLogRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${suite.stack.api}/graphql`) && /accessLog/.test(request.postData() ?? '')) {
        accessLogRequests.push(request.postData() ?? '');
      }
    });
    await page.goto(new URL('/toegangslogboek', portal).href);
    await waitForText(page.getByTestId('not-allowed'), 'U kunt het toegangslogboek van deze organisatie niet inzien.');
    expect(await page.getByTestId('access-log-table').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Anker downloaden' }).count()).toBe(0);
    expect(accessLogRequests).toEqual([]);
  });
});
