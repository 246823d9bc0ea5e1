import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pollOptions } from './ballot.ts';
import { decide, type ChoiceOutcome } from './decide.ts';
import { tally, type ChoiceTally } from './tally.ts';
import { baseArb, quorumArb, ruleArb } from './test-support/arbitraries.ts';
import { ballotsOf, makeMultiple, makeSingle } from './test-support/factories.ts';
import type { ChoicePoll } from './types.ts';

function decideChoice(def: ChoicePoll, ballots: string[][], ctx: { present: number; members: number }): ChoiceOutcome {
  const o = decide(def, tally(def, ballots), ctx);
  if (o.kind === 'yesNoAbstain') throw new Error('expected a choice outcome');
  return o;
}

const votesOf = (o: ChoiceOutcome) => Object.fromEntries(o.options.map((r) => [r.id, r.votes]));
const repeat = (n: number, ballot: string[]) => Array.from({ length: n }, () => ballot);

describe('decide: single choice', () => {
  const ctx = { present: 20, members: 25 };

  it('simple is plurality: the most votes wins', () => {
    const o = decideChoice(makeSingle(), ballotsOf({ a: 7, b: 5, c: 3 }), ctx);
    expect(o).toMatchObject({ passed: true, reason: 'MAJORITY_REACHED', winners: ['a'], tied: [], seats: 1, threshold: 1, cast: 15 });
    expect(votesOf(o)).toEqual({ a: 7, b: 5, c: 3, d: 0 });
    expect(o.options.map((r) => r.qualifies)).toEqual([true, true, true, false]);
    expect(o.options[0]).toEqual({ id: 'a', label: 'Phương án A', votes: 7, qualifies: true });
  });

  it('a tie for first place is TIE, with no winner', () => {
    const o = decideChoice(makeSingle(), ballotsOf({ a: 6, b: 6, c: 3 }), ctx);
    expect(o).toMatchObject({ passed: false, reason: 'TIE', winners: [], tied: ['a', 'b'] });
    // A tie below first place does not matter.
    expect(decideChoice(makeSingle(), ballotsOf({ a: 7, b: 3, c: 3 }), ctx)).toMatchObject({ passed: true, winners: ['a'], tied: [] });
  });

  it('absolute: the leader must have more than half of the base', () => {
    const def = makeSingle({ rule: { kind: 'absolute' }, base: 'cast' });
    expect(decideChoice(def, ballotsOf({ a: 7, b: 5, c: 3 }), ctx)).toMatchObject({ passed: false, reason: 'MAJORITY_NOT_REACHED', threshold: 8, winners: [] });
    expect(decideChoice(def, ballotsOf({ a: 8, b: 4, c: 3 }), ctx)).toMatchObject({ passed: true, winners: ['a'], threshold: 8 });
    const byMembers = makeSingle({ rule: { kind: 'absolute' }, base: 'members' });
    expect(decideChoice(byMembers, ballotsOf({ a: 12, b: 3 }), ctx)).toMatchObject({ passed: false, reason: 'MAJORITY_NOT_REACHED', base: 25, threshold: 13 });
    expect(decideChoice(byMembers, ballotsOf({ a: 13, b: 3 }), ctx)).toMatchObject({ passed: true, winners: ['a'] });
  });

  it('two options meeting an "at least half" rule is a TIE', () => {
    const def = makeSingle({ rule: { kind: 'fraction', numerator: 1, denominator: 2, atLeast: true }, base: 'cast' });
    expect(decideChoice(def, ballotsOf({ a: 5, b: 5 }), ctx)).toMatchObject({ passed: false, reason: 'TIE', tied: ['a', 'b'], threshold: 5 });
  });

  it('an empty poll is NO_VOTES; quorum comes first', () => {
    expect(decideChoice(makeSingle(), [], ctx)).toMatchObject({ passed: false, reason: 'NO_VOTES', winners: [], tied: [] });
    const withQuorum = makeSingle({ quorum: { kind: 'minPresent', count: 21 } });
    const o = decideChoice(withQuorum, ballotsOf({ a: 9 }), ctx);
    expect(o).toMatchObject({ passed: false, reason: 'NO_QUORUM', winners: [], tied: [], quorumNeeded: 21 });
    // The counts are still reported.
    expect(votesOf(o).a).toBe(9);
  });
});

