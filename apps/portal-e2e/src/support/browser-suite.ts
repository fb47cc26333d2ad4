// One describe block of browser tests against the whole local stack in Debian's chromium: the stack and the
// browser are started once for the block and everything is closed after it. Without chromium the block is one
// failing test that says how to install it.
import type { Browser, BrowserContext } from 'playwright-core';
import { CHROMIUM_MISSING, chromiumInstalled, launchChromium, oneLineError } from './browser';
import { startTestStack, type TestStack, type TestStackOptions } from './stack';

export interface BrowserSuite {
  /** The running stack (portal, identity provider and API URLs); available from the block's beforeAll on. */
  readonly stack: TestStack;
  /** A fresh browser context (own cookies and storage) in Dutch and Amsterdam time, closed after the block. */
  newContext(viewport?: { width: number; height: number }): Promise<BrowserContext>;
}

/** `stackOptions` is read when the stack starts (in the block's first beforeAll), so it may name a server started at load. */
export function describeInBrowser(
  name: string,
  body: (suite: BrowserSuite) => void,
  stackOptions: () => Promise<TestStackOptions> = async () => ({}),
): void {
  if (!chromiumInstalled()) {
    test(name, () => {
      throw oneLineError(CHROMIUM_MISSING);
    });
    return;
  }
  describe(name, () => {
    let stack: TestStack | undefined;
    let browser: Browser | undefined;
    const contexts: BrowserContext[] = [];

    // Registered before the body's own hooks, so they run after the stack is up.
    beforeAll(async () => {
      stack = await startTestStack(await stackOptions());
      browser = await launchChromium();
    }, 180_000);

    afterAll(async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser?.close();
      await stack?.stop();
    }, 60_000);

    body({
      get stack() {
        if (!stack) throw new Error('the stack is not running (used outside a test or hook of this block?)');
        return stack;
      },
      async newContext(viewport = { width: 1280, height: 800 }) {
        const context = await browser!.newContext({ viewport, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
        contexts.push(context);
        return context;
      },
    });
  });
}
