/**
 * Whether an error means "the database cannot take this request now" (pool exhausted, connection lost, server
 * shutting down or out of connections) — retryable, answered as SERVICE_UNAVAILABLE with Retry-After, never as an
 * internal error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { message?: string; code?: string; cause?: unknown } | undefined, i = 0; e && i < 5; i++) {
    const message = typeof e.message === 'string' ? e.message : '';
    if (/timeout exceeded when trying to connect|Connection terminated|connection timeout/i.test(message)) return true;
    const code = typeof e.code === 'string' ? e.code : '';
    // 08: connection exception; 53300: too many connections; 57P01-57P03: shutdown / cannot connect now.
    if (/^08|^53300$|^57P0[123]$|^ECONNREFUSED$|^ECONNRESET$|^ETIMEDOUT$/.test(code)) return true;
    e =
      ((e as { cause?: unknown; originalError?: unknown }).cause as typeof e) ??
      ((e as { originalError?: unknown }).originalError as typeof e);
  }
  return false;
}
