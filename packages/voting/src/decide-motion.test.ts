import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, type MotionOutcome } from './decide.ts';
import { tally, type MotionTally } from './tally.ts';
import { baseArb, motionCountsArb, quorumArb, ruleArb } from './test-support/arbitraries.ts';
import { ballotsOf, makeMotion } from './test-support/factories.ts';
import type { MajorityBase, MajorityRule, QuorumRule, YesNoAbstainPoll } from './types.ts';

interface Counts {
  yes?: number;
  no?: number;
  abstain?: number;
  present: number;
  members: number;
}

function run(def: YesNoAbstainPoll, c: Counts): MotionOutcome {
  const t = tally(def, ballotsOf({ yes: c.yes ?? 0, no: c.no ?? 0, abstain: c.abstain ?? 0 }));
  const o = decide(def, t, { present: c.present, members: c.members });
  if (o.kind !== 'yesNoAbstain') throw new Error('expected a motion outcome');
  return o;
}

const half: MajorityRule = { kind: 'absolute' };
const twoThirds: MajorityRule = { kind: 'twoThirds' };
const simple: MajorityRule = { kind: 'simple' };
const fraction = (numerator: number, denominator: number, atLeast: boolean): MajorityRule => ({ kind: 'fraction', numerator, denominator, atLeast });

describe('decide: motions, every rule × base', () => {
  // 11 yes, 5 no, 2 abstain: 18 cast, 20 present, 30 members.
  const counts = { yes: 11, no: 5, abstain: 2, present: 20, members: 30 };
  const table: [MajorityRule, MajorityBase, number, number, boolean][] = [
    // rule, base, base size, threshold, passed
    [simple, 'cast', 18, 6, true],
    [simple, 'present', 20, 6, true],
    [simple, 'members', 30, 6, true],
    [half, 'cast', 18, 10, true],
    [half, 'present', 20, 11, true],
    [half, 'members', 30, 16, false],
    [twoThirds, 'cast', 18, 12, false],
    [twoThirds, 'present', 20, 14, false],
    [twoThirds, 'members', 30, 20, false],
    [fraction(11, 20, true), 'cast', 18, 10, true],
    [fraction(11, 20, true), 'present', 20, 11, true],
    [fraction(11, 20, false), 'present', 20, 12, false],
    [fraction(11, 20, true), 'members', 30, 17, false],
    [fraction(1, 3, true), 'members', 30, 10, true],
    [fraction(1, 3, false), 'members', 30, 11, true],
    [fraction(1, 1, true), 'cast', 18, 18, false],
  ];
  for (const [rule, base, size, threshold, passed] of table) {
    const name = rule.kind === 'fraction' ? `${rule.numerator}/${rule.denominator}${rule.atLeast ? '≥' : '>'}` : rule.kind;
    it(`${name} of ${base}: needs ${threshold} of ${size}, ${passed ? 'passes' : 'fails'} with 11`, () => {
      const o = run(makeMotion({ rule, base }), counts);
      expect(o).toMatchObject({ passed, base: size, baseKind: base, threshold, yes: 11, no: 5, abstain: 2, cast: 18, present: 20, members: 30 });
      expect(o.reason).toBe(passed ? 'MAJORITY_REACHED' : 'MAJORITY_NOT_REACHED');
      expect(o.quorumMet).toBe(true);
    });
  }

  it('"more than half": exactly half fails, one more passes', () => {
    const def = makeMotion({ rule: half, base: 'members' });
    expect(run(def, { yes: 10, no: 0, present: 20, members: 20 })).toMatchObject({ passed: false, reason: 'MAJORITY_NOT_REACHED', threshold: 11 });
    expect(run(def, { yes: 11, no: 9, present: 20, members: 20 })).toMatchObject({ passed: true, reason: 'MAJORITY_REACHED', threshold: 11 });
    expect(run(def, { yes: 11, present: 21, members: 21 })).toMatchObject({ passed: true, threshold: 11 });
    expect(run(def, { yes: 10, present: 21, members: 21 })).toMatchObject({ passed: false, threshold: 11 });
  });

  it('"two-thirds": exactly two-thirds passes, one fewer fails', () => {
    const def = makeMotion({ rule: twoThirds, base: 'present' });
    expect(run(def, { yes: 14, no: 7, present: 21, members: 30 })).toMatchObject({ passed: true, threshold: 14 });
    expect(run(def, { yes: 13, no: 8, present: 21, members: 30 })).toMatchObject({ passed: false, threshold: 14 });
    expect(run(def, { yes: 14, present: 20, members: 30 })).toMatchObject({ passed: true, threshold: 14 });
    expect(run(def, { yes: 13, present: 20, members: 30 })).toMatchObject({ passed: false, threshold: 14 });
  });

  it('abstentions count in the cast base but not in the simple majority', () => {
    const counts = { yes: 6, no: 4, abstain: 3, present: 13, members: 13 };
    expect(run(makeMotion({ rule: simple, base: 'cast' }), counts).passed).toBe(true);
    expect(run(makeMotion({ rule: half, base: 'cast' }), counts)).toMatchObject({ passed: false, threshold: 7 });
  });
});

