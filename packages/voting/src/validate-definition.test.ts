import { describe, expect, it } from 'vitest';
import { CANDIDATES, makeMotion, makeMultiple, makeSingle } from './test-support/factories.ts';
import { PollLimits } from './types.ts';
import { assertPollDefinition, isPollDefinition, validatePollDefinition } from './validate-definition.ts';

const codes = (x: unknown) => validatePollDefinition(x).map((i) => `${i.path} ${i.code}`);
const options = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, label: `Phương án ${i}` }));

describe('validatePollDefinition', () => {
  it('accepts a valid poll of every kind, rule and quorum', () => {
    const rules = [
      { kind: 'simple' },
      { kind: 'absolute' },
      { kind: 'twoThirds' },
      { kind: 'fraction', numerator: 3, denominator: 5, atLeast: false },
      { kind: 'fraction', numerator: 1, denominator: 1, atLeast: true },
    ] as const;
    const quorums = [
      undefined,
      null,
      { kind: 'fractionOfMembers', numerator: 1, denominator: 2, atLeast: false },
      { kind: 'minPresent', count: 1 },
    ] as const;
    for (const rule of rules) {
      for (const quorum of quorums) {
        for (const base of ['cast', 'present', 'members'] as const) {
          for (const def of [makeMotion({ rule, quorum, base }), makeSingle({ rule, quorum, base }), makeMultiple({ rule, quorum, base })]) {
            expect(validatePollDefinition(def)).toEqual([]);
            expect(isPollDefinition(def)).toBe(true);
          }
        }
      }
    }
    expect(codes(makeMultiple({ maxChoices: CANDIDATES.length }))).toEqual([]);
    expect(codes(makeSingle({ options: options(PollLimits.MAX_OPTIONS) }))).toEqual([]);
    expect(codes({ ...makeMotion(), futureField: 1 })).toEqual([]);
  });

  it('rejects non-objects and bad enums, with paths', () => {
    for (const x of [null, undefined, 'poll', 42, []]) expect(codes(x)).toEqual([' NOT_OBJECT']);
    expect(codes({})).toEqual(['/kind INVALID_KIND', '/secrecy INVALID_SECRECY', '/rule INVALID_RULE', '/base INVALID_BASE']);
    expect(codes(makeMotion({ secrecy: 'anonymous' as never }))).toEqual(['/secrecy INVALID_SECRECY']);
    expect(codes(makeMotion({ base: 'registered' as never }))).toEqual(['/base INVALID_BASE']);
    expect(codes(makeMotion({ rule: { kind: 'unanimous' } as never }))).toEqual(['/rule INVALID_RULE']);
  });

  it('rejects fractions outside (0, 1] or with non-integer or large terms', () => {
    const bad = [
      { numerator: 0, denominator: 2, atLeast: true },
      { numerator: 3, denominator: 2, atLeast: true },
      { numerator: 1, denominator: 0, atLeast: true },
      { numerator: -1, denominator: 2, atLeast: true },
      { numerator: 0.5, denominator: 1, atLeast: true },
      { numerator: 1, denominator: PollLimits.MAX_DENOMINATOR + 1, atLeast: true },
      { numerator: 1, denominator: Number.NaN, atLeast: true },
      { numerator: 1, denominator: 2 },
      { numerator: '1', denominator: 2, atLeast: false },
    ];
    for (const f of bad) {
      expect(codes(makeMotion({ rule: { kind: 'fraction', ...f } as never }))).toEqual(['/rule INVALID_FRACTION']);
      expect(codes(makeMotion({ quorum: { kind: 'fractionOfMembers', ...f } as never }))).toEqual(['/quorum INVALID_FRACTION']);
    }
    expect(codes(makeMotion({ rule: { kind: 'fraction', numerator: 2, denominator: PollLimits.MAX_DENOMINATOR, atLeast: true } }))).toEqual([]);
  });

  it('rejects unknown quorum kinds and bad minimum counts', () => {
    for (const q of [{ kind: 'half' }, { kind: 'minPresent', count: 0 }, { kind: 'minPresent', count: 2.5 }, { kind: 'minPresent', count: PollLimits.MAX_MEMBERS + 1 }, 'half', 5]) {
      expect(codes(makeMotion({ quorum: q as never }))).toEqual(['/quorum INVALID_QUORUM']);
    }
  });

  it('refuses options or maxChoices where the kind fixes them', () => {
    expect(codes({ ...makeMotion(), options: CANDIDATES })).toEqual(['/options OPTIONS_NOT_ALLOWED']);
    expect(codes({ ...makeMotion(), maxChoices: 1 })).toEqual(['/maxChoices MAX_CHOICES_NOT_ALLOWED']);
    expect(codes({ ...makeSingle(), maxChoices: 1 })).toEqual(['/maxChoices MAX_CHOICES_NOT_ALLOWED']);
  });

  it('checks the number of options, before walking them', () => {
    expect(codes(makeSingle({ options: 'a,b' as never }))).toEqual(['/options INVALID_OPTIONS']);
    expect(codes(makeSingle({ options: options(1) }))).toEqual(['/options TOO_FEW_OPTIONS']);
    expect(codes(makeSingle({ options: [] }))).toEqual(['/options TOO_FEW_OPTIONS']);
    const tooMany = [...options(PollLimits.MAX_OPTIONS), { id: '', label: '' }];
    expect(codes(makeSingle({ options: tooMany }))).toEqual(['/options TOO_MANY_OPTIONS']);
    expect(codes(makeMultiple({ options: tooMany }))).toEqual(['/options TOO_MANY_OPTIONS']);
  });

  it('checks option ids: non-empty, short, boring, unique', () => {
    const withId = (id: unknown) => makeSingle({ options: [{ id: id as string, label: 'Một' }, { id: 'b', label: 'Hai' }] });
    expect(codes(withId('a-1_Z'))).toEqual([]);
    expect(codes(withId('x'.repeat(PollLimits.MAX_OPTION_ID)))).toEqual([]);
    for (const bad of ['', 'x'.repeat(PollLimits.MAX_OPTION_ID + 1), 'a.b', '$set', 'a b', 'ý', '__proto__', 7, null]) {
      expect(codes(withId(bad))).toEqual(['/options/0/id INVALID_OPTION_ID']);
    }
    expect(codes(withId('b'))).toEqual(['/options/1/id DUPLICATE_OPTION_ID']);
    expect(codes(makeSingle({ options: [null, 'a'] as never }))).toEqual(['/options/0 INVALID_OPTION', '/options/1 INVALID_OPTION']);
  });

  it('checks labels trimmed, and refuses two that read the same', () => {
    const withLabel = (label: unknown) => makeSingle({ options: [{ id: 'a', label: label as string }, { id: 'b', label: 'Đồng ý' }] });
    expect(codes(withLabel('  Không  '))).toEqual([]);
    expect(codes(withLabel('x'.repeat(PollLimits.MAX_LABEL)))).toEqual([]);
    expect(codes(withLabel(` ${'x'.repeat(PollLimits.MAX_LABEL)} `))).toEqual([]);
    for (const bad of ['', '   \n', 'x'.repeat(PollLimits.MAX_LABEL + 1), 5, undefined]) {
      expect(codes(withLabel(bad))).toEqual(['/options/0/label INVALID_LABEL']);
    }
    // Same words, one precomposed and one with a combining mark, different case.
    expect(codes(withLabel(' ĐỒNG Ý'.normalize('NFD')))).toEqual(['/options/1/label DUPLICATE_LABEL']);
  });

  it('checks maxChoices against the options', () => {
    for (const bad of [0, -1, 1.5, CANDIDATES.length + 1, '2', undefined]) {
      expect(codes(makeMultiple({ maxChoices: bad as number }))).toEqual(['/maxChoices INVALID_MAX_CHOICES']);
    }
    expect(codes(makeMultiple({ maxChoices: 1 }))).toEqual([]);
  });

  it('assertPollDefinition throws a RangeError naming the issues', () => {
    expect(() => assertPollDefinition(makeMotion())).not.toThrow();
    expect(() => assertPollDefinition(makeMultiple({ maxChoices: 9 }))).toThrow(/\/maxChoices INVALID_MAX_CHOICES/);
    expect(() => assertPollDefinition(null)).toThrow(RangeError);
  });
});
