// The portal in a real browser against the whole local stack (PostgreSQL, migrations + demo data, dev identity
// provider, API, portal from dist). The runner builds dist first; this file never builds and never downloads a
// browser (Debian's chromium). Screenshots of the home page go to test-results/screenshots/ (git-ignored);
// `UPDATE_SCREENSHOTS=1` writes them to docs/screenshots/, the README's pictures, instead.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoSeriousAccessibilityProblems } from './support/accessibility';
import { describeInBrowser } from './support/browser-suite';
import { chooseOrganisation, loginThroughProvider, waitForHealthyApi, waitForText } from './support/portal';
import { ROOT } from './support/stack';

const SCREENSHOTS = join(
  ROOT,
  process.env['UPDATE_SCREENSHOTS'] === '1' ? 'docs/screenshots' : 'test-results/screenshots',
);

describeInBrowser('portal in the browser', (suite) => {
  async function newPage(viewport?: { width: number; height: number }) {
    return (await suite.newContext(viewport)).newPage();
  }

  it('redirects to the login page and shows the person, organisation, role and API health', async () => {
    const { portal, issuer } = suite.stack;
    const page = await newPage();
    await loginThroughProvider(page, portal, issuer, 'wieg-privacy');

    await waitForText(page.getByTestId('acting-organisation'), 'Verloskundigenpraktijk De Wieg');
    await waitForText(page.getByTestId('toolbar-organisation'), 'Verloskundigenpraktijk De Wieg');
    await waitForText(page.getByTestId('acting-roles'), 'privacyfunctionaris');
    await waitForHealthyApi(page);
    expect(await page.getByTestId('health-api').innerText()).toContain('API bereikbaar');
    expect(await page.getByTestId('org-switcher').count()).toBe(0); // one organisation: nothing to switch
    await expectNoSeriousAccessibilityProblems(page, 'home page');
  });

  it('lets a person with several organisations choose one, and keeps the choice in this tab', async () => {
    const { portal, issuer } = suite.stack;
    const page = await newPage();
    await loginThroughProvider(page, portal, issuer, 'multi-fg');

    await page.getByTestId('org-switcher').waitFor({ state: 'visible' });
    await page.getByTestId('choose-prompt').waitFor({ state: 'visible' }); // none chosen yet: asked to choose
    await chooseOrganisation(page, 'Verloskundigenpraktijk Het Nest');
    await waitForText(page.getByTestId('acting-roles'), 'medewerker');
    await waitForText(page.getByTestId('org-switcher'), 'Verloskundigenpraktijk Het Nest');
    const kept = await page.evaluate(() => sessionStorage.getItem('babyconnect.portal.organisationId'));
    expect(kept).toMatch(/^[0-9a-f-]{36}$/);

    // A reload logs in again silently (provider session) and acts for the same organisation.
    await page.reload();
    await waitForText(page.getByTestId('acting-organisation'), 'Verloskundigenpraktijk Het Nest');

    await page.getByTestId('org-switcher').click();
    await page.getByRole('menuitemradio', { name: 'Verloskundigenpraktijk De Wieg' }).waitFor();
    await page // let the menu's opening animation finish before the screenshot
      .locator('.mat-mdc-menu-panel')
      .evaluate((panel) => Promise.all(panel.getAnimations({ subtree: true }).map((a) => a.finished)));
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'portal-organisation-switcher.png') });
    await page.keyboard.press('Escape');
  });

  it('takes screenshots of the home page (desktop, phone, English)', async () => {
    const { portal, issuer } = suite.stack;
    mkdirSync(SCREENSHOTS, { recursive: true });

    const desktop = await newPage();
    await loginThroughProvider(desktop, portal, issuer, 'wieg-privacy');
    await waitForHealthyApi(desktop);
    await desktop.screenshot({ path: join(SCREENSHOTS, 'portal-home.png'), fullPage: true });

    await desktop.getByTestId('lang-en').click();
    await waitForText(desktop.getByTestId('logout'), 'Log out');
    await desktop.screenshot({ path: join(SCREENSHOTS, 'portal-home-en.png'), fullPage: true });

    const phone = await newPage({ width: 390, height: 844 });
    await loginThroughProvider(phone, portal, issuer, 'wieg-privacy');
    await waitForHealthyApi(phone);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0); // no horizontal scrolling at phone width
    await expectNoSeriousAccessibilityProblems(phone, 'home page on a phone');
    await phone.screenshot({ path: join(SCREENSHOTS, 'portal-home-phone.png'), fullPage: true });
  });
});