describe('decide: motion ties and empty polls', () => {
  it('reports a simple-majority tie as TIE, including everyone abstaining', () => {
    const def = makeMotion({ rule: simple });
    expect(run(def, { yes: 5, no: 5, abstain: 1, present: 11, members: 11 })).toMatchObject({ passed: false, reason: 'TIE', threshold: 6 });
    expect(run(def, { abstain: 4, present: 4, members: 11 })).toMatchObject({ passed: false, reason: 'TIE', threshold: 1 });
    expect(run(def, { yes: 1, abstain: 4, present: 5, members: 11 })).toMatchObject({ passed: true, reason: 'MAJORITY_REACHED' });
  });

  it('a yes = no split under a fractional rule is just not reached', () => {
    for (const rule of [half, twoThirds]) {
      expect(run(makeMotion({ rule, base: 'cast' }), { yes: 5, no: 5, present: 10, members: 10 })).toMatchObject({ passed: false, reason: 'MAJORITY_NOT_REACHED' });
    }
    // "At least half" of the cast is a different rule, and 5–5 meets it.
    expect(run(makeMotion({ rule: fraction(1, 2, true), base: 'cast' }), { yes: 5, no: 5, present: 10, members: 10 }).passed).toBe(true);
  });

  it('an empty poll is NO_VOTES under every rule and base', () => {
    for (const rule of [simple, half, twoThirds, fraction(1, 10, true)]) {
      for (const base of ['cast', 'present', 'members'] as const) {
        const o = run(makeMotion({ rule, base }), { present: 7, members: 9 });
        expect(o).toMatchObject({ passed: false, reason: 'NO_VOTES', cast: 0 });
        expect(o.threshold).toBeGreaterThanOrEqual(1);
      }
    }
    // Even with nobody in the body at all.
    expect(run(makeMotion(), { present: 0, members: 0 })).toMatchObject({ passed: false, reason: 'NO_VOTES', base: 0, threshold: 1 });
  });
});

