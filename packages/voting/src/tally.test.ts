import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxChoicesOf, pollOptions } from './ballot.ts';
import { tally } from './tally.ts';
import { ballotsOf, makeMotion, makeMultiple, makeSingle } from './test-support/factories.ts';
import type { PollDefinition } from './types.ts';

describe('tally', () => {
  it('counts a motion, zeros included', () => {
    expect(tally(makeMotion(), ballotsOf({ yes: 12, no: 5, abstain: 3 }))).toEqual({
      kind: 'yesNoAbstain',
      cast: 20,
      counts: { yes: 12, no: 5, abstain: 3 },
      yes: 12,
      no: 5,
      abstain: 3,
    });
    expect(tally(makeMotion(), ballotsOf({ no: 2 }))).toMatchObject({ cast: 2, yes: 0, no: 2, abstain: 0, counts: { yes: 0, no: 2, abstain: 0 } });
  });

  it('counts an empty poll as zero everywhere', () => {
    expect(tally(makeMotion(), [])).toEqual({ kind: 'yesNoAbstain', cast: 0, counts: { yes: 0, no: 0, abstain: 0 }, yes: 0, no: 0, abstain: 0 });
    expect(tally(makeSingle(), [])).toEqual({ kind: 'single', cast: 0, counts: { a: 0, b: 0, c: 0, d: 0 } });
  });

  it('counts each option of a multiple-choice ballot once, in any order', () => {
    const t = tally(makeMultiple({ maxChoices: 2 }), [['a', 'b'], ['b', 'a'], ['d'], ['c', 'a']]);
    expect(t).toEqual({ kind: 'multiple', cast: 4, counts: { a: 3, b: 2, c: 1, d: 1 } });
  });

  it('takes any iterable, e.g. a generator over stored ballots', () => {
    function* stored() {
      yield ['yes'];
      yield ['abstain'];
    }
    expect(tally(makeMotion(), stored())).toMatchObject({ cast: 2, yes: 1, abstain: 1 });
  });

  it('throws on an invalid ballot or definition instead of skipping it', () => {
    expect(() => tally(makeMotion(), [['yes'], ['maybe']])).toThrow(/ballot 1 is invalid \(UNKNOWN_OPTION\)/);
    expect(() => tally(makeSingle(), [[]])).toThrow(/EMPTY/);
    expect(() => tally(makeMultiple({ maxChoices: 2 }), [['a', 'a']])).toThrow(/DUPLICATE/);
    expect(() => tally(makeMultiple({ maxChoices: 9 }), [])).toThrow(RangeError);
  });

  const defs: PollDefinition[] = [makeMotion(), makeSingle(), makeMultiple({ maxChoices: 1 }), makeMultiple({ maxChoices: 2 }), makeMultiple({ maxChoices: 4 })];
  const pollWithBallots = fc.constantFrom(...defs).chain((def) => {
    const ids = pollOptions(def).map((o) => o.id);
    const ballot = fc.shuffledSubarray(ids, { minLength: 1, maxLength: maxChoicesOf(def) });
    return fc.tuple(fc.constant(def), fc.array(ballot, { maxLength: 60 }));
  });

  it('sums to cast for one-choice polls and to between cast and cast × max for multiple choice', () => {
    fc.assert(
      fc.property(pollWithBallots, ([def, ballots]) => {
        const t = tally(def, ballots);
        const ids = pollOptions(def).map((o) => o.id);
        expect(Object.keys(t.counts)).toEqual(ids);
        expect(t.cast).toBe(ballots.length);
        const sum = Object.values(t.counts).reduce((a, b) => a + b, 0);
        expect(sum).toBe(ballots.reduce((a, b) => a + b.length, 0));
        if (def.kind === 'multiple') {
          expect(sum).toBeGreaterThanOrEqual(t.cast);
          expect(sum).toBeLessThanOrEqual(t.cast * def.maxChoices);
        } else {
          expect(sum).toBe(t.cast);
        }
        for (const id of ids) {
          expect(t.counts[id]).toBe(ballots.filter((b) => b.includes(id)).length);
          expect(t.counts[id]).toBeLessThanOrEqual(t.cast);
        }
        if (t.kind === 'yesNoAbstain') expect(t.yes + t.no + t.abstain).toBe(t.cast);
      }),
    );
  });

  it('does not depend on the order of ballots', () => {
    const withShuffle = pollWithBallots.chain(([def, ballots]) =>
      fc.tuple(fc.constant(def), fc.constant(ballots), fc.shuffledSubarray(ballots, { minLength: ballots.length })),
    );
    fc.assert(
      fc.property(withShuffle, ([def, ballots, shuffled]) => {
        expect(tally(def, shuffled)).toEqual(tally(def, ballots));
      }),
    );
  });

  it('adds up: tallying two batches equals adding their tallies', () => {
    const split = pollWithBallots.chain(([def, all]) => fc.tuple(fc.constant(def), fc.constant(all), fc.nat({ max: all.length })));
    fc.assert(
      fc.property(split, ([def, all, k]) => {
        const whole = tally(def, all);
        const ta = tally(def, all.slice(0, k));
        const tb = tally(def, all.slice(k));
        expect(whole.cast).toBe(ta.cast + tb.cast);
        for (const id of Object.keys(whole.counts)) expect(whole.counts[id]).toBe(ta.counts[id]! + tb.counts[id]!);
      }),
    );
  });
});
