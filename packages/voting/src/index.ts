/**
 * @e-cabinet/voting: pure vote rules shared by server and client. No I/O, no runtime
 * dependencies, plain TypeScript types (the server wraps them in TypeBox schemas).
 *
 * Flow:
 * 1. `validatePollDefinition(def)` when a poll is created: `DefinitionIssue[]` with JSON-Pointer
 *    paths and `DefinitionIssueCode`s; empty means valid.
 * 2. `validateBallot(def, choice)` on every ballot: `{ ok: true, choice }` with the canonical
 *    choice (distinct ids in option order) to store, or `{ ok: false, reason: BallotError }`.
 * 3. `tally(def, ballots)` at close: `counts` for every option, `cast`, and yes/no/abstain for a
 *    motion.
 * 4. `decide(def, tally, { present, members })`: `Outcome` with `passed`, an `OutcomeReason`
 *    (NO_QUORUM, NO_VOTES, TIE, MAJORITY_REACHED, MAJORITY_NOT_REACHED) and the numbers behind
 *    it (base, threshold, quorumNeeded, …); for choice polls also per-option results, `winners`
 *    and `tied`.
 * 5. `explain(outcome, 'vi' | 'en')`: the same as one sentence.
 *
 * Majorities (see `MajorityRule`): `simple` yes > no; `absolute` strictly more than half of the
 * base ("quá nửa"); `twoThirds` at least two-thirds ("ít nhất hai phần ba"); `fraction` with an
 * explicit `atLeast`. Bases (`MajorityBase`): ballots cast (abstentions count), members present,
 * all members. All comparisons are exact integer arithmetic.
 */
export {
  PollKind,
  Secrecy,
  MajorityBase,
  PollLimits,
  YES_NO_ABSTAIN_LABELS,
  YES_NO_ABSTAIN_OPTIONS,
  type MajorityRule,
  type QuorumRule,
  type PollOption,
  type PollRules,
  type YesNoAbstainPoll,
  type SingleChoicePoll,
  type MultipleChoicePoll,
  type ChoicePoll,
  type PollDefinition,
  type Locale,
  type YesNoAbstainId,
} from './types.ts';
export {
  DefinitionIssueCode,
  validatePollDefinition,
  isPollDefinition,
  assertPollDefinition,
  type DefinitionIssue,
} from './validate-definition.ts';
export {
  BallotError,
  validateBallot,
  ballotValidator,
  pollOptions,
  maxChoicesOf,
  type BallotResult,
} from './ballot.ts';
export { tally, type Tally, type MotionTally, type ChoiceTally, type OptionCounts } from './tally.ts';
export { requiredFraction, meetsFraction, minCountFor, type RequiredFraction } from './fraction.ts';
export {
  OutcomeReason,
  decide,
  type VoteContext,
  type Outcome,
  type OutcomeBase,
  type MotionOutcome,
  type ChoiceOutcome,
  type OptionResult,
} from './decide.ts';
export { explain } from './explain.ts';
