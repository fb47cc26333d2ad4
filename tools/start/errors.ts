// An expected start/stop failure: its message is the one line the user sees (no stack trace).
export class StackError extends Error {
  /** Last output lines of the process that failed, for callers that did not stream its output. */
  readonly logTail: string[];

  constructor(message: string, logTail: string[] = []) {
    super(message);
    this.name = 'StackError';
    this.logTail = logTail;
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
