import { Type, type Static } from 'typebox';
import type { ErrorCode } from '../errors.ts';
import { DateTimeSchema, IdSchema, LiteralUnion, NonBlank } from './common.ts';

/**
 * Polls (biểu quyết) on an agenda item. The rules themselves (kinds, majorities, quorum, tally,
 * outcome) live in `@e-cabinet/voting`; these schemas carry them over the wire. The server runs
 * `validatePollDefinition` on every definition it receives, so a definition that passes the
 * schema can still be refused with VALIDATION (fields name the JSON pointer and the issue code).
 *
 * Lifecycle: `draft` (prepared by the chair or secretary, editable, visible to them only) →
 * `open` (the chair opens it; needs quorum unless overridden) → `closed` (the chair or the timer
 * closes it; the result is stored and sent to everyone).
 */

export const POLL_KINDS = ['yesNoAbstain', 'single', 'multiple'] as const;
export type PollKindName = (typeof POLL_KINDS)[number];
export const POLL_SECRECIES = ['named', 'secret'] as const;
export type PollSecrecy = (typeof POLL_SECRECIES)[number];
export const POLL_MAJORITY_BASES = ['cast', 'present', 'members'] as const;
export const POLL_STATUSES = ['draft', 'open', 'closed'] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];
export const POLL_OUTCOME_REASONS = ['NO_QUORUM', 'NO_VOTES', 'TIE', 'MAJORITY_REACHED', 'MAJORITY_NOT_REACHED'] as const;
export type PollOutcomeReason = (typeof POLL_OUTCOME_REASONS)[number];
/** Why a ballot was refused (`BALLOT_INVALID`), as `validateBallot` of `@e-cabinet/voting` says. */
export const BALLOT_REFUSALS = ['EMPTY', 'NOT_SINGLE', 'TOO_MANY', 'UNKNOWN_OPTION', 'DUPLICATE'] as const;
export type BallotRefusal = (typeof BALLOT_REFUSALS)[number];

/** Poll timer bounds, in seconds. */
export const POLL_DURATION = { min: 10, max: 86_400 } as const;

const fractionTerm = Type.Integer({ minimum: 1, maximum: 100 });

export const MajorityRuleSchema = Type.Union([
  Type.Object({ kind: Type.Literal('simple') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('absolute') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('twoThirds') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('fraction'), numerator: fractionTerm, denominator: fractionTerm, atLeast: Type.Boolean() }, { additionalProperties: false }),
]);
export type MajorityRuleInput = Static<typeof MajorityRuleSchema>;

/** A poll's own attendance requirement (on top of the meeting's quorum, checked when it opens). */
export const PollQuorumRuleSchema = Type.Union([
  Type.Object({ kind: Type.Literal('fractionOfMembers'), numerator: fractionTerm, denominator: fractionTerm, atLeast: Type.Boolean() }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('minPresent'), count: Type.Integer({ minimum: 1, maximum: 100_000 }) }, { additionalProperties: false }),
]);
export type PollQuorumRule = Static<typeof PollQuorumRuleSchema>;

export const PollOptionSchema = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }), label: NonBlank(500) },
  { additionalProperties: false },
);
export type PollOptionInput = Static<typeof PollOptionSchema>;

/**
 * What `@e-cabinet/voting` calls a `PollDefinition`. A `yesNoAbstain` poll has no `options`
 * (they are always yes / no / abstain); `maxChoices` only for `multiple`.
 */