describe('decide: quorum', () => {
  const moreThanHalf: QuorumRule = { kind: 'fractionOfMembers', numerator: 1, denominator: 2, atLeast: false };
  const atLeastHalf: QuorumRule = { kind: 'fractionOfMembers', numerator: 1, denominator: 2, atLeast: true };

  it('"more than half of the members present": exactly half is no quorum', () => {
    const def = makeMotion({ quorum: moreThanHalf, rule: simple });
    expect(run(def, { yes: 10, present: 10, members: 20 })).toMatchObject({ passed: false, reason: 'NO_QUORUM', quorumMet: false, quorumNeeded: 11 });
    expect(run(def, { yes: 10, present: 11, members: 20 })).toMatchObject({ passed: true, quorumMet: true, quorumNeeded: 11 });
    expect(run(def, { yes: 10, present: 11, members: 21 })).toMatchObject({ passed: true, quorumNeeded: 11 });
  });

  it('"at least half": exactly half is a quorum', () => {
    const def = makeMotion({ quorum: atLeastHalf, rule: simple });
    expect(run(def, { yes: 10, present: 10, members: 20 })).toMatchObject({ passed: true, quorumMet: true, quorumNeeded: 10 });
    expect(run(def, { yes: 9, present: 9, members: 20 })).toMatchObject({ passed: false, reason: 'NO_QUORUM' });
  });

  it('a minimum head count', () => {
    const def = makeMotion({ quorum: { kind: 'minPresent', count: 15 }, rule: simple });
    expect(run(def, { yes: 10, present: 14, members: 30 })).toMatchObject({ reason: 'NO_QUORUM', quorumNeeded: 15 });
    expect(run(def, { yes: 10, present: 15, members: 30 })).toMatchObject({ reason: 'MAJORITY_REACHED', quorumNeeded: 15 });
    // More than the body has can never be met.
    expect(run(makeMotion({ quorum: { kind: 'minPresent', count: 31 } }), { yes: 30, present: 30, members: 30 }).reason).toBe('NO_QUORUM');
  });

  it('checks quorum before votes: an empty poll without quorum is NO_QUORUM', () => {
    expect(run(makeMotion({ quorum: moreThanHalf }), { present: 3, members: 20 }).reason).toBe('NO_QUORUM');
  });

  it('no quorum rule means none is needed', () => {
    expect(run(makeMotion({ rule: simple, quorum: null }), { yes: 1, present: 1, members: 500 })).toMatchObject({ passed: true, quorumMet: true, quorumNeeded: 0, quorum: null });
  });

  it('counts whoever voted as present', () => {
    const o = run(makeMotion({ quorum: moreThanHalf, base: 'present' }), { yes: 11, no: 1, present: 5, members: 20 });
    expect(o).toMatchObject({ present: 12, base: 12, quorumMet: true, passed: true });
  });
});

describe('decide: refuses inconsistent input', () => {
  const def = makeMotion();
  const good: MotionTally = tally(def, ballotsOf({ yes: 2, no: 1 }));

  it('attendance', () => {
    for (const ctx of [
      { present: 5, members: 4 },
      { present: -1, members: 4 },
      { present: 1.5, members: 4 },
      { present: 3, members: Number.NaN },
      { present: 2, members: 2 }, // 3 ballots, 2 members
      { present: 3, members: 100_001 },
    ]) {
      expect(() => decide(def, good, ctx)).toThrow(RangeError);
    }
    expect(() => decide(def, good, { present: 0, members: 3 })).not.toThrow();
  });

  it('a tally that does not add up or belongs to another kind of poll', () => {
    const ctx = { present: 10, members: 10 };
    const bad: unknown[] = [
      { ...good, kind: 'single' },
      { ...good, cast: 4 },
      { ...good, cast: -1 },
      { ...good, yes: 3 },
      { ...good, counts: { yes: 2, no: 1 } },
      { ...good, counts: { yes: 2, no: 1, abstain: 0, maybe: 0 } },
      { ...good, counts: { yes: 2, no: 1, maybe: 0 } },
      { ...good, counts: { yes: 2.5, no: 0.5, abstain: 0 } },
      { ...good, counts: null },
    ];
    for (const t of bad) expect(() => decide(def, t as MotionTally, ctx)).toThrow(RangeError);
    expect(() => decide(makeMotion({ base: 'nobody' as never }), good, ctx)).toThrow(/INVALID_BASE/);
  });
});

