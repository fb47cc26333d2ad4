import type { Writable } from 'node:stream';

/** Waits until `out` wants more (or is gone): what keeps an export from piling up in memory. */
export function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/** Resolves when `out` has flushed everything (or closed early). */
export function finished(out: Writable): Promise<void> {
  if (out.writableFinished || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    out.once('finish', () => resolve());
    out.once('close', () => resolve());
  });
}
