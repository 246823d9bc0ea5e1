import { maxChoicesOf, pollOptions } from './ballot.ts';
import { meetsFraction, minCountFor, requiredFraction, type RequiredFraction } from './fraction.ts';
import type { Tally } from './tally.ts';
import {
  PollKind,
  PollLimits,
  type MajorityBase,
  type MajorityRule,
  type PollDefinition,
  type QuorumRule,
} from './types.ts';
import { assertPollDefinition } from './validate-definition.ts';

/** Attendance when the poll closes. */
export interface VoteContext {
  /** Members present (checked in). Raised to `cast` if lower: whoever voted was present. */
  present: number;
  /** All members of the body. */
  members: number;
}

/** Why a poll passed or failed, checked in this order. */
export const OutcomeReason = {
  /** Too few members present; nothing else is looked at. */
  NO_QUORUM: 'NO_QUORUM',
  /** Quorum met but no ballot was cast. */
  NO_VOTES: 'NO_VOTES',
  /**
   * Motion under `simple`: as many yes as no (0–0 included, e.g. everyone abstained).
   * Choice poll: options with equal votes compete for the last place (see `ChoiceOutcome`).
   */
  TIE: 'TIE',
  MAJORITY_REACHED: 'MAJORITY_REACHED',
  MAJORITY_NOT_REACHED: 'MAJORITY_NOT_REACHED',
} as const;
export type OutcomeReason = (typeof OutcomeReason)[keyof typeof OutcomeReason];

/** The numbers that explain an outcome; every one is an integer. */
export interface OutcomeBase {
  /** True only with reason `MAJORITY_REACHED`. */
  passed: boolean;
  reason: OutcomeReason;
  rule: MajorityRule;
  baseKind: MajorityBase;
  /** Size of the base: ballots cast, members present or all members. */
  base: number;
  /**
   * Fewest votes that pass (a motion's yes) or that elect an option, given these counts: for
   * `simple`, no + 1 on a motion and 1 in a choice poll (plurality); else the rule's share of
   * the base, rounded up to a whole vote, and never below 1.
   */
  threshold: number;
  quorum: QuorumRule | null;
  quorumMet: boolean;
  /** Fewest members present that meet the quorum; 0 without a quorum rule. */
  quorumNeeded: number;
  cast: number;
  /** Effective attendance: max(ctx.present, cast). */
  present: number;
  members: number;
}

export interface MotionOutcome extends OutcomeBase {
  kind: typeof PollKind.YES_NO_ABSTAIN;
  yes: number;
  no: number;
  abstain: number;
}

export interface OptionResult {
  id: string;
  label: string;
  votes: number;
  /** Meets the rule on its own (`votes >= threshold`), before places and ties are considered. */
  qualifies: boolean;
}

/**
 * Outcome of a single- or multiple-choice poll: an election of up to `seats` options (1 for single
 * choice, `maxChoices` for multiple). The options that qualify (under `simple`: every option with
 * a vote; otherwise: votes meeting the rule on the base) are ranked by votes; the top `seats` win.
 * If options with equal votes straddle the last place, those above the tie still win, the tied
 * ones are listed in `tied`, and the reason is `TIE` (the chair revotes between them). `passed`
 * is true when every place that could be filled is filled without a tie and at least one option
 * won. A multiple-choice poll where `maxChoices` equals the number of options is approval voting:
 * give it a rule other than `simple`, or every option with a vote wins.
 */
export interface ChoiceOutcome extends OutcomeBase {
  kind: typeof PollKind.SINGLE | typeof PollKind.MULTIPLE;
  seats: number;
  /** In the poll's option order. */
  options: OptionResult[];
  /** Winning ids, most votes first (option order between equals). Empty unless the reason is `MAJORITY_REACHED` or `TIE`. */
  winners: string[];
  /** Ids tied for the last place(s), in option order; non-empty exactly when the reason is `TIE`. */
  tied: string[];
}

export type Outcome = MotionOutcome | ChoiceOutcome;

const isCount = (x: unknown, max: number): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= max;

function fail(what: string): never {
  throw new RangeError(`decide: ${what}`);
}

// A tally can come from `tally()` or from counters kept by the server; either way it must add up.
function checkTally(def: PollDefinition, t: Tally): number[] {
  if (t.kind !== def.kind) fail(`tally kind ${String(t.kind)} does not match poll kind ${def.kind}`);
  if (!isCount(t.cast, PollLimits.MAX_MEMBERS)) fail('cast is not a count');
  const options = pollOptions(def);
  if (typeof t.counts !== 'object' || t.counts === null || Object.keys(t.counts).length !== options.length) {
    fail('counts do not match the options');
  }
  const votes = options.map((o) => {
    const v = Object.hasOwn(t.counts, o.id) ? t.counts[o.id] : undefined;
    return isCount(v, t.cast) ? v : fail(`count for ${o.id} is not a count within cast`);
  });
  const sum = votes.reduce((a, b) => a + b, 0);
  const max = maxChoicesOf(def);
  if (sum < t.cast || sum > t.cast * max) fail('counts do not add up to the ballots cast');
  if (t.kind === PollKind.YES_NO_ABSTAIN && (t.yes !== votes[0] || t.no !== votes[1] || t.abstain !== votes[2])) {
    fail('yes/no/abstain differ from counts');
  }
  return votes;
}

