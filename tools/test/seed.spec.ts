import { jestSeed } from './seed.ts';

describe('jestSeed', () => {
  it('replays the seed a run printed', () => {
    expect(jestSeed('1234567')).toBe(1234567);
    expect(jestSeed(' -42 ')).toBe(-42);
    expect(jestSeed('2147483647')).toBe(0x7fffffff);
    expect(jestSeed('-2147483648')).toBe(-0x80000000);
  });

  it('draws a new seed when none is given', () => {
    expect(jestSeed(undefined, () => 99)).toBe(99);
    expect(jestSeed('', () => 7)).toBe(7);
    const drawn = jestSeed(undefined);
    expect(Number.isInteger(drawn) && drawn >= 0 && drawn <= 0x7fffffff).toBe(true);
  });

  it('refuses what Jest would refuse, naming the variable', () => {
    for (const value of ['abc', '1.5', '1e3', '2147483648', '-2147483649', '0x10']) {
      expect(() => jestSeed(value)).toThrow(/^JEST_SEED must be a whole number/);
    }
  });
});
