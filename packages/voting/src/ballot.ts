import { PollKind, YES_NO_ABSTAIN_OPTIONS, type PollDefinition, type PollOption } from './types.ts';

/**
 * Why a ballot was refused, checked in this order (so the answer does not depend on the order of
 * the choices): `EMPTY` (no choice), `NOT_SINGLE` (more than one choice in a yes/no/abstain or
 * single-choice poll), `TOO_MANY` (more than `maxChoices`), `UNKNOWN_OPTION` (an id that is not
 * an option of the poll), `DUPLICATE` (the same option twice).
 */
export const BallotError = {
  EMPTY: 'EMPTY',
  NOT_SINGLE: 'NOT_SINGLE',
  TOO_MANY: 'TOO_MANY',
  UNKNOWN_OPTION: 'UNKNOWN_OPTION',
  DUPLICATE: 'DUPLICATE',
} as const;
export type BallotError = (typeof BallotError)[keyof typeof BallotError];

/** `choice` is canonical: distinct option ids in the poll's option order. Store and count that. */
export type BallotResult = { ok: true; choice: string[] } | { ok: false; reason: BallotError };

/** The options a ballot chooses from: the fixed yes/no/abstain for a motion, else the poll's own. */
export function pollOptions(def: PollDefinition): readonly PollOption[] {
  return def.kind === PollKind.YES_NO_ABSTAIN ? YES_NO_ABSTAIN_OPTIONS : def.options;
}

/** How many options one ballot may choose. */
export function maxChoicesOf(def: PollDefinition): number {
  return def.kind === PollKind.MULTIPLE ? def.maxChoices : 1;
}

/** A validator bound to one definition, so a tally builds the option index once. */
export function ballotValidator(def: PollDefinition): (choice: readonly string[]) => BallotResult {
  const options = pollOptions(def);
  const index = new Map(options.map((o, i) => [o.id, i]));
  const max = maxChoicesOf(def);
  return (choice) => {
    if (choice.length === 0) return { ok: false, reason: 'EMPTY' };
    // Length before content, so an oversized list is refused without being walked.
    if (choice.length > max) return { ok: false, reason: def.kind === PollKind.MULTIPLE ? 'TOO_MANY' : 'NOT_SINGLE' };
    const positions: number[] = [];
    for (const id of choice) {
      const at = index.get(id);
      if (at === undefined) return { ok: false, reason: 'UNKNOWN_OPTION' };
      positions.push(at);
    }
    if (new Set(positions).size !== positions.length) return { ok: false, reason: 'DUPLICATE' };
    positions.sort((a, b) => a - b);
    return { ok: true, choice: positions.map((at) => options[at]!.id) };
  };
}

/**
 * Checks one ballot against a valid definition (see `validatePollDefinition`): a motion or a
 * single-choice poll takes exactly one option, a multiple-choice poll 1..maxChoices distinct
 * options. On success returns the canonical choice.
 */
export function validateBallot(def: PollDefinition, choice: readonly string[]): BallotResult {
  return ballotValidator(def)(choice);
}
