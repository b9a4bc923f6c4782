import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sumOfDraws, sumOfTableDraws, weeksUntilDone } from './draw-loops';
import { createDiscreteTable } from './discrete-sampler';
import { createRng, type RandomSource, type Xoshiro128 } from './prng';

/** The same stream behind an object that is not a Xoshiro128, so the loops take the plain path. */
function plain(rng: Xoshiro128): RandomSource {
  return {
    nextUint32: () => rng.nextUint32(),
    nextFloat: () => rng.nextFloat(),
    nextInt: (n) => rng.nextInt(n),
  };
}

/** The generator's state as unsigned words (a word may be held signed or unsigned). */
const bits = (rng: Xoshiro128) => rng.getState().map((x) => x >>> 0);

const weights = fc.array(fc.double({ min: 0, max: 10, noNaN: true }), {
  minLength: 1,
  maxLength: 40,
});

describe('draw loops with the generator in locals', () => {
  it('sum the same draws as nextUint32() calls and leave the generator in the same place', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (values, m, seed) => {
          const fast = createRng(seed, 3);
          const slow = createRng(seed, 3);
          const v = Float64Array.from(values);
          expect(sumOfDraws(fast, v, m)).toBe(sumOfDraws(plain(slow), v, m));
          expect(bits(fast)).toEqual(bits(slow));
        },
      ),
    );
  });

  it('draw from alias tables exactly as sampleDiscrete does', () => {
    fc.assert(
      fc.property(
        weights.filter((w) => w.some((x) => x > 0)),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (w, count, seed) => {
          const table = createDiscreteTable(
            w.map((_, i) => i * 1.5),
            w,
          );
          const fast = createRng(seed);
          const slow = createRng(seed);
          expect(sumOfTableDraws(fast, table, count)).toBe(
            sumOfTableDraws(plain(slow), table, count),
          );
          expect(bits(fast)).toEqual(bits(slow));
        },
      ),
    );
  });

  it('count the same weeks to finish, and -1 when maxWeeks runs out', () => {
    fc.assert(
      fc.property(
        weights.filter((w) => w.slice(1).some((x) => x > 0)),
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (w, backlog, focus, maxWeeks, seed) => {
          const table = createDiscreteTable(
            w.map((_, i) => i),
            w,
          );
          const fast = createRng(seed);
          const slow = createRng(seed);
          const weeks = weeksUntilDone(fast, table, backlog, focus, maxWeeks);
          expect(weeks).toBe(weeksUntilDone(plain(slow), table, backlog, focus, maxWeeks));
          expect(bits(fast)).toEqual(bits(slow));
          expect(weeks === -1 || (weeks >= 0 && weeks <= maxWeeks)).toBe(true);
        },
      ),
    );
    // One item a week at most: 10 items cannot be done in 5 weeks.
    const one = createDiscreteTable([0, 1], [1, 1]);
    expect(weeksUntilDone(createRng(1), one, 10, 1, 5)).toBe(-1);
  });
});
