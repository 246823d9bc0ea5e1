import type { MultipleChoicePoll, PollOption, SingleChoicePoll, YesNoAbstainPoll } from '../types.ts';

// Test factories: a valid poll of each kind, with overrides.

export function makeMotion(o: Partial<YesNoAbstainPoll> = {}): YesNoAbstainPoll {
  return { kind: 'yesNoAbstain', secrecy: 'named', rule: { kind: 'absolute' }, base: 'present', ...o };
}

export const CANDIDATES: readonly PollOption[] = [
  { id: 'a', label: 'Phương án A' },
  { id: 'b', label: 'Phương án B' },
  { id: 'c', label: 'Phương án C' },
  { id: 'd', label: 'Phương án D' },
];

export function makeSingle(o: Partial<SingleChoicePoll> = {}): SingleChoicePoll {
  return { kind: 'single', secrecy: 'secret', rule: { kind: 'simple' }, base: 'cast', options: CANDIDATES, ...o };
}

export function makeMultiple(o: Partial<MultipleChoicePoll> = {}): MultipleChoicePoll {
  return {
    kind: 'multiple',
    secrecy: 'secret',
    rule: { kind: 'simple' },
    base: 'cast',
    options: CANDIDATES,
    maxChoices: 2,
    ...o,
  };
}

/** `{ yes: 2, no: 1 }` → `[['yes'], ['yes'], ['no']]`: one single-choice ballot per vote. */
export function ballotsOf(counts: Record<string, number>): string[][] {
  return Object.entries(counts).flatMap(([id, n]) => Array.from({ length: n }, () => [id]));
}
