// The portal's session across tabs, and what its first load weighs, in a real browser against the whole local stack
// (see support/stack.ts). Never builds and never downloads a browser (Debian's chromium).
import type { BrowserContext, Page, Request } from 'playwright-core';
import { describeInBrowser } from './support/browser-suite';
import { loginThroughProvider, waitForHealthyApi } from './support/portal';

// Where Jest reads it also under the root configuration (a project's testTimeout is ignored there).
jest.setTimeout(120_000);

const SECONDS = 1000;
const ORGANISATION_KEY = 'babyconnect.portal.organisationId';

describeInBrowser('portal session in the browser', (suite) => {
  const newContext = (): Promise<BrowserContext> => suite.newContext();

  /** Every request of the page to the API, with the bearer token it carried (if any). */
  function recordApiRequests(page: Page): { url: string; bearer: string | undefined; at: number }[] {
    const seen: { url: string; bearer: string | undefined; at: number }[] = [];
    page.on('request', (request: Request) => {
      if (request.url().startsWith(suite.stack.api)) {
        seen.push({ url: request.url(), bearer: request.headers()['authorization'], at: Date.now() });
      }
    });
    return seen;
  }

  it(
    'logging out in one tab logs out every other tab of the browser within seconds',
    async () => {
      const { portal, issuer, api } = suite.stack;
      const context = await newContext();
      const first = await context.newPage();
      await loginThroughProvider(first, portal, issuer, 'multi-fg');

      // A second tab of the same browser: logged in silently through the provider's session.
      const second = await context.newPage();
      const secondApi = recordApiRequests(second);
      await second.goto(portal);
      await second.getByTestId('user-name').waitFor({ state: 'visible', timeout: 20 * SECONDS });
      await second.getByTestId('org-switcher').waitFor({ state: 'visible', timeout: 20 * SECONDS });
      await second.getByTestId('org-switcher').click();
      await second.getByRole('menuitemradio', { name: 'Verloskundigenpraktijk Het Nest' }).click();
      await second.getByTestId('acting-organisation').filter({ hasText: 'Het Nest' }).waitFor();
      expect(secondApi.some((request) => request.url === `${api}/graphql` && request.bearer)).toBe(true);

      await first.getByTestId('logout').click();
      const loggedOutAt = Date.now();

      // The other tab: logged out at once, says why, and forgets its organisation choice.
      const notice = second.locator('[data-testid=not-logged-in][data-ended=logout]');
      await notice.waitFor({ state: 'visible', timeout: 5 * SECONDS });
      const after = Date.now() - loggedOutAt;
      console.log(`second tab logged out ${after} ms after the logout in the first tab`);
      expect(await notice.innerText()).toContain('uitgelogd in een ander tabblad');
      expect(await second.getByTestId('user-name').count()).toBe(0);
      expect(await second.evaluate((key) => sessionStorage.getItem(key), ORGANISATION_KEY)).toBeNull();

      // The first tab went through the provider's logout to its login page.
      await first.locator('#username').waitFor({ state: 'visible', timeout: 20 * SECONDS });

      // The other tab holds no token any more: nothing it sends to the API carries one from now on, and logging in
      // again asks for the password (the provider's session ended too; no silent login with the old one).
      await second.getByTestId('login').click();
      await second.locator('#username').waitFor({ state: 'visible', timeout: 20 * SECONDS });
      expect(new URL(second.url()).origin).toBe(new URL(issuer).origin);
      expect(secondApi.filter((request) => request.at >= loggedOutAt && request.bearer)).toEqual([]);
    },
    120 * SECONDS,
  );

  it(
    'loads the home page without an icon font, and reports what the first load transfers',
    async () => {
      const { portal, issuer } = suite.stack;
      const page = await (await newContext()).newPage();
      const portalOrigin = new URL(portal).origin;
      const loaded: Promise<{ url: string; bytes: number }>[] = [];
      page.on('requestfinished', (request) => {
        if (new URL(request.url()).origin === portalOrigin) {
          loaded.push(
            request.sizes().then((sizes) => ({
              url: request.url(),
              bytes: sizes.responseHeadersSize + sizes.responseBodySize,
            })),
          );
        }
      });

      await loginThroughProvider(page, portal, issuer, 'wieg-privacy');
      await waitForHealthyApi(page);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.waitForLoadState('networkidle');

      const files = await Promise.all(loaded);
      const total = files.reduce((sum, file) => sum + file.bytes, 0);
      const lines = files
        .sort((a, b) => b.bytes - a.bytes)
        .map((file) => `${String(file.bytes).padStart(9)}  ${new URL(file.url).pathname}`);
      console.log(`portal first load: ${files.length} responses, ${total} bytes on the wire\n${lines.join('\n')}`);

      // Icons are inline SVG: no icon font is requested, and every icon on the page has its path.
      expect(
        files.filter((file) => /material-symbols|\.(woff2?|ttf|otf)$/.test(file.url) && !/roboto/.test(file.url)),
      ).toEqual([]);
      const icons = await page
        .locator('mat-icon')
        .evaluateAll((elements) =>
          elements.map((icon) => icon.querySelector('svg path')?.getAttribute('d')?.length ?? 0),
        );
      expect(icons.length).toBeGreaterThan(3);
      expect(icons.every((length) => length > 10)).toBe(true);

      // Was ~4.5 MB with the 4 MB icon font; the rest is the app (~430 kB uncompressed) and the Roboto fonts.
      expect(total).toBeLessThan(1_000_000);
    },
    120 * SECONDS,
  );
});
