import { countJest, countVitestSummary } from './results.ts';

describe('countJest', () => {
  it('takes passed and failed test cases from the report', () => {
    expect(countJest({ success: false, numPassedTests: 7, numFailedTests: 2, testResults: [] })).toEqual({
      passed: 7,
      failed: 2,
      notes: [],
    });
  });

  it('counts a suite that failed before running any test as one failure', () => {
    const count = countJest({
      success: false,
      numPassedTests: 3,
      numFailedTests: 0,
      testResults: [
        { name: '/repo/a.spec.ts', status: 'passed', assertionResults: [{}, {}, {}] },
        { name: '/repo/b.spec.ts', status: 'failed', failureMessage: 'SyntaxError', assertionResults: [] },
      ],
    });
    expect(count).toEqual({ passed: 3, failed: 1, notes: ['suite did not run: /repo/b.spec.ts'] });
  });

  it('never reports success when Jest itself says it failed', () => {
    expect(countJest({ success: false, numPassedTests: 1, numFailedTests: 0, testResults: [] }).failed).toBe(1);
  });
});

describe('countVitestSummary', () => {
  it('reads the last "Tests" line, colours and all', () => {
    const output = [
      ' \x1b[2m Test Files \x1b[22m \x1b[1m\x1b[31m1 failed\x1b[39m\x1b[22m\x1b[2m | \x1b[22m\x1b[1m\x1b[32m3 passed\x1b[39m\x1b[22m\x1b[90m (4)\x1b[39m',
      '\x1b[2m      Tests \x1b[22m \x1b[1m\x1b[31m2 failed\x1b[39m\x1b[22m\x1b[2m | \x1b[22m\x1b[1m\x1b[32m40 passed\x1b[39m\x1b[22m\x1b[2m | \x1b[22m\x1b[33m1 skipped\x1b[39m\x1b[90m (43)\x1b[39m',
      '   Start at  10:00:00',
    ].join('\n');
    expect(countVitestSummary(output)).toEqual({ passed: 40, failed: 2, notes: [] });
  });

  it('is undefined without a summary', () => {
    expect(countVitestSummary('Error: could not build')).toBeUndefined();
  });
});