describe('decide: properties of motions', () => {
  const caseArb = fc.record({ rule: ruleArb, base: baseArb, quorum: quorumArb, counts: motionCountsArb });

  it('never passes without quorum, and quorum is exactly present against the rule', () => {
    fc.assert(
      fc.property(caseArb, ({ rule, base, quorum, counts }) => {
        const o = run(makeMotion({ rule, base, quorum }), counts);
        const cast = counts.yes + counts.no + counts.abstain;
        const present = BigInt(Math.max(counts.present, cast));
        const met =
          quorum === null ||
          (quorum.kind === 'minPresent'
            ? present >= BigInt(quorum.count)
            : quorum.atLeast
              ? present * BigInt(quorum.denominator) >= BigInt(quorum.numerator * counts.members)
              : present * BigInt(quorum.denominator) > BigInt(quorum.numerator * counts.members));
        expect(o.quorumMet).toBe(met);
        expect(o.quorumMet).toBe(o.present >= o.quorumNeeded);
        if (!met) expect(o).toMatchObject({ passed: false, reason: 'NO_QUORUM' });
      }),
    );
  });

  it('passes exactly when the rule holds, and the threshold says the same', () => {
    fc.assert(
      fc.property(caseArb, ({ rule, base, quorum, counts }) => {
        const o = run(makeMotion({ rule, base, quorum }), counts);
        if (o.reason === 'NO_QUORUM' || o.reason === 'NO_VOTES') return;
        const n = rule.kind === 'absolute' ? 1 : rule.kind === 'twoThirds' ? 2 : rule.kind === 'fraction' ? rule.numerator : 0;
        const d = rule.kind === 'absolute' ? 2 : rule.kind === 'twoThirds' ? 3 : rule.kind === 'fraction' ? rule.denominator : 1;
        const atLeast = rule.kind === 'twoThirds' || (rule.kind === 'fraction' && rule.atLeast);
        const got = BigInt(o.yes) * BigInt(d);
        const need = BigInt(n) * BigInt(o.base);
        const holds = rule.kind === 'simple' ? o.yes > o.no : atLeast ? got >= need : got > need;
        expect(o.passed).toBe(holds);
        expect(o.passed).toBe(o.yes >= o.threshold);
        expect(o.reason).toBe(holds ? 'MAJORITY_REACHED' : rule.kind === 'simple' && o.yes === o.no ? 'TIE' : 'MAJORITY_NOT_REACHED');
      }),
    );
  });

  it('one more yes never turns a pass into a fail; one more no never turns a fail into a pass', () => {
    fc.assert(
      fc.property(caseArb, ({ rule, base, quorum, counts }) => {
        const def = makeMotion({ rule, base, quorum });
        // Fixed attendance that can take one more ballot.
        const members = counts.members + 1;
        const present = Math.max(counts.present, counts.yes + counts.no + counts.abstain) + 1;
        const before = run(def, { ...counts, present, members });
        const moreYes = run(def, { ...counts, yes: counts.yes + 1, present, members });
        const moreNo = run(def, { ...counts, no: counts.no + 1, present, members });
        if (before.passed) expect(moreYes.passed).toBe(true);
        if (!before.passed) expect(moreNo.passed).toBe(false);
      }),
    );
  });

  it('the outcome does not depend on ballot order', () => {
    fc.assert(
      fc.property(
        fc.record({ rule: ruleArb, base: baseArb, quorum: quorumArb, counts: motionCountsArb }).chain((c) => {
          const ballots = ballotsOf({ yes: c.counts.yes, no: c.counts.no, abstain: c.counts.abstain });
          return fc.tuple(fc.constant(c), fc.shuffledSubarray(ballots, { minLength: ballots.length }));
        }),
        ([{ rule, base, quorum, counts }, shuffled]) => {
          const def = makeMotion({ rule, base, quorum });
          const ctx = { present: counts.present, members: counts.members };
          expect(decide(def, tally(def, shuffled), ctx)).toEqual(run(def, counts));
        },
      ),
      { numRuns: 50 },
    );
  });
});
