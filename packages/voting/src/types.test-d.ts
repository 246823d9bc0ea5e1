import { describe, expectTypeOf, it } from 'vitest';
import {
  decide,
  tally,
  validateBallot,
  type BallotError,
  type ChoiceTally,
  type MajorityRule,
  type MotionTally,
  type Outcome,
  type OutcomeReason,
  type PollDefinition,
  type QuorumRule,
} from './index.ts';
import { makeMotion, makeSingle } from './test-support/factories.ts';

describe('voting types', () => {
  it('tally narrows by poll kind', () => {
    expectTypeOf(tally(makeMotion(), [])).toEqualTypeOf<MotionTally>();
    expectTypeOf(tally(makeSingle(), [])).toEqualTypeOf<ChoiceTally>();
    expectTypeOf(tally(makeMotion() as PollDefinition, [])).toEqualTypeOf<MotionTally | ChoiceTally>();
  });

  it('results carry machine codes', () => {
    expectTypeOf(validateBallot(makeSingle(), ['a'])).toEqualTypeOf<{ ok: true; choice: string[] } | { ok: false; reason: BallotError }>();
    expectTypeOf(decide).returns.toEqualTypeOf<Outcome>();
    expectTypeOf<Outcome['reason']>().toEqualTypeOf<OutcomeReason>();
  });

  it('strictness of a fraction must be spelled out', () => {
    // @ts-expect-error atLeast is required
    const rule: MajorityRule = { kind: 'fraction', numerator: 1, denominator: 2 };
    // @ts-expect-error atLeast is required
    const quorum: QuorumRule = { kind: 'fractionOfMembers', numerator: 1, denominator: 2 };
    expectTypeOf(rule).toEqualTypeOf<MajorityRule>();
    expectTypeOf(quorum).toEqualTypeOf<QuorumRule>();
  });
});
