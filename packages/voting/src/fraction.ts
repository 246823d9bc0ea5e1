import type { MajorityRule } from './types.ts';

/** A required share of a base: `numerator/denominator`, reached at ≥ when `atLeast`, else at >. */
export interface RequiredFraction {
  numerator: number;
  denominator: number;
  atLeast: boolean;
}

/**
 * The share a rule asks of its base, or null for `simple` (which compares yes with no instead).
 * Lets a UI show "quá nửa" / "ít nhất 2/3" from the same numbers `decide` uses.
 */
export function requiredFraction(rule: MajorityRule): RequiredFraction | null {
  switch (rule.kind) {
    case 'simple':
      return null;
    case 'absolute':
      return { numerator: 1, denominator: 2, atLeast: false };
    case 'twoThirds':
      return { numerator: 2, denominator: 3, atLeast: true };
    case 'fraction':
      return { numerator: rule.numerator, denominator: rule.denominator, atLeast: rule.atLeast };
  }
}

/**
 * Exact test of `count/base` against the fraction, cross-multiplied in integers. The limits in
 * `PollLimits` keep both products below 2^53.
 */
export function meetsFraction(count: number, base: number, f: RequiredFraction): boolean {
  const got = count * f.denominator;
  const need = f.numerator * base;
  return f.atLeast ? got >= need : got > need;
}

/** The smallest count that meets the fraction of `base` (0 when ≥ a share of nothing). */
export function minCountFor(base: number, f: RequiredFraction): number {
  const product = f.numerator * base;
  const remainder = product % f.denominator;
  // Exact integer division: product - remainder is a multiple of the denominator.
  const floor = (product - remainder) / f.denominator;
  return f.atLeast && remainder === 0 ? floor : floor + 1;
}
