import { LOG_LIMITS, logList, logText, overallResult, summariseFields } from './access-log-entry';

describe('what the access log records', () => {
  it('replaces NUL, other control characters and bidi overrides, so the write cannot fail on them', () => {
    expect(logText('x\u0000y\u202Ez\u0007', 100)).toBe('x\uFFFDy\uFFFDz\uFFFD');
  });

  it('caps a long value in code points and keeps its hash, so different long values stay apart', () => {
    const a = logText('a'.repeat(1_000_000), LOG_LIMITS.operation);
    const b = logText(`${'a'.repeat(999_999)}b`, LOG_LIMITS.operation);
    expect([...a]).toHaveLength(LOG_LIMITS.operation);
    expect(a).toMatch(/…#[0-9a-f]{16}$/);
    expect(a).not.toBe(b);
    expect([...logText('🍼'.repeat(200), 40)]).toHaveLength(40);
    expect([...logText('🍼'.repeat(200), 10)]).toHaveLength(10);
    expect(logText('short', 10)).toBe('short');
  });

  it('keeps at most the limit of ids and says how many more there were', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `id-${i}`);
    const kept = logList(ids, 20, 100);
    expect(kept).toHaveLength(20);
    expect(kept.at(-1)).toBe('+31 more');
    expect(logList(['a', 'b'], 20, 100)).toEqual(['a', 'b']);
  });

  it('lists each distinct field and outcome once, with a count', () => {
    const outcomes = [
      { name: 'accessLog', result: 'refused' as const, reason: 'FORBIDDEN' },
      ...Array.from({ length: 49 }, () => ({ name: 'organisations', result: 'allowed' as const, reason: null })),
    ];
    expect(summariseFields(outcomes)).toEqual(['accessLog:refused:FORBIDDEN', 'organisations:allowed x49']);
    expect(overallResult(outcomes)).toEqual({ result: 'refused', reason: 'FORBIDDEN' });
    expect(overallResult([...outcomes, { name: 'x', result: 'failed', reason: 'INTERNAL_SERVER_ERROR' }])).toEqual({
      result: 'failed',
      reason: 'INTERNAL_SERVER_ERROR',
    });
    expect(overallResult([])).toEqual({ result: 'allowed', reason: null });
  });
});