describe('decide: multiple choice fills maxChoices places', () => {
  const ctx = { present: 10, members: 10 };

  it('simple: the top maxChoices by votes', () => {
    const ballots = [...repeat(4, ['a', 'b']), ...repeat(3, ['c', 'b']), ...repeat(2, ['a', 'd'])];
    const o = decideChoice(makeMultiple({ maxChoices: 2 }), ballots, ctx);
    expect(votesOf(o)).toEqual({ a: 6, b: 7, c: 3, d: 2 });
    expect(o).toMatchObject({ passed: true, reason: 'MAJORITY_REACHED', winners: ['b', 'a'], tied: [], seats: 2 });
  });

  it('options tied across the last place: those above win, the tied ones go to a revote', () => {
    const ballots = [...repeat(4, ['a', 'b']), ...repeat(4, ['a', 'c']), ['d']];
    const o = decideChoice(makeMultiple({ maxChoices: 2 }), ballots, ctx);
    expect(votesOf(o)).toEqual({ a: 8, b: 4, c: 4, d: 1 });
    expect(o).toMatchObject({ passed: false, reason: 'TIE', winners: ['a'], tied: ['b', 'c'] });
    // Equal votes that all fit are not a tie.
    const fits = decideChoice(makeMultiple({ maxChoices: 3 }), ballots, ctx);
    expect(fits).toMatchObject({ passed: true, winners: ['a', 'b', 'c'], tied: [] });
  });

  it('absolute of all members: only options above half qualify, ranked for the places', () => {
    const def = makeMultiple({ maxChoices: 2, rule: { kind: 'absolute' }, base: 'members' });
    // 6 each for a, b, c: all qualify (6 > 5) for 2 places, a three-way tie.
    const threeWay = [...repeat(3, ['a', 'b']), ...repeat(3, ['b', 'c']), ...repeat(3, ['a', 'c'])];
    expect(decideChoice(def, threeWay, ctx)).toMatchObject({ reason: 'TIE', winners: [], tied: ['a', 'b', 'c'], threshold: 6 });
    // a 7, b 6, c 5: a and b elected, c does not qualify.
    const clear = [...repeat(4, ['a', 'b']), ...repeat(2, ['b', 'c']), ...repeat(3, ['a', 'c'])];
    const o = decideChoice(def, clear, ctx);
    expect(votesOf(o)).toEqual({ a: 7, b: 6, c: 5, d: 0 });
    expect(o).toMatchObject({ passed: true, winners: ['a', 'b'], tied: [] });
    expect(o.options.map((r) => r.qualifies)).toEqual([true, true, false, false]);
  });

  it('fewer qualifying options than places: the places that can be filled are', () => {
    const def = makeMultiple({ maxChoices: 3, rule: { kind: 'absolute' }, base: 'cast' });
    const o = decideChoice(def, [...repeat(6, ['a']), ...repeat(4, ['b', 'c'])], ctx);
    expect(o).toMatchObject({ passed: true, reason: 'MAJORITY_REACHED', winners: ['a'], tied: [] });
    const none = decideChoice(def, [...repeat(5, ['a']), ...repeat(5, ['b'])], ctx);
    expect(none).toMatchObject({ passed: false, reason: 'MAJORITY_NOT_REACHED', winners: [] });
  });

  it('refuses counts that cannot come from valid ballots', () => {
    const def = makeMultiple({ maxChoices: 2 });
    const good: ChoiceTally = tally(def, [['a', 'b'], ['c']]);
    expect(() => decide(def, good, ctx)).not.toThrow();
    for (const counts of [
      { a: 3, b: 1, c: 1, d: 0 }, // a on more ballots than were cast
      { a: 1, b: 0, c: 0, d: 0 }, // fewer choices than ballots
      { a: 2, b: 2, c: 2, d: 0 }, // more than cast × maxChoices
    ]) {
      expect(() => decide(def, { ...good, counts }, ctx)).toThrow(RangeError);
    }
    expect(() => decide(makeSingle(), good, ctx)).toThrow(/does not match/);
  });
});

describe('decide: properties of choice polls', () => {
  const defArb = fc
    .record({ rule: ruleArb, base: baseArb, quorum: quorumArb, kind: fc.constantFrom('single', 'multiple'), maxChoices: fc.integer({ min: 1, max: 4 }) })
    .map(({ kind, maxChoices, ...rules }): ChoicePoll => (kind === 'single' ? makeSingle(rules) : makeMultiple({ ...rules, maxChoices })));
  const caseArb = defArb.chain((def) => {
    const ids = pollOptions(def).map((o) => o.id);
    const max = def.kind === 'multiple' ? def.maxChoices : 1;
    // Few voters, so ties are common.
    const ballots = fc.array(fc.shuffledSubarray(ids, { minLength: 1, maxLength: max }), { maxLength: 12 });
    return fc.tuple(fc.constant(def), ballots, fc.nat({ max: 6 }), fc.nat({ max: 14 }));
  });

  it('winners and ties follow the ranking and the places', () => {
    fc.assert(
      fc.property(caseArb, ([def, ballots, absent, presentCut]) => {
        const members = ballots.length + absent;
        const o = decideChoice(def, ballots, { present: Math.min(presentCut, members), members });
        const votes = votesOf(o);
        const seats = def.kind === 'multiple' ? def.maxChoices : 1;
        expect(o.seats).toBe(seats);
        expect(o.winners.length + (o.tied.length > 0 ? 1 : 0)).toBeLessThanOrEqual(seats);
        expect(o.passed).toBe(o.reason === 'MAJORITY_REACHED');
        expect(o.tied.length > 0).toBe(o.reason === 'TIE');
        if (!o.quorumMet) expect(o).toMatchObject({ passed: false, reason: 'NO_QUORUM', winners: [] });
        for (const r of o.options) expect(r.qualifies).toBe(r.votes >= o.threshold);
        const qualifying = o.options.filter((r) => r.qualifies).map((r) => r.id);
        const decided = [...o.winners, ...o.tied];
        for (const id of decided) expect(qualifying).toContain(id);
        if (o.reason === 'MAJORITY_REACHED' || o.reason === 'TIE') {
          // Everyone left out has fewer votes than everyone decided.
          const minDecided = Math.min(...decided.map((id) => votes[id]!));
          for (const id of qualifying.filter((x) => !decided.includes(x))) expect(votes[id]).toBeLessThan(minDecided);
          for (const w of o.winners) for (const t of o.tied) expect(votes[w]).toBeGreaterThan(votes[t]!);
          if (o.reason === 'MAJORITY_REACHED') expect(o.winners.length).toBe(Math.min(seats, qualifying.length));
          else expect(o.winners.length + o.tied.length).toBeGreaterThan(seats);
          for (const t of o.tied) expect(votes[t]).toBe(votes[o.tied[0]!]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