function checkContext(ctx: VoteContext, cast: number): void {
  if (!isCount(ctx.members, PollLimits.MAX_MEMBERS)) fail('members is not a count');
  if (!isCount(ctx.present, ctx.members)) fail('present is not a count within members');
  if (cast > ctx.members) fail('more ballots than members');
}

function quorumNeeded(quorum: QuorumRule | null, members: number): number {
  if (quorum === null) return 0;
  return quorum.kind === 'minPresent' ? quorum.count : minCountFor(members, quorum);
}

function baseSize(base: MajorityBase, cast: number, present: number, members: number): number {
  return base === 'cast' ? cast : base === 'present' ? present : members;
}

/** The comparison decides; `threshold` is the same test as a count, for people to read. */
function thresholdFor(f: RequiredFraction, base: number): number {
  return Math.max(1, minCountFor(base, f));
}

function qualifies(votes: number, base: number, f: RequiredFraction | null): boolean {
  return votes >= 1 && (f === null || meetsFraction(votes, base, f));
}

/**
 * Decides a closed poll from its tally and attendance. The order is: quorum (`NO_QUORUM`), any
 * ballot at all (`NO_VOTES`), then the rule. A motion passes when
 * - `simple`: yes > no (yes = no is `TIE`);
 * - otherwise: yes / base meets the rule's fraction (`requiredFraction`), compared exactly.
 * Choice polls are elections, see `ChoiceOutcome`.
 *
 * Throws a RangeError on an invalid definition, a tally that does not add up or does not belong
 * to the definition, or attendance that is not 0 ≤ present ≤ members ≤ MAX_MEMBERS with
 * cast ≤ members; those are bugs, not voting results.
 */
export function decide(def: PollDefinition, t: Tally, ctx: VoteContext): Outcome {
  assertPollDefinition(def);
  const votes = checkTally(def, t);
  checkContext(ctx, t.cast);
  const { cast } = t;
  const { members } = ctx;
  const present = Math.max(ctx.present, cast);
  const quorum = def.quorum ?? null;
  const needed = quorumNeeded(quorum, members);
  const quorumMet = present >= needed;
  const base = baseSize(def.base, cast, present, members);
  const f = requiredFraction(def.rule);
  const common = { rule: def.rule, baseKind: def.base, base, quorum, quorumMet, quorumNeeded: needed, cast, present, members };
  const gate = !quorumMet ? OutcomeReason.NO_QUORUM : cast === 0 ? OutcomeReason.NO_VOTES : null;

  if (def.kind === PollKind.YES_NO_ABSTAIN) {
    const [yes = 0, no = 0, abstain = 0] = votes;
    const threshold = f === null ? no + 1 : thresholdFor(f, base);
    const reached = f === null ? yes > no : qualifies(yes, base, f);
    const reason = gate ?? (reached ? 'MAJORITY_REACHED' : f === null && yes === no ? 'TIE' : 'MAJORITY_NOT_REACHED');
    return { kind: def.kind, passed: reason === 'MAJORITY_REACHED', reason, threshold, ...common, yes, no, abstain };
  }

  const seats = maxChoicesOf(def);
  const threshold = f === null ? 1 : thresholdFor(f, base);
  const options = def.options.map((o, i) => {
    const v = votes[i] ?? 0;
    return { id: o.id, label: o.label, votes: v, qualifies: qualifies(v, base, f) };
  });
  let winners: string[] = [];
  let tied: string[] = [];
  if (gate === null) {
    // Array.prototype.sort is stable, so equal votes keep option order.
    const ranked = options.filter((o) => o.qualifies).sort((a, b) => b.votes - a.votes);
    const last = ranked[seats - 1];
    const next = ranked[seats];
    if (last !== undefined && next !== undefined && last.votes === next.votes) {
      winners = ranked.filter((o) => o.votes > last.votes).map((o) => o.id);
      tied = options.filter((o) => o.qualifies && o.votes === last.votes).map((o) => o.id);
    } else {
      winners = ranked.slice(0, seats).map((o) => o.id);
    }
  }
  const reason = gate ?? (tied.length > 0 ? 'TIE' : winners.length > 0 ? 'MAJORITY_REACHED' : 'MAJORITY_NOT_REACHED');
  return { kind: def.kind, passed: reason === 'MAJORITY_REACHED', reason, threshold, ...common, seats, options, winners, tied };
}
