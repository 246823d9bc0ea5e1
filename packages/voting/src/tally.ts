import { ballotValidator, pollOptions } from './ballot.ts';
import { PollKind, type ChoicePoll, type PollDefinition, type YesNoAbstainPoll } from './types.ts';
import { assertPollDefinition } from './validate-definition.ts';

/** Votes per option id, every option present (zeros included). */
export type OptionCounts = Record<string, number>;

export interface MotionTally {
  kind: typeof PollKind.YES_NO_ABSTAIN;
  /** Number of ballots. */
  cast: number;
  counts: OptionCounts;
  yes: number;
  no: number;
  abstain: number;
}

export interface ChoiceTally {
  kind: typeof PollKind.SINGLE | typeof PollKind.MULTIPLE;
  /** Number of ballots; in a multiple-choice poll the counts add up to between cast and cast × maxChoices. */
  cast: number;
  counts: OptionCounts;
}

export type Tally = MotionTally | ChoiceTally;

/**
 * Counts ballots (each a list of option ids, in any order). Throws a RangeError if the definition
 * is invalid or any ballot fails `validateBallot`: ballots are validated when cast, so a bad one
 * here is corrupt data, and a count that quietly skipped it would be wrong.
 */
export function tally(def: YesNoAbstainPoll, ballots: Iterable<readonly string[]>): MotionTally;
export function tally(def: ChoicePoll, ballots: Iterable<readonly string[]>): ChoiceTally;
export function tally(def: PollDefinition, ballots: Iterable<readonly string[]>): Tally;
export function tally(def: PollDefinition, ballots: Iterable<readonly string[]>): Tally {
  assertPollDefinition(def);
  const validate = ballotValidator(def);
  const counts: OptionCounts = Object.fromEntries(pollOptions(def).map((o) => [o.id, 0]));
  let cast = 0;
  for (const ballot of ballots) {
    const result = validate(ballot);
    if (!result.ok) throw new RangeError(`tally: ballot ${cast} is invalid (${result.reason})`);
    for (const id of result.choice) counts[id]! += 1;
    cast += 1;
  }
  if (def.kind === PollKind.YES_NO_ABSTAIN) {
    return { kind: def.kind, cast, counts, yes: counts.yes!, no: counts.no!, abstain: counts.abstain! };
  }
  return { kind: def.kind, cast, counts };
}
