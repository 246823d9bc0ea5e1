import { describe, expect, it } from 'vitest';
import { computeQuorum, isSatisfiableRule, requiredFor } from './quorum.ts';

const half = { numerator: 1, denominator: 2, strict: true };
const twoThirds = { numerator: 2, denominator: 3, strict: false };

describe('quorum', () => {
  it('needs more than half by default, counting exactly at the boundary', () => {
    expect([1, 2, 3, 4, 9, 10, 500].map((m) => requiredFor(half, m))).toEqual([1, 2, 2, 3, 5, 6, 251]);
    expect(computeQuorum(half, 10, 5)).toEqual({ rule: half, members: 10, present: 5, required: 6, met: false });
    expect(computeQuorum(half, 10, 6).met).toBe(true);
  });

  it('needs at least a share when not strict', () => {
    expect([3, 9, 10, 30].map((m) => requiredFor(twoThirds, m))).toEqual([2, 6, 7, 20]);
    expect(computeQuorum({ numerator: 1, denominator: 1, strict: false }, 4, 4).met).toBe(true);
  });

  it('is never met without voting members, and refuses rules nobody can meet', () => {
    expect(computeQuorum({ numerator: 1, denominator: 3, strict: false }, 0, 0).met).toBe(false);
    expect(isSatisfiableRule({ numerator: 1, denominator: 1, strict: true })).toBe(false);
    expect(isSatisfiableRule({ numerator: 3, denominator: 2, strict: false })).toBe(false);
    expect(isSatisfiableRule(twoThirds)).toBe(true);
  });
});
