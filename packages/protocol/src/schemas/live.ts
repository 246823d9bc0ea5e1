import { Type, type Static } from 'typebox';
import { DateTimeSchema, IdSchema, LiteralUnion } from './common.ts';
import { MeetingRoleSchema, MeetingStatusSchema } from './meetings.ts';
import { POLL_KINDS, POLL_OUTCOME_REASONS, POLL_SECRECIES, POLL_STATUSES } from './polls.ts';

/**
 * The live meeting: current agenda item, attendance, proxies, quorum, speakers (and polls, added
 * by the voting feature). A client gets the whole state from `live:sync` (or
 * `GET /api/meetings/:id/live`) and then applies `live:event` patches in `seq` order.
 */

/** `unknown`: nobody has recorded anything for this delegate yet. */
export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused', 'unknown'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Speaking time when the chair gives the floor without saying how long. */
export const DEFAULT_SPEAKING_SECONDS = 180;

/**
 * Quorum as a fraction of the voting members (chair and members): `strict` means "more than",
 * otherwise "at least". The default is "more than half".
 */
export const QuorumRuleSchema = Type.Object(
  {
    numerator: Type.Integer({ minimum: 1, maximum: 100 }),
    denominator: Type.Integer({ minimum: 1, maximum: 100 }),
    strict: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type QuorumRule = Static<typeof QuorumRuleSchema>;
export const DEFAULT_QUORUM_RULE: QuorumRule = { numerator: 1, denominator: 2, strict: true };

export const QuorumSchema = Type.Object({
  rule: QuorumRuleSchema,
  /** Voting members on the roll. */
  members: Type.Integer(),
  /** Voting members in the room now (checked in and not left). Proxies do not count. */
  present: Type.Integer(),
  required: Type.Integer(),
  met: Type.Boolean(),
});
export type Quorum = Static<typeof QuorumSchema>;

const PersonRefSchema = Type.Object({ userId: IdSchema, name: Type.String() });

export const AttendanceEntrySchema = Type.Object({
  userId: IdSchema,
  name: Type.String(),
  role: MeetingRoleSchema,
  /** Whether this delegate votes (chair or member). */
  votes: Type.Boolean(),
  status: LiteralUnion(ATTENDANCE_STATUSES),
  /** First check-in; kept when the delegate leaves and comes back. */
  checkedInAt: Type.Union([DateTimeSchema, Type.Null()]),
  /** Set when the delegate left before the end; cleared when they check in again. */
  leftAt: Type.Union([DateTimeSchema, Type.Null()]),
  /** Checked in after the scheduled start. */
  late: Type.Boolean(),
  /** The reason given for an absence, if any. */
  note: Type.String(),
  /** The active proxy this delegate gave, and the one they hold. */
  proxyTo: Type.Union([PersonRefSchema, Type.Null()]),
  proxyFrom: Type.Union([PersonRefSchema, Type.Null()]),
});
export type AttendanceEntry = Static<typeof AttendanceEntrySchema>;

export const SpeakerRequestSchema = Type.Object({
  id: IdSchema,
  userId: IdSchema,
  name: Type.String(),
  itemId: IdSchema,
  requestedAt: DateTimeSchema,
});
export type SpeakerRequest = Static<typeof SpeakerRequestSchema>;

/** Who speaks now. Clients count down from `startedAt + durationSec` (correct for clock skew with `serverTime`). */
export const FloorSchema = Type.Object({
  userId: IdSchema,
  name: Type.String(),
  itemId: Type.Union([IdSchema, Type.Null()]),
  startedAt: DateTimeSchema,
  durationSec: Type.Integer(),
});
export type Floor = Static<typeof FloorSchema>;

export const SpeakersSchema = Type.Object({
  /** Requests for the current item, in the order the chair will call them. */
  queue: Type.Array(SpeakerRequestSchema),
  floor: Type.Union([FloorSchema, Type.Null()]),
});
export type Speakers = Static<typeof SpeakersSchema>;

/**
 * A poll as the live state lists it: open and closed polls (drafts are the organisers' own, see
 * `GET /api/meetings/:id/polls`). `title` is the question. It changes only with events (open,
 * close), so a state rebuilt from events equals a fresh one; the running count comes with
 * `poll:progress`, and the full poll (options, counts, result) with `poll:opened` /
 * `poll:result` or from `GET /api/meetings/:id/polls/:pollId`.
 */
export const LivePollSummarySchema = Type.Object({
  id: IdSchema,
  itemId: Type.Union([IdSchema, Type.Null()]),
  title: Type.String(),
  status: LiteralUnion(POLL_STATUSES),
  kind: LiteralUnion(POLL_KINDS),
  secrecy: LiteralUnion(POLL_SECRECIES),
  hideTallyUntilClose: Type.Boolean(),
  openedAt: Type.Union([DateTimeSchema, Type.Null()]),
  closesAt: Type.Union([DateTimeSchema, Type.Null()]),
  closedAt: Type.Union([DateTimeSchema, Type.Null()]),
  /** Once closed. */
  outcome: Type.Union([Type.Object({ passed: Type.Boolean(), reason: LiteralUnion(POLL_OUTCOME_REASONS) }), Type.Null()]),
});
export type LivePollSummary = Static<typeof LivePollSummarySchema>;

export const LiveStateSchema = Type.Object({
  meetingId: IdSchema,
  /** The last live event this state includes; apply only events with a greater `seq`. */
  seq: Type.Integer(),
  status: MeetingStatusSchema,
  currentItemId: Type.Union([IdSchema, Type.Null()]),
  /** Everyone on the roll (every participant but observers), in roll order. */
  attendance: Type.Array(AttendanceEntrySchema),
  quorum: QuorumSchema,
  speakers: SpeakersSchema,
  polls: Type.Array(LivePollSummarySchema),
  /** Milliseconds since the epoch when the state was read, for clock-skew correction. */
  serverTime: Type.Number(),
});
export type LiveState = Static<typeof LiveStateSchema>;

/**
 * A change to the live state, sent to the meeting's room. `seq` grows by one per event and per
 * meeting: a client that holds state at seq N applies N+1, ignores seq ≤ N, and on a gap calls
 * `live:sync`. Every present field replaces that slice: `attendance` and `polls` entries by id,
 * the others whole. Several changes made at once may arrive as one event.
 */
export interface LiveEvent {
  meetingId: string;
  seq: number;
  status?: LiveState['status'];
  currentItemId?: string | null;
  attendance?: AttendanceEntry[];
  quorum?: Quorum;
  speakers?: Speakers;
  polls?: LivePollSummary[];
}

const meetingId = IdSchema;

export const SetCurrentItemSchema = Type.Object({ meetingId, itemId: Type.Union([IdSchema, Type.Null()]) }, { additionalProperties: false });
export type SetCurrentItem = Static<typeof SetCurrentItemSchema>;

/** Without `userId` the caller checks in (or leaves) themself; with it, the secretary records someone. */
export const AttendanceRefSchema = Type.Object({ meetingId, userId: Type.Optional(IdSchema) }, { additionalProperties: false });
export type AttendanceRef = Static<typeof AttendanceRefSchema>;

export const MarkAttendanceSchema = Type.Object(
  { meetingId, userId: IdSchema, status: LiteralUnion(['absent', 'excused'] as const), note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type MarkAttendance = Static<typeof MarkAttendanceSchema>;

/** Without `principalId` the caller gives their own proxy; with it, the secretary records one given on paper. */
export const GrantProxySchema = Type.Object({ meetingId, holderId: IdSchema, principalId: Type.Optional(IdSchema) }, { additionalProperties: false });
export type GrantProxy = Static<typeof GrantProxySchema>;

export const RevokeProxySchema = Type.Object({ meetingId, principalId: Type.Optional(IdSchema) }, { additionalProperties: false });
export type RevokeProxy = Static<typeof RevokeProxySchema>;

export const SetQuorumRuleSchema = Type.Object({ meetingId, rule: QuorumRuleSchema }, { additionalProperties: false });
export type SetQuorumRule = Static<typeof SetQuorumRuleSchema>;

export const SpeakerRequestRefSchema = Type.Object({ meetingId, requestId: IdSchema }, { additionalProperties: false });
export type SpeakerRequestRef = Static<typeof SpeakerRequestRefSchema>;

/** The full new order of the current item's queue; it must name every queued request once. */
export const ReorderSpeakersSchema = Type.Object({ meetingId, requestIds: Type.Array(IdSchema, { maxItems: 1000 }) }, { additionalProperties: false });
export type ReorderSpeakers = Static<typeof ReorderSpeakersSchema>;

export const GiveFloorSchema = Type.Object(
  { meetingId, userId: IdSchema, durationSec: Type.Optional(Type.Integer({ minimum: 10, maximum: 3600 })) },
  { additionalProperties: false },
);
export type GiveFloor = Static<typeof GiveFloorSchema>;
