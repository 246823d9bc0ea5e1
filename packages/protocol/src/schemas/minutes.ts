import { Type, type Static } from 'typebox';
import { DateTimeSchema, IdSchema, LiteralUnion } from './common.ts';
import { MEETING_STATUSES } from './meetings.ts';
import { POLL_KINDS } from './polls.ts';

/**
 * Minutes (biên bản) and conclusions (kết luận) of a meeting.
 *
 * The draft is the collab doc `minutes:<meetingId>` (see `docNames.minutes`), written by the
 * secretary and the chair, read by the other participants. Its layout:
 *
 * - root `Y.Map` {@link MINUTES_ITEMS_KEY} keyed by agenda item id → `Y.Map` with
 *   {@link MINUTES_OPINIONS_KEY} and {@link MINUTES_CONCLUSION_KEY}, both `Y.Text`;
 * - root `Y.Text` {@link MINUTES_CLOSING_NOTE_KEY} (optional): the closing sentence of the minutes.
 *
 * Opinions are plain text, one paragraph a line; a line "Speaker: what was said" names its
 * speaker. Vote results are never typed in: they come from the closed polls of each item.
 *
 * The chair approves the draft: that freezes a numbered version (1, 2, …; a later change makes
 * a new one, the old ones stay as history) and the server generates its minutes and conclusion
 * notice PDFs in the background (`generating` → `ready`, or `failed`). The chair signs the latest
 * ready version (`signed`); closing the meeting needs it signed and sends the result package.
 */
export const MINUTES_ITEMS_KEY = 'items';
export const MINUTES_OPINIONS_KEY = 'opinions';
export const MINUTES_CONCLUSION_KEY = 'conclusion';
export const MINUTES_CLOSING_NOTE_KEY = 'closingNote';

/** Longest text kept per field; longer text in the draft is cut when a version is approved. */
export const MINUTES_TEXT_MAX = 20_000;

export const MINUTES_VERSION_STATUSES = ['generating', 'ready', 'signed', 'failed'] as const;
export type MinutesVersionStatus = (typeof MINUTES_VERSION_STATUSES)[number];

const Sha256Schema = Type.String({ pattern: '^[0-9a-f]{64}$' });
const PersonRefSchema = Type.Object({ id: IdSchema, name: Type.String() });

/** A closed poll of an item as the minutes show it. */
export const MinutesPollSchema = Type.Object({
  pollId: IdSchema,
  question: Type.String(),
  kind: LiteralUnion(POLL_KINDS),
  /** Tán thành / không tán thành / không biểu quyết (for a choice poll: ballots cast, 0, members who did not vote). */
  inFavour: Type.Integer(),
  against: Type.Integer(),
  notVoting: Type.Integer(),
  /** Denominator of the percentages: the members. */
  base: Type.Integer(),
  passed: Type.Boolean(),
  /** The outcome as one Vietnamese sentence (`explain` of `@e-cabinet/voting`). */
  outcome: Type.String(),
});
export type MinutesPoll = Static<typeof MinutesPollSchema>;

export const MinutesItemSchema = Type.Object({
  itemId: IdSchema,
  title: Type.String(),
  presenter: Type.Optional(Type.String()),
  opinions: Type.String(),
  conclusion: Type.String(),
  polls: Type.Array(MinutesPollSchema),
});
export type MinutesItem = Static<typeof MinutesItemSchema>;

export const MinutesDraftSchema = Type.Object({
  items: Type.Array(MinutesItemSchema),
  closingNote: Type.String(),
  /** The draft differs from the latest approved version (or nothing is approved yet and the draft has text). */
  changedSinceApproval: Type.Boolean(),
});
export type MinutesDraft = Static<typeof MinutesDraftSchema>;

export const MinutesFileSchema = Type.Object({ sha256: Sha256Schema, size: Type.Integer() });
export type MinutesFile = Static<typeof MinutesFileSchema>;

export const MinutesSignatureSchema = Type.Object({
  signedAt: DateTimeSchema,
  /** The certificate that signed (the organisation's). */
  signer: Type.Object({ subject: Type.String(), serial: Type.String(), fingerprintSha256: Type.String() }),
  /** The chair who had it signed. */
  signedBy: PersonRefSchema,
  /** SHA-256 of the signed files. */
  minutesSha256: Sha256Schema,
  noticeSha256: Sha256Schema,
});
export type MinutesSignature = Static<typeof MinutesSignatureSchema>;

export const MinutesVersionSchema = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  approvedAt: DateTimeSchema,
  approvedBy: PersonRefSchema,
  /** SHA-256 of the approved content (items, polls, attendance): what approval locked. */
  contentSha256: Sha256Schema,
  /** The unsigned PDFs, once generated. */
  minutesPdf: Type.Union([MinutesFileSchema, Type.Null()]),
  noticePdf: Type.Union([MinutesFileSchema, Type.Null()]),
  signature: Type.Union([MinutesSignatureSchema, Type.Null()]),
  status: LiteralUnion(MINUTES_VERSION_STATUSES),
  /** The approved conclusions per item. */
  items: Type.Array(Type.Object({ itemId: IdSchema, title: Type.String(), conclusion: Type.String() })),
});
export type MinutesVersion = Static<typeof MinutesVersionSchema>;

export const MinutesSchema = Type.Object({
  meetingId: IdSchema,
  status: LiteralUnion(MEETING_STATUSES),
  /** May write the draft (secretary and chair, until the meeting is closed). */
  canEdit: Type.Boolean(),
  /** The chair, while the meeting is live or ended. */
  canApprove: Type.Boolean(),
  /** The chair, when the latest version is ready and not signed. */
  canSign: Type.Boolean(),
  draft: MinutesDraftSchema,
  /** Newest first. */
  versions: Type.Array(MinutesVersionSchema),
});
export type Minutes = Static<typeof MinutesSchema>;

export const MinutesVersionParamsSchema = Type.Object({ id: IdSchema, n: Type.Integer({ minimum: 1, maximum: 100_000 }) }, { additionalProperties: false });
export type MinutesVersionParams = Static<typeof MinutesVersionParamsSchema>;
