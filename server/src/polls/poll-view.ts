import {
  decide,
  explain,
  maxChoicesOf,
  pollOptions,
  tally,
  validatePollDefinition,
  type Outcome,
  type PollDefinition,
} from '@e-cabinet/voting';
import type { LivePollSummary, Poll, PollDefinitionInput, PollOutcome, PollResult, PollVoterChoice } from '@e-cabinet/protocol';
import type { PollDoc } from '../db/collections.ts';
import { AppError } from '../http/app-error.ts';
import { clean } from '../http/text.ts';
import type { Counted } from './ballot-box.ts';

/**
 * A definition received from a client, with labels trimmed and NFC-normalised, checked by
 * `validatePollDefinition`: VALIDATION with `/definition/...` pointers to each issue's code.
 */
export function parseDefinition(input: PollDefinitionInput): PollDefinition {
  const def = {
    kind: input.kind,
    secrecy: input.secrecy,
    rule: input.rule,
    base: input.base,
    quorum: input.quorum ?? null,
    ...(input.options ? { options: input.options.map((o) => ({ id: o.id, label: clean(o.label) })) } : {}),
    ...(input.maxChoices !== undefined ? { maxChoices: input.maxChoices } : {}),
  };
  const issues = validatePollDefinition(def);
  if (issues.length > 0) throw new AppError('VALIDATION', Object.fromEntries(issues.map((i) => [`/definition${i.path}`, i.code])));
  return def as PollDefinition;
}

/** Attendance when a poll closes, as `decide` takes it. */
export interface Attendance {
  present: number;
  members: number;
}

/**
 * The result of a closed poll: the package's tally, outcome and explanation, plus counts in
 * percent. A named poll's list of voters is not part of it (`voters: null`, `voterCount` only):
 * it is read from the ballots when asked for (see `PollResultSchema`).
 */
export function buildResult(def: PollDefinition, counted: Counted, attendance: Attendance): PollResult {
  const t = tally(def, counted.choices);
  const outcome = decide(def, t, attendance);
  const options = pollOptions(def).map((o) => {
    const votes = t.counts[o.id] ?? 0;
    return { id: o.id, label: o.label, votes, percent: t.cast === 0 ? 0 : Math.round((votes * 1000) / t.cast) / 10 };
  });
  return {
    cast: t.cast,
    present: outcome.present,
    members: outcome.members,
    options,
    outcome: toOutcome(outcome),
    explanation: { vi: explain(outcome, 'vi'), en: explain(outcome, 'en') },
    voters: null,
    ...(counted.named ? { voterCount: counted.named.length } : {}),
    bulletin: counted.bulletin,
  };
}

/** Whether a poll's own quorum rule (if any) is met by this attendance. */
export function ownQuorum(def: PollDefinition, attendance: Attendance): { met: boolean; needed: number } {
  const outcome = decide(def, tally(def, []), attendance);
  return { met: outcome.quorumMet, needed: outcome.quorumNeeded };
}

function toOutcome(o: Outcome): PollOutcome {
  const common: PollOutcome = {
    passed: o.passed,
    reason: o.reason,
    rule: o.rule,
    baseKind: o.baseKind,
    base: o.base,
    threshold: o.threshold,
    quorumMet: o.quorumMet,
    quorumNeeded: o.quorumNeeded,
    cast: o.cast,
    present: o.present,
    members: o.members,
  };
  if (o.kind === 'yesNoAbstain') return { ...common, yes: o.yes, no: o.no, abstain: o.abstain };
  return { ...common, seats: o.seats, winners: o.winners, tied: o.tied };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** How many principals have voted and may vote; for a closed poll, as at its close. */
export interface Turnout {
  voted: number;
  eligible: number;
}

export function toPoll(doc: PollDoc, turnout: Turnout): Poll {
  const def = doc.definition;
  return {
    id: doc._id.toHexString(),
    meetingId: doc.meetingId.toHexString(),
    itemId: doc.itemId.toHexString(),
    question: doc.question,
    definition: {
      kind: def.kind,
      secrecy: def.secrecy,
      rule: def.rule,
      base: def.base,
      quorum: def.quorum ?? null,
      ...(def.kind !== 'yesNoAbstain' ? { options: def.options.map((o) => ({ id: o.id, label: o.label })) } : {}),
      ...(def.kind === 'multiple' ? { maxChoices: def.maxChoices } : {}),
    },
    options: pollOptions(def).map((o) => ({ id: o.id, label: o.label })),
    maxChoices: maxChoicesOf(def),
    hideTallyUntilClose: doc.hideTallyUntilClose,
    durationSec: doc.durationSec,
    status: doc.status,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    openedAt: iso(doc.openedAt),
    closesAt: iso(doc.closesAt),
    closedAt: iso(doc.closedAt),
    quorumAtOpen: doc.quorumAtOpen,
    voted: turnout.voted,
    eligible: turnout.eligible,
    result: doc.result && withoutVoters(doc.result),
  };
}

/** A result as everyone receives it; results stored before the list moved out still carry it. */
function withoutVoters(result: PollResult): PollResult {
  if (!result.voters) return result;
  return { ...result, voters: null, voterCount: result.voters.length };
}

/** One poll as asked for by itself: a closed named poll's result with its list of voters. */
export function withVoters(poll: Poll, voters: PollVoterChoice[]): Poll {
  return poll.result ? { ...poll, result: { ...poll.result, voters, voterCount: voters.length } } : poll;
}

export function toSummary(doc: PollDoc): LivePollSummary {
  return {
    id: doc._id.toHexString(),
    itemId: doc.itemId.toHexString(),
    title: doc.question,
    status: doc.status,
    kind: doc.definition.kind,
    secrecy: doc.definition.secrecy,
    hideTallyUntilClose: doc.hideTallyUntilClose,
    openedAt: iso(doc.openedAt),
    closesAt: iso(doc.closesAt),
    closedAt: iso(doc.closedAt),
    outcome: doc.result ? { passed: doc.result.outcome.passed, reason: doc.result.outcome.reason } : null,
  };
}
