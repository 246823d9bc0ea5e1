import { Type, type Static } from 'typebox';
import { DateTimeSchema, IdSchema, LiteralUnion, NonBlank } from './common.ts';
import { TASK_PRIORITIES } from './delivery.ts';

/**
 * Follow-up tasks (nhiệm vụ) given from a meeting's conclusions to a unit, optionally to one
 * person in it. Deadlines are instants; a deadline given as a bare date means the end of that
 * day in Vietnam (23:59:59.999 Asia/Ho_Chi_Minh, UTC+7 all year, no daylight saving).
 */

/** `todo` and `in_progress` are open; `done` and `cancelled` are final (an organiser may reopen). */
export const TASK_STATUSES = ['todo', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['todo', 'in_progress'];

/** "Due soon": the deadline falls on today or one of the next this-many days (Vietnam calendar). */
export const TASK_DUE_SOON_DAYS = 3;

const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86400_000;

/** The day number (days since 1970-01-01) of an instant on the Vietnamese calendar. */
export function vnDayNumber(at: Date): number {
  return Math.floor((at.getTime() + VN_OFFSET_MS) / DAY_MS);
}

/** The last millisecond of a Vietnamese calendar day (by day number). */
export function vnEndOfDay(day: number): Date {
  return new Date((day + 1) * DAY_MS - VN_OFFSET_MS - 1);
}

/** `YYYY-MM-DD` of an instant on the Vietnamese calendar (for date inputs and day keys). */
export function vnDate(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * A deadline as written by a person: `YYYY-MM-DD` is the end of that day in Vietnam; a full
 * ISO date-time is taken as it is. Null when it is not a real date (2026-02-30, garbage).
 */
export function parseDeadline(input: string): Date | null {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const utc = Date.UTC(y, m - 1, d);
    const check = new Date(utc);
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
    return vnEndOfDay(utc / DAY_MS);
  }
  if (!DEADLINE_PATTERN_RE.test(input)) return null;
  const at = new Date(input);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The latest deadline that still counts as "due soon" at `now`. */
export function dueSoonLimit(now: Date): Date {
  return vnEndOfDay(vnDayNumber(now) + TASK_DUE_SOON_DAYS);
}

const DEADLINE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2}))?$';
const DEADLINE_PATTERN_RE = new RegExp(DEADLINE_PATTERN);
/** `YYYY-MM-DD` (end of that day in Vietnam) or an ISO date-time with a zone. */
export const DeadlineInputSchema = Type.String({ pattern: DEADLINE_PATTERN, maxLength: 40, description: 'YYYY-MM-DD (end of that day, Asia/Ho_Chi_Minh) or an ISO date-time' });

export const TaskPrioritySchema = LiteralUnion(TASK_PRIORITIES);
export const TaskStatusSchema = LiteralUnion(TASK_STATUSES);

/** A free reference to the conclusion a task came from, until conclusions have ids of their own. */
const ConclusionRefSchema = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

export const CreateTaskSchema = Type.Object(
  {
    itemId: IdSchema,
    conclusionRef: Type.Optional(Type.Union([ConclusionRefSchema, Type.Null()])),
    description: NonBlank(2000),
    assigneeUnitId: IdSchema,
    /** A person in that unit; without one the whole unit is in charge. */
    assigneeUserId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    deadline: DeadlineInputSchema,
    priority: Type.Optional(TaskPrioritySchema),
  },
  { additionalProperties: false },
);
export type CreateTask = Static<typeof CreateTaskSchema>;

/**
 * One change to a task, made on the version the caller saw (`version`; a stale one is refused
 * with CONFLICT). The assignee side sends `status` / `progress` / `note`; the meeting's
 * organisers may also change what was asked, of whom and by when, and cancel or reopen.
 */
export const UpdateTaskSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    status: Type.Optional(TaskStatusSchema),
    progress: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    description: Type.Optional(NonBlank(2000)),
    deadline: Type.Optional(DeadlineInputSchema),
    priority: Type.Optional(TaskPrioritySchema),
    assigneeUnitId: Type.Optional(IdSchema),
    assigneeUserId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 2 },
);
export type UpdateTask = Static<typeof UpdateTaskSchema>;

export const TaskResultSchema = Type.Object({
  filename: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedBy: IdSchema,
  uploadedByName: Type.String(),
  uploadedAt: DateTimeSchema,
});
export type TaskResult = Static<typeof TaskResultSchema>;

