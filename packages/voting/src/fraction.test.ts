import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meetsFraction, minCountFor, requiredFraction, type RequiredFraction } from './fraction.ts';
import { PollLimits } from './types.ts';

const fractionArb = fc
  .integer({ min: 1, max: PollLimits.MAX_DENOMINATOR })
  .chain((denominator) =>
    fc.record({ numerator: fc.integer({ min: 1, max: denominator }), denominator: fc.constant(denominator), atLeast: fc.boolean() }),
  );

// An independent reference in BigInt, so an overflow or rounding slip in the code cannot hide.
function reference(count: number, base: number, f: RequiredFraction): boolean {
  const got = BigInt(count) * BigInt(f.denominator);
  const need = BigInt(f.numerator) * BigInt(base);
  return f.atLeast ? got >= need : got > need;
}

describe('requiredFraction', () => {
  it('maps each rule to its share, with strictness as in council practice', () => {
    expect(requiredFraction({ kind: 'simple' })).toBeNull();
    expect(requiredFraction({ kind: 'absolute' })).toEqual({ numerator: 1, denominator: 2, atLeast: false });
    expect(requiredFraction({ kind: 'twoThirds' })).toEqual({ numerator: 2, denominator: 3, atLeast: true });
    expect(requiredFraction({ kind: 'fraction', numerator: 3, denominator: 5, atLeast: true })).toEqual({
      numerator: 3,
      denominator: 5,
      atLeast: true,
    });
  });
});

describe('meetsFraction / minCountFor', () => {
  const half = { numerator: 1, denominator: 2, atLeast: false };
  const twoThirds = { numerator: 2, denominator: 3, atLeast: true };

  it('"more than half" is strict and "two-thirds" is at least', () => {
    expect(meetsFraction(10, 20, half)).toBe(false);
    expect(meetsFraction(11, 20, half)).toBe(true);
    expect(meetsFraction(11, 21, half)).toBe(true);
    expect(minCountFor(20, half)).toBe(11);
    expect(minCountFor(21, half)).toBe(11);
    expect(meetsFraction(14, 21, twoThirds)).toBe(true);
    expect(meetsFraction(13, 21, twoThirds)).toBe(false);
    expect(minCountFor(21, twoThirds)).toBe(14);
    expect(minCountFor(20, twoThirds)).toBe(14);
    expect(minCountFor(0, twoThirds)).toBe(0);
    expect(minCountFor(0, half)).toBe(1);
  });

  it('is exact where floating point is not: 7/10 of 10 with ≥ needs 7', () => {
    // 0.7 * 10 = 7.000000000000001 in floating point, which would wrongly demand 8.
    const f = { numerator: 7, denominator: 10, atLeast: true };
    expect(minCountFor(10, f)).toBe(7);
    expect(meetsFraction(7, 10, f)).toBe(true);
  });

  it('agrees with a BigInt reference, and minCountFor is the smallest count that meets', () => {
    fc.assert(
      fc.property(fractionArb, fc.integer({ min: 0, max: PollLimits.MAX_MEMBERS }), fc.integer({ min: 0, max: PollLimits.MAX_MEMBERS }), (f, base, count) => {
        expect(meetsFraction(count, base, f)).toBe(reference(count, base, f));
        const min = minCountFor(base, f);
        expect(reference(min, base, f)).toBe(true);
        if (min > 0) expect(reference(min - 1, base, f)).toBe(false);
        expect(meetsFraction(count, base, f)).toBe(count >= min);
      }),
    );
  });
});