export const PollDefinitionSchema = Type.Object(
  {
    kind: LiteralUnion(POLL_KINDS),
    secrecy: LiteralUnion(POLL_SECRECIES),
    rule: MajorityRuleSchema,
    base: LiteralUnion(POLL_MAJORITY_BASES),
    quorum: Type.Optional(Type.Union([PollQuorumRuleSchema, Type.Null()])),
    options: Type.Optional(Type.Array(PollOptionSchema, { maxItems: 50 })),
    maxChoices: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);
export type PollDefinitionInput = Static<typeof PollDefinitionSchema>;

const durationSec = Type.Union([Type.Integer({ minimum: POLL_DURATION.min, maximum: POLL_DURATION.max }), Type.Null()], {
  description: 'Closes the poll automatically this many seconds after it opens; null: the chair closes it',
});

export const CreatePollSchema = Type.Object(
  {
    itemId: IdSchema,
    question: NonBlank(1000),
    definition: PollDefinitionSchema,
    /** While open, the chair and secretary see the running tally unless this is set. */
    hideTallyUntilClose: Type.Optional(Type.Boolean()),
    durationSec: Type.Optional(durationSec),
  },
  { additionalProperties: false },
);
export type CreatePoll = Static<typeof CreatePollSchema>;

/** Only while the poll is a draft. */
export const UpdatePollSchema = Type.Object(
  {
    itemId: Type.Optional(IdSchema),
    question: Type.Optional(NonBlank(1000)),
    definition: Type.Optional(PollDefinitionSchema),
    hideTallyUntilClose: Type.Optional(Type.Boolean()),
    durationSec: Type.Optional(durationSec),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdatePoll = Static<typeof UpdatePollSchema>;

export const PollParamsSchema = Type.Object({ id: IdSchema, pollId: IdSchema }, { additionalProperties: false });
export type PollParams = Static<typeof PollParamsSchema>;

/** Attendance when the poll opened; `overridden`: opened without quorum on the chair's say-so. */
export const PollQuorumAtOpenSchema = Type.Object({
  present: Type.Integer(),
  members: Type.Integer(),
  required: Type.Integer(),
  met: Type.Boolean(),
  overridden: Type.Boolean(),
});
export type PollQuorumAtOpen = Static<typeof PollQuorumAtOpenSchema>;

/** `decide()`'s outcome: the verdict and the numbers behind it. */
export const PollOutcomeSchema = Type.Object({
  passed: Type.Boolean(),
  reason: LiteralUnion(POLL_OUTCOME_REASONS),
  rule: MajorityRuleSchema,
  baseKind: LiteralUnion(POLL_MAJORITY_BASES),
  base: Type.Integer(),
  threshold: Type.Integer(),
  quorumMet: Type.Boolean(),
  quorumNeeded: Type.Integer(),
  cast: Type.Integer(),
  present: Type.Integer(),
  members: Type.Integer(),
  /** Motions only. */
  yes: Type.Optional(Type.Integer()),
  no: Type.Optional(Type.Integer()),
  abstain: Type.Optional(Type.Integer()),
  /** Choice polls only: places to fill, winners (most votes first), options tied for the last place. */
  seats: Type.Optional(Type.Integer()),
  winners: Type.Optional(Type.Array(Type.String())),
  tied: Type.Optional(Type.Array(Type.String())),
});
export type PollOutcome = Static<typeof PollOutcomeSchema>;

export const PollOptionResultSchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  votes: Type.Integer(),
  /** Of the ballots cast, 0–100 with one decimal (0 when nobody voted). */
  percent: Type.Number(),
});
export type PollOptionResult = Static<typeof PollOptionResultSchema>;

/** Named polls: who voted what (a proxy holder's ballot names both people). */
export const PollVoterChoiceSchema = Type.Object({
  principalId: IdSchema,
  principalName: Type.String(),
  voterId: IdSchema,
  voterName: Type.String(),
  viaProxy: Type.Boolean(),
  choice: Type.Array(Type.String()),
});
export type PollVoterChoice = Static<typeof PollVoterChoiceSchema>;

/** Secret polls: every counted ballot by its receipt code, sorted by receipt. */
export const BulletinEntrySchema = Type.Object({ receipt: Type.String(), choice: Type.Array(Type.String()) });
export type BulletinEntry = Static<typeof BulletinEntrySchema>;

export const PollResultSchema = Type.Object({
  /** Ballots counted. */
  cast: Type.Integer(),
  /** Voting members present and on the roll when the poll closed. */
  present: Type.Integer(),
  members: Type.Integer(),
  /** Every option in ballot order. */
  options: Type.Array(PollOptionResultSchema),
  outcome: PollOutcomeSchema,
  /** The outcome as one sentence (`explain` of `@e-cabinet/voting`). */
  explanation: Type.Object({ vi: Type.String(), en: Type.String() }),
  /**
   * Named polls, sorted by principal name, only where one poll is asked for: the poll's detail
   * (`GET …/polls/:pollId`) and its list of voters (`GET …/polls/:pollId/voters`). Null in
   * `poll:result`, in the ack of `poll:close` and in lists, which every client receives: the list
   * grows with the meeting (about 100 KB at 500 delegates), so it is fetched when it is shown.
   * Always null for secret polls.
   */
  voters: Type.Union([Type.Array(PollVoterChoiceSchema), Type.Null()]),
  /** Named polls: how many entries the list of voters has (one per ballot). Absent for secret polls. */
  voterCount: Type.Optional(Type.Integer()),
  /** Secret polls; null for named polls. */
  bulletin: Type.Union([Type.Array(BulletinEntrySchema), Type.Null()]),
});
export type PollResult = Static<typeof PollResultSchema>;

/** `GET /api/meetings/:id/polls/:pollId/voters`: who voted what in a closed named poll. */
export const PollVotersSchema = Type.Object({
  pollId: IdSchema,
  /** Sorted by principal name (Vietnamese collation). */
  voters: Type.Array(PollVoterChoiceSchema),
});
export type PollVoters = Static<typeof PollVotersSchema>;

export const PollSchema = Type.Object({
  id: IdSchema,
  meetingId: IdSchema,
  itemId: IdSchema,
  question: Type.String(),
  definition: PollDefinitionSchema,
  /** What a ballot chooses from, in ballot order (for `yesNoAbstain`: yes, no, abstain). */
  options: Type.Array(PollOptionSchema),
  /** How many options one ballot may choose. */
  maxChoices: Type.Integer(),
  hideTallyUntilClose: Type.Boolean(),
  durationSec: Type.Union([Type.Integer(), Type.Null()]),
  status: LiteralUnion(POLL_STATUSES),
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
  openedAt: Type.Union([DateTimeSchema, Type.Null()]),
  /** When the timer closes it; clients count down with `serverTime` of the live state. */
  closesAt: Type.Union([DateTimeSchema, Type.Null()]),
  closedAt: Type.Union([DateTimeSchema, Type.Null()]),
  quorumAtOpen: Type.Union([PollQuorumAtOpenSchema, Type.Null()]),
  /** Principals who have voted, and how many may (present voting members and proxies, plus anyone who voted and left). */
  voted: Type.Integer(),
  eligible: Type.Integer(),
  result: Type.Union([PollResultSchema, Type.Null()]),
});
export type Poll = Static<typeof PollSchema>;

/**
 * One vote the caller may cast or has cast in this poll: their own and one per proxy held.
 * `choice` only for named polls; in a secret poll nobody, the voter included, can read it back
 * from the server (the voter checks their receipt in the bulletin instead).
 */
export const MyBallotSchema = Type.Object({
  principalId: IdSchema,
  principalName: Type.String(),
  viaProxy: Type.Boolean(),
  voted: Type.Boolean(),
  choice: Type.Union([Type.Array(Type.String()), Type.Null()]),
});
export type MyBallot = Static<typeof MyBallotSchema>;

export const PollDetailSchema = Type.Object({ ...PollSchema.properties, myBallots: Type.Array(MyBallotSchema) });
export type PollDetail = Static<typeof PollDetailSchema>;

export const PollListSchema = Type.Object({ polls: Type.Array(PollSchema) });
export type PollList = Static<typeof PollListSchema>;

// ---- Socket commands -------------------------------------------------------------------------

export const PollRefSchema = Type.Object({ pollId: IdSchema }, { additionalProperties: false });
export type PollRef = Static<typeof PollRefSchema>;

/** The chair opens a draft; `override` opens it without quorum (audited); `durationSec` replaces the draft's timer. */
export const OpenPollSchema = Type.Object(
  { pollId: IdSchema, override: Type.Optional(Type.Boolean()), durationSec: Type.Optional(durationSec) },
  { additionalProperties: false },
);
export type OpenPoll = Static<typeof OpenPollSchema>;

/**
 * An idempotency key for one ballot: 128 random bits or more, base64url without padding
 * (16 bytes → 22 characters). The client makes one per (poll, principal), keeps it (e.g. in
 * sessionStorage) and sends the same one on every retry of that ballot.
 */
export const BallotKeySchema = Type.String({ minLength: 22, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

/** `onBehalfOf`: the principal whose proxy the caller holds; absent for the caller's own vote. */
export const CastBallotSchema = Type.Object(
  {
    pollId: IdSchema,
    choice: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 }),
    onBehalfOf: Type.Optional(IdSchema),
    ballotKey: BallotKeySchema,
  },
  { additionalProperties: false },
);
export type CastBallot = Static<typeof CastBallotSchema>;

/**
 * A stored ballot. `choice` is canonical (option order). `receipt` (secret polls only) is the
 * code to look for in the bulletin: Crockford base32 of the first 50 bits of
 * SHA-256(UTF-8 "r|" + ballotKey), 10 characters. `retry`: this key's ballot was already stored
 * and this answer repeats it.
 */
export interface BallotAccepted {
  pollId: string;
  principalId: string;
  choice: string[];
  receipt: string | null;
  retry: boolean;
}

/**
 * A refused ballot. With BALLOT_INVALID, `reason` says why; with ALREADY_VOTED, `ballot` is the
 * true state: the stored choice in a named poll, null in a secret poll.
 */
export interface BallotRefused {
  ok: false;
  code: ErrorCode;
  message: string;
  reason?: BallotRefusal;
  ballot?: { principalId: string; choice: string[] | null };
}
export type BallotAck = ({ ok: true } & BallotAccepted) | BallotRefused;

// ---- Server events ---------------------------------------------------------------------------

/** To the meeting's room when a poll opens: everything a client needs to show the ballot. */
export interface PollOpenedPayload {
  meetingId: string;
  poll: Poll;
}

/** To the meeting's room, at most every ~250 ms while votes come in. `voted` never decreases. */
export interface PollProgressPayload {
  meetingId: string;
  pollId: string;
  voted: number;
  eligible: number;
}

/** To the chair's and secretary's user rooms with the progress, unless the poll hides its tally. */
export interface PollTallyPayload {
  meetingId: string;
  pollId: string;
  cast: number;
  counts: Record<string, number>;
}

/**
 * To the meeting's room when a poll closes: the poll with its result (counts, percentages,
 * outcome; a named poll's `voterCount` but not its `voters`, see `PollResultSchema`).
 */
export interface PollResultPayload {
  meetingId: string;
  poll: Poll;
}
