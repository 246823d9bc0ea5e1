import { Type, type Static } from 'typebox';
import { DateTimeSchema, IdSchema, LiteralUnion, NonBlank } from './common.ts';

export const MEETING_KINDS = ['regular', 'extraordinary', 'thematic'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Lifecycle in order. Transitions are the only way to change it (see MEETING_TRANSITIONS). */
export const MEETING_STATUSES = ['draft', 'submitted', 'approved', 'published', 'live', 'ended', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Per-meeting roles. Only `member` and `chair` vote; `observer` only reads. */
export const MEETING_ROLES = ['chair', 'secretary', 'member', 'invitee', 'observer'] as const;
export type MeetingRole = (typeof MEETING_ROLES)[number];

export const MEETING_TRANSITIONS = {
  submit: { from: ['draft'], to: 'submitted', by: ['secretary'] },
  approve: { from: ['submitted'], to: 'approved', by: ['chair'] },
  return: { from: ['submitted'], to: 'draft', by: ['chair'] },
  publish: { from: ['approved'], to: 'published', by: ['secretary'] },
  start: { from: ['published'], to: 'live', by: ['chair', 'secretary'] },
  end: { from: ['live'], to: 'ended', by: ['chair'] },
  close: { from: ['ended'], to: 'closed', by: ['secretary'] },
} as const satisfies Record<string, { from: readonly MeetingStatus[]; to: MeetingStatus; by: readonly MeetingRole[] }>;
export type MeetingTransition = keyof typeof MEETING_TRANSITIONS;
export const MEETING_TRANSITION_NAMES = Object.keys(MEETING_TRANSITIONS) as MeetingTransition[];

export const MeetingKindSchema = LiteralUnion(MEETING_KINDS);
export const MeetingStatusSchema = LiteralUnion(MEETING_STATUSES);
export const MeetingRoleSchema = LiteralUnion(MEETING_ROLES);

export const ParticipantInputSchema = Type.Union([
  Type.Object({ userId: IdSchema, role: MeetingRoleSchema }, { additionalProperties: false }),
  Type.Object({ unitId: IdSchema, role: MeetingRoleSchema }, { additionalProperties: false }),
]);
export type ParticipantInput = Static<typeof ParticipantInputSchema>;

export const ParticipantSchema = Type.Object({
  userId: Type.Union([IdSchema, Type.Null()]),
  unitId: Type.Union([IdSchema, Type.Null()]),
  role: MeetingRoleSchema,
  /** Display name of the user or unit. */
  name: Type.String(),
  /** Set when this user attends in place of another participant. */
  substituteFor: Type.Optional(Type.Union([IdSchema, Type.Null()])),
});
export type Participant = Static<typeof ParticipantSchema>;

const UrlSchema = Type.String({ maxLength: 500, pattern: '^https?://\\S+$' });

const meetingFields = {
  title: NonBlank(300),
  kind: MeetingKindSchema,
  startsAt: DateTimeSchema,
  endsAt: DateTimeSchema,
  place: Type.String({ maxLength: 300 }),
  onlineLink: Type.Union([UrlSchema, Type.Null()]),
};

export const CreateMeetingSchema = Type.Object(
  {
    ...meetingFields,
    place: Type.Optional(meetingFields.place),
    onlineLink: Type.Optional(meetingFields.onlineLink),
    participants: Type.Optional(Type.Array(ParticipantInputSchema, { maxItems: 2000 })),
  },
  { additionalProperties: false },
);
export type CreateMeeting = Static<typeof CreateMeetingSchema>;

export const UpdateMeetingSchema = Type.Object(
  {
    title: Type.Optional(meetingFields.title),
    kind: Type.Optional(meetingFields.kind),
    startsAt: Type.Optional(meetingFields.startsAt),
    endsAt: Type.Optional(meetingFields.endsAt),
    place: Type.Optional(meetingFields.place),
    onlineLink: Type.Optional(meetingFields.onlineLink),
    participants: Type.Optional(Type.Array(ParticipantInputSchema, { maxItems: 2000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMeeting = Static<typeof UpdateMeetingSchema>;

export const AgendaItemSchema = Type.Object({
  id: IdSchema,
  meetingId: IdSchema,
  order: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
  presenterId: Type.Union([IdSchema, Type.Null()]),
  presenterName: Type.Union([Type.String(), Type.Null()]),
  durationMinutes: Type.Integer(),
});
export type AgendaItem = Static<typeof AgendaItemSchema>;

export const CreateAgendaItemSchema = Type.Object(
  {
    title: NonBlank(300),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    presenterId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    durationMinutes: Type.Integer({ minimum: 1, maximum: 600 }),
  },
  { additionalProperties: false },
);
export type CreateAgendaItem = Static<typeof CreateAgendaItemSchema>;

export const UpdateAgendaItemSchema = Type.Object(
  {
    title: Type.Optional(NonBlank(300)),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    presenterId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    durationMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 600 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAgendaItem = Static<typeof UpdateAgendaItemSchema>;

/** The full new order of a meeting's items; it must name every item exactly once. */
export const ReorderAgendaSchema = Type.Object({ itemIds: Type.Array(IdSchema, { maxItems: 500 }) }, { additionalProperties: false });
export type ReorderAgenda = Static<typeof ReorderAgendaSchema>;

export const RSVP_RESPONSES = ['attend', 'decline', 'substitute'] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];
export const RsvpSchema = Type.Object(
  { response: LiteralUnion(RSVP_RESPONSES), substituteUserId: Type.Optional(IdSchema), note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type Rsvp = Static<typeof RsvpSchema>;

export const RsvpEntrySchema = Type.Object({
  userId: IdSchema,
  response: LiteralUnion(RSVP_RESPONSES),
  substituteUserId: Type.Union([IdSchema, Type.Null()]),
  note: Type.String(),
  at: DateTimeSchema,
});
export type RsvpEntry = Static<typeof RsvpEntrySchema>;

export const MeetingSummarySchema = Type.Object({
  id: IdSchema,
  title: Type.String(),
  kind: MeetingKindSchema,
  status: MeetingStatusSchema,
  startsAt: DateTimeSchema,
  endsAt: DateTimeSchema,
  place: Type.String(),
  /** The caller's role in this meeting. */
  myRole: MeetingRoleSchema,
});
export type MeetingSummary = Static<typeof MeetingSummarySchema>;

export const MeetingSchema = Type.Object({
  ...MeetingSummarySchema.properties,
  onlineLink: Type.Union([Type.String(), Type.Null()]),
  participants: Type.Array(ParticipantSchema),
  /** The chair's comment when the agenda was returned. */
  returnComment: Type.Union([Type.String(), Type.Null()]),
  createdBy: IdSchema,
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
  publishedAt: Type.Union([DateTimeSchema, Type.Null()]),
  myRsvp: Type.Union([RsvpEntrySchema, Type.Null()]),
  /** Transitions the caller may make now. */
  allowedTransitions: Type.Array(Type.String()),
  /** Whether the caller may edit details, agenda and documents now. */
  canEdit: Type.Boolean(),
});
export type Meeting = Static<typeof MeetingSchema>;

export const MeetingListQuerySchema = Type.Object(
  { scope: Type.Optional(LiteralUnion(['upcoming', 'past', 'all'] as const)) },
  { additionalProperties: false },
);
export const MeetingListSchema = Type.Object({ items: Type.Array(MeetingSummarySchema) });

export const TransitionBodySchema = Type.Object({ comment: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export type TransitionBody = Static<typeof TransitionBodySchema>;
export const TransitionParamsSchema = Type.Object({ id: IdSchema, transition: LiteralUnion(['submit', 'approve', 'return', 'publish', 'start', 'end', 'close'] as const) }, { additionalProperties: false });

export const NotificationSchema = Type.Object({
  id: IdSchema,
  kind: Type.String(),
  meetingId: Type.Union([IdSchema, Type.Null()]),
  /** The follow-up task it is about (task reminders). */
  taskId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
  title: Type.String(),
  createdAt: DateTimeSchema,
  readAt: Type.Union([DateTimeSchema, Type.Null()]),
});
export type Notification = Static<typeof NotificationSchema>;
export const NotificationListSchema = Type.Object({ items: Type.Array(NotificationSchema), unread: Type.Integer() });
