// Turns each runner's report into counts of passed and failed test cases (or checks).

export interface Count {
  passed: number;
  failed: number;
  /** Why something counted as failed without a failing test case, e.g. a suite that did not load. */
  notes: string[];
}

interface JestSuite {
  name?: string;
  testFilePath?: string;
  status?: string;
  message?: string;
  failureMessage?: string | null;
  assertionResults?: unknown[];
}

interface JestReport {
  success?: boolean;
  numPassedTests?: number;
  numFailedTests?: number;
  testResults?: JestSuite[];
}

/** Jest's --json report. A suite that failed without running a test (syntax error, failing hook) counts as 1. */
export function countJest(report: JestReport): Count {
  const count: Count = { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0, notes: [] };
  for (const suite of report.testResults ?? []) {
    if (suite.status === 'failed' && (suite.assertionResults?.length ?? 0) === 0) {
      count.failed += 1;
      count.notes.push(`suite did not run: ${suite.name ?? suite.testFilePath ?? '?'}`);
    }
  }
  if (report.success === false && count.failed === 0) {
    count.failed = 1;
    count.notes.push('Jest reported a failure without a failing test (see its output)');
  }
  return count;
}

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/**
 * Vitest's summary, e.g. "      Tests  1 failed | 41 passed | 2 skipped (44)". The last one counts (a run may
 * print several). Undefined if there is none.
 */
export function countVitestSummary(output: string): Count | undefined {
  const lines = output.replace(ANSI, '').split(/\r?\n/);
  const summary = lines.filter((line) => /^\s*Tests\s{2,}.*\(\d+\)\s*$/.test(line)).at(-1);
  if (!summary) return undefined;
  const number = (word: string): number => Number(new RegExp(`(\\d+) ${word}`).exec(summary)?.[1] ?? 0);
  return { passed: number('passed'), failed: number('failed'), notes: [] };
}

/** A check that has no test cases (lint, a typecheck, a build): 1 passed or 1 failed. */
export function countCheck(ok: boolean): Count {
  return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, notes: [] };
}

export function add(a: Count, b: Count): Count {
  return { passed: a.passed + b.passed, failed: a.failed + b.failed, notes: [...a.notes, ...b.notes] };
}
