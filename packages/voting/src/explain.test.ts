import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pollOptions } from './ballot.ts';
import { decide, type Outcome } from './decide.ts';
import { explain } from './explain.ts';
import { tally } from './tally.ts';
import { baseArb, motionCountsArb, quorumArb, ruleArb } from './test-support/arbitraries.ts';
import { ballotsOf, makeMotion, makeMultiple, makeSingle } from './test-support/factories.ts';
import type { PollDefinition } from './types.ts';

function outcome(def: PollDefinition, ballots: string[][], present: number, members: number): Outcome {
  return decide(def, tally(def, ballots), { present, members });
}
const both = (o: Outcome) => [explain(o, 'vi'), explain(o, 'en')];

describe('explain: motions', () => {
  const votes = ballotsOf({ yes: 12, no: 5, abstain: 3 });

  it('states the share, the base and what was needed', () => {
    expect(both(outcome(makeMotion(), votes, 20, 30))).toEqual([
      'Thông qua: 12 phiếu tán thành trên 20 đại biểu có mặt (cần quá nửa, tức từ 11 phiếu trở lên).',
      'Passed: 12 in favour out of 20 members present (more than half needed, i.e. at least 11 votes).',
    ]);
    expect(both(outcome(makeMotion({ rule: { kind: 'twoThirds' }, base: 'members' }), votes, 20, 30))).toEqual([
      'Không thông qua: 12 phiếu tán thành trên tổng số 30 đại biểu (cần ít nhất hai phần ba, tức từ 20 phiếu trở lên).',
      'Failed: 12 in favour out of all 30 members (at least two-thirds needed, i.e. at least 20 votes).',
    ]);
    const threeFifths = makeMotion({ rule: { kind: 'fraction', numerator: 3, denominator: 5, atLeast: false }, base: 'cast' });
    expect(both(outcome(threeFifths, votes, 20, 30))).toEqual([
      'Không thông qua: 12 phiếu tán thành trên 20 đại biểu tham gia biểu quyết (cần hơn 3/5, tức từ 13 phiếu trở lên).',
      'Failed: 12 in favour out of 20 voting members (more than 3/5 needed, i.e. at least 13 votes).',
    ]);
    const atLeastThreeFifths = makeMotion({ rule: { kind: 'fraction', numerator: 3, denominator: 5, atLeast: true }, base: 'cast' });
    expect(explain(outcome(atLeastThreeFifths, votes, 20, 30), 'vi')).toBe(
      'Thông qua: 12 phiếu tán thành trên 20 đại biểu tham gia biểu quyết (cần ít nhất 3/5, tức từ 12 phiếu trở lên).',
    );
  });

  it('a simple majority shows all three counts', () => {
    expect(both(outcome(makeMotion({ rule: { kind: 'simple' } }), votes, 20, 30))).toEqual([
      'Thông qua: 12 tán thành, 5 không tán thành, 3 không biểu quyết (cần số phiếu tán thành nhiều hơn số phiếu không tán thành).',
      'Passed: 12 in favour, 5 against, 3 abstaining (more votes in favour than against needed).',
    ]);
    expect(both(outcome(makeMotion({ rule: { kind: 'simple' } }), ballotsOf({ yes: 5, no: 5, abstain: 3 }), 20, 30))).toEqual([
      'Không thông qua: số phiếu tán thành bằng số phiếu không tán thành (5 tán thành, 5 không tán thành, 3 không biểu quyết).',
      'Failed: as many votes in favour as against (5 in favour, 5 against, 3 abstaining).',
    ]);
  });

  it('no quorum and no votes', () => {
    const quorum = { kind: 'fractionOfMembers', numerator: 1, denominator: 2, atLeast: false } as const;
    expect(both(outcome(makeMotion({ quorum }), ballotsOf({ yes: 5 }), 8, 20))).toEqual([
      'Không thông qua: không đủ số đại biểu có mặt (8/20, cần ít nhất 11).',
      'Failed: not enough members present (8/20; at least 11 needed).',
    ]);
    expect(both(outcome(makeMotion(), [], 8, 20))).toEqual(['Không thông qua: không có phiếu biểu quyết nào.', 'Failed: no votes were cast.']);
  });
});

