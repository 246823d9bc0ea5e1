import type { Quorum, QuorumRule } from '@e-cabinet/protocol';

/** A rule that can be met: at most "at least all", never "more than all". */
export function isSatisfiableRule(rule: QuorumRule): boolean {
  return rule.numerator < rule.denominator || (rule.numerator === rule.denominator && !rule.strict);
}

/**
 * How many of `members` voting members must be present. Integer arithmetic, so "more than half
 * of 10" is 6 and "at least two thirds of 10" is 7 with no rounding surprises.
 */
export function requiredFor(rule: QuorumRule, members: number): number {
  const scaled = members * rule.numerator;
  return rule.strict ? Math.floor(scaled / rule.denominator) + 1 : Math.ceil(scaled / rule.denominator);
}

/** A meeting with no voting members never has a quorum. */
export function computeQuorum(rule: QuorumRule, members: number, present: number): Quorum {
  const required = requiredFor(rule, members);
  return { rule, members, present, required, met: members > 0 && present >= required };
}
