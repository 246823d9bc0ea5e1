import fc from 'fast-check';
import { PollLimits, type MajorityBase, type MajorityRule, type QuorumRule } from '../types.ts';

// fast-check arbitraries for valid rules, bases and quorums.

const fractionTerms = fc
  .integer({ min: 1, max: PollLimits.MAX_DENOMINATOR })
  .chain((denominator) =>
    fc.record({ numerator: fc.integer({ min: 1, max: denominator }), denominator: fc.constant(denominator), atLeast: fc.boolean() }),
  );

export const ruleArb: fc.Arbitrary<MajorityRule> = fc.oneof(
  fc.constant({ kind: 'simple' as const }),
  fc.constant({ kind: 'absolute' as const }),
  fc.constant({ kind: 'twoThirds' as const }),
  fractionTerms.map((f) => ({ kind: 'fraction' as const, ...f })),
);

export const baseArb: fc.Arbitrary<MajorityBase> = fc.constantFrom('cast', 'present', 'members');

export const quorumArb: fc.Arbitrary<QuorumRule | null> = fc.oneof(
  fc.constant(null),
  fractionTerms.map((f) => ({ kind: 'fractionOfMembers' as const, ...f })),
  fc.integer({ min: 1, max: 200 }).map((count) => ({ kind: 'minPresent' as const, count })),
);

/** Motion counts with attendance: members ≥ cast, 0 ≤ present ≤ members (present may be below cast). */
export const motionCountsArb = fc
  .record({
    yes: fc.nat({ max: 60 }),
    no: fc.nat({ max: 60 }),
    abstain: fc.nat({ max: 60 }),
    absent: fc.nat({ max: 60 }),
  })
  .chain((c) => {
    const members = c.yes + c.no + c.abstain + c.absent;
    return fc.record({
      yes: fc.constant(c.yes),
      no: fc.constant(c.no),
      abstain: fc.constant(c.abstain),
      members: fc.constant(members),
      present: fc.integer({ min: 0, max: members }),
    });
  });