describe('explain: choice polls', () => {
  it('names the winners with their votes and the rule', () => {
    expect(both(outcome(makeSingle(), ballotsOf({ a: 7, b: 5, c: 1 }), 20, 30))).toEqual([
      'Kết quả: chọn “Phương án A” (7 phiếu) — nhiều phiếu nhất, trên 13 đại biểu tham gia biểu quyết.',
      'Chosen: “Phương án A” (7 votes) — the most votes, out of 13 voting members.',
    ]);
    const absolute = makeSingle({ rule: { kind: 'absolute' }, base: 'present' });
    expect(both(outcome(absolute, ballotsOf({ a: 12, b: 5, c: 1 }), 20, 30))).toEqual([
      'Kết quả: chọn “Phương án A” (12 phiếu) — trên 20 đại biểu có mặt, cần quá nửa, tức từ 11 phiếu trở lên.',
      'Chosen: “Phương án A” (12 votes) — out of 20 members present, more than half needed, i.e. at least 11 votes.',
    ]);
    expect(explain(outcome(makeMultiple(), [['a', 'b'], ['a', 'b'], ['a', 'c']], 20, 30), 'vi')).toBe(
      'Kết quả: chọn “Phương án A” (3 phiếu), “Phương án B” (2 phiếu) — nhiều phiếu nhất, trên 3 đại biểu tham gia biểu quyết.',
    );
  });

  it('ties ask for a revote between the tied options', () => {
    expect(both(outcome(makeSingle(), ballotsOf({ a: 7, b: 7, c: 1 }), 20, 30))).toEqual([
      'Không có kết quả: “Phương án A” và “Phương án B” bằng phiếu nhau (7 phiếu); cần biểu quyết lại giữa các phương án này.',
      'No result: “Phương án A” and “Phương án B” are tied (7 votes each); vote again between them.',
    ]);
    expect(both(outcome(makeMultiple(), [['a', 'b'], ['a', 'c'], ['a', 'd']], 20, 30))).toEqual([
      'Chưa đủ kết quả: đã chọn “Phương án A” (3 phiếu); “Phương án B”, “Phương án C” và “Phương án D” bằng phiếu nhau (1 phiếu) cho 1 vị trí còn lại; cần biểu quyết lại giữa các phương án này.',
      'Partly decided: chosen “Phương án A” (3 votes); “Phương án B”, “Phương án C” and “Phương án D” are tied (1 vote each) for the remaining place; vote again between them.',
    ]);
  });

  it('says what was needed when no option reached it', () => {
    const def = makeSingle({ rule: { kind: 'absolute' }, base: 'members' });
    expect(both(outcome(def, ballotsOf({ a: 7, b: 5, c: 1 }), 20, 30))).toEqual([
      'Không có kết quả: không phương án nào đạt quá nửa trên tổng số 30 đại biểu (cần từ 16 phiếu trở lên); cao nhất là “Phương án A” (7 phiếu).',
      'No result: no option reached more than half of all 30 members (at least 16 votes needed); the highest was “Phương án A” (7 votes).',
    ]);
    expect(both(outcome(makeSingle(), [], 20, 30))).toEqual(['Không có kết quả: không có phiếu biểu quyết nào.', 'No result: no votes were cast.']);
  });
});

describe('explain: every outcome', () => {
  const choiceCase = fc
    .record({ rule: ruleArb, base: baseArb, quorum: quorumArb, multiple: fc.boolean() })
    .chain(({ multiple, ...rules }) => {
      const def: PollDefinition = multiple ? makeMultiple({ ...rules, maxChoices: 2 }) : makeSingle(rules);
      const ids = pollOptions(def).map((o) => o.id);
      const ballot = fc.shuffledSubarray(ids, { minLength: 1, maxLength: multiple ? 2 : 1 });
      return fc.tuple(fc.constant(def), fc.array(ballot, { maxLength: 10 }), fc.nat({ max: 12 }));
    })
    .map(([def, ballots, present]) => outcome(def, ballots, Math.min(present, 12), Math.max(12, ballots.length)));
  const motionCase = fc
    .record({ rule: ruleArb, base: baseArb, quorum: quorumArb, counts: motionCountsArb })
    .map(({ counts: { yes, no, abstain, present, members }, ...rules }) =>
      outcome(makeMotion(rules), ballotsOf({ yes, no, abstain }), present, members),
    );

  it('is one sentence in each language that matches the verdict, with nothing missing', () => {
    fc.assert(
      fc.property(fc.oneof(motionCase, choiceCase), (o) => {
        const [vi = '', en = ''] = both(o);
        for (const s of [vi, en]) {
          expect(s).toMatch(/^[^\n]+\.$/);
          expect(s).not.toMatch(/undefined|NaN|null|\[object| {2}/);
        }
        const viVerdict = o.passed ? /^(Thông qua|Kết quả): / : /^(Không thông qua|Không có kết quả|Chưa đủ kết quả): /;
        const enVerdict = o.passed ? /^(Passed|Chosen): / : /^(Failed|No result|Partly decided): /;
        expect(vi).toMatch(viVerdict);
        expect(en).toMatch(enVerdict);
      }),
    );
  });
});
