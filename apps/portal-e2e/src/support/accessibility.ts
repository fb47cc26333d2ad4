// The automated accessibility check of a page: axe-core, run inside the page through Playwright, on the WCAG 2.1
// A/AA rules. A page passes with zero violations of impact "serious" or "critical"; the failure names each rule,
// its help text and the first elements it found, so the fix can start from the message.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const BLOCKING = new Set(['serious', 'critical']);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A violation as the failure message shows it: rule, impact, help text and up to three element selectors. */
export interface AccessibilityProblem {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page once its animations have ended and returns its serious and critical violations. A
 * form field's hint or error fades in: measured half-way, its colour fails the contrast rule although the settled
 * page passes (seen on a busy machine).
 */
export async function seriousAccessibilityProblems(page: Page): Promise<AccessibilityProblem[]> {
  await page
    .waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'), null, {
      timeout: 5_000,
    })
    .catch(() => undefined); // an endless animation (a progress bar) must not stop the check itself
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    }));
}

/** Fails with a readable list when the page as it is now has serious or critical accessibility violations. */
export async function expectNoSeriousAccessibilityProblems(page: Page, what: string): Promise<void> {
  const problems = await seriousAccessibilityProblems(page);
  if (problems.length === 0) return;
  const lines = problems.map((p) => `- ${p.rule} (${p.impact}): ${p.help} — ${p.targets.join(', ')}`);
  throw new Error(`${what}: ${problems.length} serious accessibility problem(s):\n${lines.join('\n')}`);
}