export const TaskSchema = Type.Object({
  id: IdSchema,
  meetingId: IdSchema,
  meetingTitle: Type.String(),
  itemId: IdSchema,
  itemTitle: Type.String(),
  conclusionRef: Type.Union([Type.String(), Type.Null()]),
  description: Type.String(),
  assigneeUnitId: IdSchema,
  assigneeUnitName: Type.String(),
  assigneeUserId: Type.Union([IdSchema, Type.Null()]),
  assigneeUserName: Type.Union([Type.String(), Type.Null()]),
  deadline: DateTimeSchema,
  priority: TaskPrioritySchema,
  status: TaskStatusSchema,
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  doneAt: Type.Union([DateTimeSchema, Type.Null()]),
  /** Done by the deadline (null while not done). */
  onTime: Type.Union([Type.Boolean(), Type.Null()]),
  /** Open and past its deadline, at the time of the answer. */
  overdue: Type.Boolean(),
  result: Type.Union([TaskResultSchema, Type.Null()]),
  createdBy: IdSchema,
  createdByName: Type.String(),
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
  /** Send it back with the next change. */
  version: Type.Integer({ minimum: 1 }),
  /** What the caller may do: report progress (the assignee side), change or cancel (organisers). */
  canReport: Type.Boolean(),
  canManage: Type.Boolean(),
});
export type Task = Static<typeof TaskSchema>;
export const TaskListSchema = Type.Object({ items: Type.Array(TaskSchema) });
export type TaskList = Static<typeof TaskListSchema>;

export const TASK_HISTORY_KINDS = ['created', 'progress', 'edited', 'result'] as const;
export type TaskHistoryKind = (typeof TASK_HISTORY_KINDS)[number];

export const TaskHistoryEntrySchema = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  kind: LiteralUnion(TASK_HISTORY_KINDS),
  at: DateTimeSchema,
  byId: IdSchema,
  byName: Type.String(),
  /** Status and progress after this change. */
  status: TaskStatusSchema,
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  note: Type.String(),
  /** For `edited`: which of description, deadline, priority, assignee changed. */
  fields: Type.Array(Type.String()),
  /** For `result`: the file's name. */
  resultFilename: Type.Union([Type.String(), Type.Null()]),
});
export type TaskHistoryEntry = Static<typeof TaskHistoryEntrySchema>;

export const TaskDetailSchema = Type.Object({ task: TaskSchema, history: Type.Array(TaskHistoryEntrySchema) });
export type TaskDetail = Static<typeof TaskDetailSchema>;

/** `open` is todo + in progress; `due=overdue|soon` narrows to open tasks by deadline. */
export const TASK_STATUS_FILTERS = ['open', ...TASK_STATUSES] as const;
export type TaskStatusFilter = (typeof TASK_STATUS_FILTERS)[number];
export const TASK_DUE_FILTERS = ['overdue', 'soon'] as const;
export type TaskDueFilter = (typeof TASK_DUE_FILTERS)[number];

export const TaskListQuerySchema = Type.Object(
  {
    status: Type.Optional(LiteralUnion(TASK_STATUS_FILTERS)),
    due: Type.Optional(LiteralUnion(TASK_DUE_FILTERS)),
  },
  { additionalProperties: false },
);
export type TaskListQuery = Static<typeof TaskListQuerySchema>;

/** For chairs and secretaries: open tasks of the meetings they run that are late or nearly so. */
export const TaskOverviewSchema = Type.Object({
  overdue: Type.Array(TaskSchema),
  dueSoon: Type.Array(TaskSchema),
});
export type TaskOverview = Static<typeof TaskOverviewSchema>;

/**
 * Counts over tasks that are not cancelled. Every such task is in exactly one of `doneOnTime`,
 * `doneLate`, `overdue` (open, past its deadline) and `open` (open, deadline ahead), so those
 * four add up to `assigned`. `onTimeRate` = doneOnTime / (doneOnTime + doneLate + overdue): the
 * share done on time among tasks whose outcome is already decided (an overdue task can no
 * longer be on time); null when there are none yet.
 */
export const TaskCountsSchema = Type.Object({
  assigned: Type.Integer({ minimum: 0 }),
  doneOnTime: Type.Integer({ minimum: 0 }),
  doneLate: Type.Integer({ minimum: 0 }),
  overdue: Type.Integer({ minimum: 0 }),
  open: Type.Integer({ minimum: 0 }),
  onTimeRate: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
});
export type TaskCounts = Static<typeof TaskCountsSchema>;

export const TaskDashboardQuerySchema = Type.Object({ unitId: Type.Optional(IdSchema) }, { additionalProperties: false });
export type TaskDashboardQuery = Static<typeof TaskDashboardQuerySchema>;

/** Over the tasks the caller can see (administrators: all), per assignee unit and overall. */
export const TaskDashboardSchema = Type.Object({
  at: DateTimeSchema,
  overall: TaskCountsSchema,
  units: Type.Array(Type.Object({ unitId: IdSchema, unitName: Type.String(), ...TaskCountsSchema.properties })),
});
export type TaskDashboard = Static<typeof TaskDashboardSchema>;

/** Query of `POST /api/tasks/:id/result`; the body is the file. */
export const TaskResultUploadQuerySchema = Type.Object({ filename: Type.String({ minLength: 1, maxLength: 255 }) }, { additionalProperties: false });
