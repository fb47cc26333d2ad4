// Steps through the portal and the identity provider's login page, written against the portal's data-testid
// hooks and Keycloak's login form ids (#username, #password, #kc-login), so they work with the dev identity
// provider and with a real Keycloak alike.
import type { Locator, Page } from 'playwright-core';

const WAIT_MS = 20_000;

/** Opens the portal, expects the redirect to the provider's login page and logs in. */
export async function loginThroughProvider(
  page: Page,
  portalUrl: string,
  issuer: string,
  username: string,
  password = 'demo',
): Promise<void> {
  await page.goto(portalUrl);
  const username$ = page.locator('#username');
  await username$.waitFor({ state: 'visible', timeout: WAIT_MS });
  const at = new URL(page.url());
  if (at.origin !== new URL(issuer).origin) {
    throw new Error(`expected the login page of ${issuer}, got ${page.url()}`);
  }
  await username$.fill(username);
  await page.locator('#password').fill(password);
  await Promise.all([
    page.waitForURL((url) => url.origin === new URL(portalUrl).origin, { timeout: WAIT_MS }),
    page.locator('#kc-login').click(),
  ]);
  await page.getByTestId('user-name').waitFor({ state: 'visible', timeout: WAIT_MS });
}

/** Waits until the locator's text contains `text`; returns the whole text. */
export async function waitForText(locator: Locator, text: string, timeout = WAIT_MS): Promise<string> {
  await locator.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout });
  return (await locator.first().innerText()).trim();
}

/** Waits for the home page's health block to report every check as OK. */
export async function waitForHealthyApi(page: Page): Promise<void> {
  await page.locator('[data-testid=health-summary][data-status=ok]').waitFor({ state: 'visible', timeout: WAIT_MS });
  for (const check of ['api', 'database', 'migrations']) {
    const status = await page.getByTestId(`health-${check}`).getAttribute('data-status');
    if (status !== 'ok') {
      throw new Error(`health check ${check} is "${status}", expected "ok"`);
    }
  }
}

/** Chooses an organisation in the toolbar's switcher. */
export async function chooseOrganisation(page: Page, name: string): Promise<void> {
  await page.getByTestId('org-switcher').click();
  await page.getByRole('menuitemradio', { name }).click();
  await waitForText(page.getByTestId('acting-organisation'), name);
}
