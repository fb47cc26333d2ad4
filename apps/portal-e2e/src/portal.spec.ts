// The portal in a real browser against the whole local stack (PostgreSQL, migrations + demo data, dev identity
// provider, API, portal from dist). The runner builds dist first; this file never builds and never downloads a
// browser (Debian's chromium). Screenshots of the home page go to test-results/screenshots/ (git-ignored);
// `UPDATE_SCREENSHOTS=1` writes them to docs/screenshots/, the README's pictures, instead.
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { findFreePorts } from '../../../tools/start/ports.ts';
import { type Stack, startStack } from '../../../tools/start/stack.ts';
import { CHROMIUM_MISSING, chromiumInstalled, launchChromium, oneLineError } from './support/browser';
import { chooseOrganisation, loginThroughProvider, waitForHealthyApi, waitForText } from './support/portal';

const ROOT = resolve(__dirname, '../../..');
const SCREENSHOTS = join(
  ROOT,
  process.env['UPDATE_SCREENSHOTS'] === '1' ? 'docs/screenshots' : 'test-results/screenshots',
);

if (!chromiumInstalled()) {
  test('portal in the browser', () => {
    throw oneLineError(CHROMIUM_MISSING);
  });
} else {
  describe('portal in the browser', () => {
    let stack: Stack | undefined;
    let browser: Browser | undefined;
    let dataDir: string;
    const contexts: BrowserContext[] = [];

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
      chmodSync(dataDir, 0o755); // embedded PostgreSQL runs as the OS user `postgres` when we are root
      const log: string[] = [];
      // The stack's own services only: settings for another database, identity provider or SMTP server are
      // dropped from the environment so a developer's shell cannot redirect the test.
      const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'warn' };
      for (const name of ['DATABASE_URL', 'DATABASE_MIGRATION_URL', 'OIDC_ISSUER_URL', 'SMTP_URL', 'SEED_DEMO']) {
        delete env[name];
      }
      try {
        stack = await startStack({
          rootDir: ROOT,
          dataDir,
          ports: await findFreePorts(),
          build: false,
          quiet: true,
          env,
          onLog: (source, line) => void log.push(`[${source}] ${line}`),
        });
      } catch (error) {
        throw new Error(`${error instanceof Error ? error.message : String(error)}\n${log.slice(-40).join('\n')}`);
      }
      browser = await launchChromium();
    }, 180_000);

    afterAll(async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser?.close();
      await stack?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }, 60_000);

    async function newPage(viewport = { width: 1280, height: 800 }) {
      const context = await browser!.newContext({ viewport, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
      contexts.push(context);
      return context.newPage();
    }

    it('redirects to the login page and shows the person, organisation, role and API health', async () => {
      const { portal, issuer } = stack!.urls as { portal: string; issuer: string };
      const page = await newPage();
      await loginThroughProvider(page, portal, issuer, 'wieg-privacy');

      await waitForText(page.getByTestId('acting-organisation'), 'Verloskundigenpraktijk De Wieg');
      await waitForText(page.getByTestId('toolbar-organisation'), 'Verloskundigenpraktijk De Wieg');
      await waitForText(page.getByTestId('acting-roles'), 'privacyfunctionaris');
      await waitForHealthyApi(page);
      expect(await page.getByTestId('health-api').innerText()).toContain('API bereikbaar');
      expect(await page.getByTestId('org-switcher').count()).toBe(0); // one organisation: nothing to switch
    });

    it('lets a person with several organisations choose one, and keeps the choice in this tab', async () => {
      const { portal, issuer } = stack!.urls as { portal: string; issuer: string };
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
      const { portal, issuer } = stack!.urls as { portal: string; issuer: string };
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
      await phone.screenshot({ path: join(SCREENSHOTS, 'portal-home-phone.png'), fullPage: true });
    });
  });
}
