// The seed of Jest's `--randomize`: the order of the tests within each file. A failure that depends on order
// is replayed with the seed the run printed: `JEST_SEED=<n> npm test`.
import { randomInt } from 'node:crypto';

// Jest accepts seeds from -0x80000000 to 0x7fffffff inclusive.
const MIN = -0x80000000;
const MAX = 0x7fffffff;

/** The seed named by `JEST_SEED`, or a fresh random one when it is unset or empty. */
export function jestSeed(value: string | undefined, random: () => number = () => randomInt(0, MAX)): number {
  const text = value?.trim() ?? '';
  if (text === '') return random();
  const seed = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(seed) || seed < MIN || seed > MAX) {
    throw new Error(`JEST_SEED must be a whole number from ${MIN} to ${MAX}, not "${value}"`);
  }
  return seed;
}
