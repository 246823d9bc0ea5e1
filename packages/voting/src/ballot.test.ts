import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxChoicesOf, pollOptions, validateBallot } from './ballot.ts';
import { makeMotion, makeMultiple, makeSingle } from './test-support/factories.ts';
import { YES_NO_ABSTAIN_OPTIONS, type PollDefinition } from './types.ts';

describe('yes/no/abstain options', () => {
  it('are fixed, in ballot order, in council wording', () => {
    expect(pollOptions(makeMotion())).toEqual([
      { id: 'yes', label: 'Tán thành' },
      { id: 'no', label: 'Không tán thành' },
      { id: 'abstain', label: 'Không biểu quyết' },
    ]);
    expect(Object.isFrozen(YES_NO_ABSTAIN_OPTIONS)).toBe(true);
    expect(Object.isFrozen(YES_NO_ABSTAIN_OPTIONS[0])).toBe(true);
  });
});

describe('validateBallot', () => {
  it('takes exactly one answer on a motion', () => {
    const def = makeMotion();
    for (const id of ['yes', 'no', 'abstain']) expect(validateBallot(def, [id])).toEqual({ ok: true, choice: [id] });
    expect(validateBallot(def, [])).toEqual({ ok: false, reason: 'EMPTY' });
    expect(validateBallot(def, ['yes', 'no'])).toEqual({ ok: false, reason: 'NOT_SINGLE' });
    expect(validateBallot(def, ['yes', 'yes'])).toEqual({ ok: false, reason: 'NOT_SINGLE' });
    expect(validateBallot(def, ['Tán thành'])).toEqual({ ok: false, reason: 'UNKNOWN_OPTION' });
    expect(validateBallot(def, ['YES'])).toEqual({ ok: false, reason: 'UNKNOWN_OPTION' });
  });

  it('takes exactly one option in a single-choice poll', () => {
    const def = makeSingle();
    expect(validateBallot(def, ['c'])).toEqual({ ok: true, choice: ['c'] });
    expect(validateBallot(def, ['a', 'b'])).toEqual({ ok: false, reason: 'NOT_SINGLE' });
    expect(validateBallot(def, ['yes'])).toEqual({ ok: false, reason: 'UNKNOWN_OPTION' });
    // Not fooled by prototype keys.
    expect(validateBallot(def, ['constructor'])).toEqual({ ok: false, reason: 'UNKNOWN_OPTION' });
    expect(validateBallot(def, ['__proto__'])).toEqual({ ok: false, reason: 'UNKNOWN_OPTION' });
  });

  it('takes 1..maxChoices distinct options in a multiple-choice poll, returned in option order', () => {
    const def = makeMultiple({ maxChoices: 3 });
    expect(validateBallot(def, ['d', 'a'])).toEqual({ ok: true, choice: ['a', 'd'] });
    expect(validateBallot(def, ['c', 'b', 'a'])).toEqual({ ok: true, choice: ['a', 'b', 'c'] });
    expect(validateBallot(def, ['b'])).toEqual({ ok: true, choice: ['b'] });
    expect(validateBallot(def, [])).toEqual({ ok: false, reason: 'EMPTY' });
    expect(validateBallot(def, ['a', 'b', 'c', 'd'])).toEqual({ ok: false, reason: 'TOO_MANY' });
    expect(validateBallot(def, ['a', 'a'])).toEqual({ ok: false, reason: 'DUPLICATE' });
    expect(validateBallot(def, ['a', 'x'])).toEqual({ ok: false, reason: 'UNKNOWN_OPTION' });
    // UNKNOWN_OPTION wins over DUPLICATE wherever each appears.
    expect(validateBallot(def, ['a', 'a', 'x'])).toEqual({ ok: false, reason: 'UNKNOWN_OPTION' });
    expect(validateBallot(def, ['x', 'a', 'a'])).toEqual({ ok: false, reason: 'UNKNOWN_OPTION' });
  });

  it('refuses an oversized list by its length alone', () => {
    const huge = Array.from({ length: 100_000 }, () => 'a');
    expect(validateBallot(makeMultiple(), huge)).toEqual({ ok: false, reason: 'TOO_MANY' });
    expect(validateBallot(makeSingle(), huge)).toEqual({ ok: false, reason: 'NOT_SINGLE' });
  });

  const defs: PollDefinition[] = [makeMotion(), makeSingle(), makeMultiple({ maxChoices: 1 }), makeMultiple({ maxChoices: 3 }), makeMultiple({ maxChoices: 4 })];

  it('accepts exactly the lists that are 1..max distinct known ids, and returns their canonical form', () => {
    const caseArb = fc.constantFrom(...defs).chain((def) => {
      const ids = pollOptions(def).map((o) => o.id);
      const idArb = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.string({ maxLength: 3 }) });
      return fc.tuple(fc.constant(def), fc.array(idArb, { maxLength: maxChoicesOf(def) + 2 }));
    });
    fc.assert(
      fc.property(caseArb, ([def, choice]) => {
        const ids = pollOptions(def).map((o) => o.id);
        const max = maxChoicesOf(def);
        const result = validateBallot(def, choice);
        const expectOk =
          choice.length >= 1 && choice.length <= max && choice.every((c) => ids.includes(c)) && new Set(choice).size === choice.length;
        expect(result.ok).toBe(expectOk);
        if (result.ok) {
          expect(result.choice).toEqual(ids.filter((id) => choice.includes(id)));
          expect(validateBallot(def, result.choice)).toEqual(result); // idempotent
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same answer for any order of the same choices', () => {
    const def = makeMultiple({ maxChoices: 3 });
    const idArb = fc.constantFrom('a', 'b', 'c', 'd', 'x', 'y');
    fc.assert(
      fc.property(
        fc.array(idArb, { maxLength: 5 }).chain((choice) => fc.tuple(fc.constant(choice), fc.shuffledSubarray(choice, { minLength: choice.length }))),
        ([choice, shuffled]) => {
          expect(validateBallot(def, shuffled)).toEqual(validateBallot(def, choice));
        },
      ),
    );
  });
});
