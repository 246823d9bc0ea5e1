import { ObjectId, type Filter } from 'mongodb';
import {
  OPEN_TASK_STATUSES,
  dueSoonLimit,
  parseDeadline,
  vnDayNumber,
  vnEndOfDay,
  type CreateTask,
  type MeetingStatus,
  type Task,
  type TaskCounts,
  type TaskDashboard,
  type TaskDetail,
  type TaskHistoryEntry,
  type TaskListQuery,
  type TaskOverview,
  type TaskStatus,
  type UpdateTask,
} from '@e-cabinet/protocol';
import type { Collections, MeetingDoc, TaskChangeDoc, TaskDoc, TaskResultDoc, UserDoc } from '../db/collections.ts';
import { AppError } from '../http/app-error.ts';
import { clean } from '../http/text.ts';
import type { MeetingAccess } from '../meetings/meetings-service.ts';
import { isOrganiser, roleOf } from '../meetings/participants.ts';
import { TaskStore } from './task-store.ts';

/** Tasks are given from what a meeting concluded: once it is in session or over. */
const TASKABLE: readonly MeetingStatus[] = ['live', 'ended', 'closed'];
const LIST_LIMIT = 2000;
/** Changes only the meeting's organisers may make. */
const MANAGED_FIELDS = ['description', 'deadline', 'priority', 'assigneeUnitId', 'assigneeUserId'] as const;

/** The names an `edited` history entry gives for what changed, from the fields it set. */
const EDIT_FIELDS: readonly (readonly [string, readonly (keyof TaskDoc)[]])[] = [
  ['description', ['description']],
  ['deadline', ['deadline']],
  ['priority', ['priority']],
  ['assignee', ['assigneeUnitId', 'assigneeUserId']],
];

/** How the caller stands to a task: organiser of its meeting, in charge of it, or administrator. */
export interface TaskAccess {
  task: TaskDoc;
  organiser: boolean;
  assignee: boolean;
}

type MeetingRef = Pick<MeetingDoc, '_id' | 'participants' | 'title'>;

export function isAssignee(task: Pick<TaskDoc, 'assigneeUnitId' | 'assigneeUserId'>, user: Pick<UserDoc, '_id' | 'unitId'>): boolean {
  return !!task.assigneeUserId?.equals(user._id) || (!!user.unitId && task.assigneeUnitId.equals(user.unitId));
}

function isOpen(task: Pick<TaskDoc, 'status'>): boolean {
  return OPEN_TASK_STATUSES.includes(task.status);
}

/** Every non-cancelled task falls in exactly one bucket (see `TaskCountsSchema`). */
export function bucketOf(task: Pick<TaskDoc, 'status' | 'deadline' | 'doneAt'>, now: Date): keyof Omit<TaskCounts, 'assigned' | 'onTimeRate'> | null {
  if (task.status === 'cancelled') return null;
  if (task.status === 'done') return task.doneAt && task.doneAt.getTime() <= task.deadline.getTime() ? 'doneOnTime' : 'doneLate';
  return task.deadline.getTime() < now.getTime() ? 'overdue' : 'open';
}

export function emptyCounts(): TaskCounts {
  return { assigned: 0, doneOnTime: 0, doneLate: 0, overdue: 0, open: 0, onTimeRate: null };
}

function withRate(c: TaskCounts): TaskCounts {
  const decided = c.doneOnTime + c.doneLate + c.overdue;
  return { ...c, onTimeRate: decided ? c.doneOnTime / decided : null };
}

export class TasksService {
  readonly store: TaskStore;
  /** The scheduler's and the rules' idea of "now"; tests replace it instead of waiting. */
  clock: () => Date = () => new Date();

  constructor(private readonly c: Collections) {
    this.store = new TaskStore(c);
  }

  now(): Date {
    return this.clock();
  }

  /** The task if the user may see it: organisers of its meeting, its unit and person, admins. */
  async access(id: ObjectId, user: UserDoc): Promise<TaskAccess> {
    const task = await this.store.load(id);
    if (!task) throw new AppError('NOT_FOUND');
    const meeting = await this.c.meetings.findOne({ _id: task.meetingId }, { projection: { participants: 1 } });
    const organiser = !!meeting && isOrganiser(roleOf(meeting.participants, user));
    const assignee = isAssignee(task, user);
    if (!organiser && !assignee && user.role !== 'admin') throw new AppError('NOT_FOUND');
    return { task, organiser, assignee };
  }

  async create(access: MeetingAccess, input: CreateTask, actor: UserDoc): Promise<TaskDoc> {
    const { meeting, role } = access;
    if (!isOrganiser(role)) throw new AppError('FORBIDDEN');
    if (!TASKABLE.includes(meeting.status)) throw new AppError('TASK_MEETING_NOT_STARTED');
    const item = await this.c.agendaItems.findOne({ _id: new ObjectId(input.itemId), meetingId: meeting._id }, { projection: { _id: 1 } });
    if (!item) throw new AppError('VALIDATION', { '/itemId': 'NOT_FOUND' });
    const assignee = await this.resolveAssignee(input.assigneeUnitId, input.assigneeUserId ?? null);
    const now = this.now();
    const task: TaskDoc = {
      _id: new ObjectId(),
      meetingId: meeting._id,
      itemId: item._id,
      conclusionRef: input.conclusionRef ? clean(input.conclusionRef) : null,
      description: clean(input.description),
      ...assignee,
      deadline: this.deadline(input.deadline, now),
      priority: input.priority ?? 'normal',
      status: 'todo',
      progress: 0,
      doneAt: null,
      result: null,
      createdBy: actor._id,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await this.store.insert(task);
    return task;
  }

  /**
   * One change on the version the caller saw. The assignee side reports status, progress and a
   * note; organisers may do that too, and alone change the rest, cancel and reopen.
   */
  async update(access: TaskAccess, input: UpdateTask, actor: UserDoc): Promise<{ task: TaskDoc; change: TaskChangeDoc['set'] }> {
    const { task, organiser, assignee } = access;
    const managed = MANAGED_FIELDS.filter((f) => input[f] !== undefined);
    // A cancelled task stays as it is until an organiser reopens it by giving it a status.
    if (task.status === 'cancelled' && (!organiser || input.status === undefined || input.status === 'cancelled')) throw new AppError(organiser || assignee ? 'TASK_CANCELLED' : 'FORBIDDEN');
    if (!organiser && (!assignee || managed.length || input.status === 'cancelled')) throw new AppError('FORBIDDEN');
    if (input.version !== task.version) throw new AppError('CONFLICT');

    const now = this.now();
    const set: TaskChangeDoc['set'] = { updatedAt: now };
    if (input.description !== undefined) set.description = clean(input.description);
    if (input.priority !== undefined) set.priority = input.priority;
    if (input.deadline !== undefined) set.deadline = this.deadline(input.deadline, now);
    if (input.assigneeUnitId !== undefined || input.assigneeUserId !== undefined) {
      const unitId = input.assigneeUnitId ?? task.assigneeUnitId.toHexString();
      // A new unit without a person named means the whole unit: the old person may not be in it.
      const unitChanged = unitId !== task.assigneeUnitId.toHexString();
      const userId = input.assigneeUserId !== undefined ? input.assigneeUserId : unitChanged ? null : (task.assigneeUserId?.toHexString() ?? null);
      Object.assign(set, await this.resolveAssignee(unitId, userId));
    }
    const progressGiven = input.progress ?? task.progress;
    const status = input.status ?? (task.status === 'todo' && progressGiven > 0 ? 'in_progress' : task.status);
    if (status !== task.status) set.status = status;
    const progress = status === 'done' ? 100 : progressGiven;
    if (progress !== task.progress) set.progress = progress;
    const doneAt = status === 'done' ? (task.status === 'done' ? task.doneAt : now) : null;
    if (doneAt?.getTime() !== task.doneAt?.getTime()) set.doneAt = doneAt;

    const after = await this.store.commit(task, { kind: managed.length ? 'edited' : 'progress', set, note: clean(input.note ?? ''), by: actor._id, at: now });
    if (!after) throw new AppError('CONFLICT');
    return { task: after, change: set };
  }

  /** Records a stored result file; retried on a concurrent change, as it does not depend on it. */
  async attachResult(id: ObjectId, result: TaskResultDoc): Promise<TaskDoc> {
    return this.store.update(id, (task) => {
      if (task.status === 'cancelled') throw new AppError('TASK_CANCELLED');
      return { kind: 'result', set: { result, updatedAt: result.uploadedAt }, note: '', by: result.uploadedBy, at: result.uploadedAt };
    });
  }

  async history(id: ObjectId): Promise<TaskHistoryEntry[]> {
    const changes = await this.store.history(id);
    const names = await this.userNames(changes.map((ch) => ch.by));
    let status: TaskStatus = 'todo';
    let progress = 0;
    // Replayed from the start, so each entry shows the status and progress it left behind.
    return changes.map((ch) => {
      status = ch.set.status ?? status;
      progress = ch.set.progress ?? progress;
      const fields = ch.kind === 'edited' ? EDIT_FIELDS.filter(([, keys]) => keys.some((k) => k in ch.set)).map(([name]) => name) : [];
      return {
        version: ch.version,
        kind: ch.kind,
        at: ch.at.toISOString(),
        byId: ch.by.toHexString(),
        byName: names.get(ch.by.toHexString()) ?? '—',
        status,
        progress,
        note: ch.note,
        fields,
        resultFilename: ch.kind === 'result' ? (ch.set.result?.filename ?? null) : null,
      };
    });
  }

  async detail(access: TaskAccess, user: UserDoc): Promise<TaskDetail> {
    const [task] = await this.toTasks([access.task], user);
    return { task: task!, history: await this.history(access.task._id) };
  }

  /** A meeting's tasks that the caller may see: all of them for its organisers and admins. */
  async forMeeting(access: MeetingAccess, user: UserDoc): Promise<TaskDoc[]> {
    const all = await this.find({ meetingId: access.meeting._id }, { createdAt: 1 });
    return isOrganiser(access.role) || user.role === 'admin' ? all : all.filter((t) => isAssignee(t, user));
  }

  /** Tasks of the caller's unit and those given to the caller by name, soonest deadline first. */
  async mine(user: UserDoc, query: TaskListQuery): Promise<TaskDoc[]> {
    const or: Filter<TaskDoc>[] = [{ assigneeUserId: user._id }];
    if (user.unitId) or.push({ assigneeUnitId: user.unitId });
    const tasks = await this.find({ $or: or, ...this.queryFilter(query) }, { deadline: 1 });
    return tasks.filter((t) => isAssignee(t, user) && this.matches(t, query));
  }

  /** Open tasks of the meetings the caller runs (all meetings for admins): late, and due within days. */
  async overview(user: UserDoc): Promise<{ overdue: TaskDoc[]; dueSoon: TaskDoc[] }> {
    const scope = user.role === 'admin' ? {} : { meetingId: { $in: await this.organisedMeetingIds(user) } };
    const now = this.now();
    const tasks = (await this.find({ ...scope, status: { $in: [...OPEN_TASK_STATUSES] }, deadline: { $lte: dueSoonLimit(now) } }, { deadline: 1 })).filter(isOpen);
    return { overdue: tasks.filter((t) => t.deadline < now), dueSoon: tasks.filter((t) => t.deadline >= now && t.deadline <= dueSoonLimit(now)) };
  }

  /** Counts per assignee unit and overall, over the tasks the caller can see. */
  async dashboard(user: UserDoc, unitId: ObjectId | null): Promise<TaskDashboard> {
    const scope: Filter<TaskDoc> =
      user.role === 'admin'
        ? {}
        : { $or: [{ meetingId: { $in: await this.organisedMeetingIds(user) } }, { assigneeUserId: user._id }, ...(user.unitId ? [{ assigneeUnitId: user.unitId }] : [])] };
    const tasks = await this.find(unitId ? { $and: [scope, { assigneeUnitId: unitId }] } : scope, { deadline: 1 });
    const now = this.now();
    const overall = emptyCounts();
    const perUnit = new Map<string, TaskCounts>();
    for (const task of tasks) {
      const bucket = bucketOf(task, now);
      if (!bucket) continue;
      const key = task.assigneeUnitId.toHexString();
      const unit = perUnit.get(key) ?? emptyCounts();
      perUnit.set(key, unit);
      for (const counts of [overall, unit]) {
        counts.assigned++;
        counts[bucket]++;
      }
    }
    const units = await this.c.units.find({ _id: { $in: [...perUnit.keys()].map((id) => new ObjectId(id)) } }, { projection: { name: 1 } }).toArray();
    const unitName = new Map(units.map((u) => [u._id.toHexString(), u.name]));
    return {
      at: now.toISOString(),
      overall: withRate(overall),
      units: [...perUnit.entries()]
        .map(([id, counts]) => ({ unitId: id, unitName: unitName.get(id) ?? '—', ...withRate(counts) }))
        .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi')),
    };
  }

  /** The wire form, names looked up in bulk. */
  async toTasks(tasks: TaskDoc[], user: UserDoc): Promise<Task[]> {
    if (!tasks.length) return [];
    const ids = (list: (ObjectId | null | undefined)[]) => [...new Map(list.filter((x): x is ObjectId => !!x).map((x) => [x.toHexString(), x])).values()];
    const [meetings, items, units, names] = await Promise.all([
      this.c.meetings.find({ _id: { $in: ids(tasks.map((t) => t.meetingId)) } }, { projection: { title: 1, participants: 1 } }).toArray(),
      this.c.agendaItems.find({ _id: { $in: ids(tasks.map((t) => t.itemId)) } }, { projection: { title: 1 } }).toArray(),
      this.c.units.find({ _id: { $in: ids(tasks.map((t) => t.assigneeUnitId)) } }, { projection: { name: 1 } }).toArray(),
      this.userNames(tasks.flatMap((t) => [t.assigneeUserId, t.createdBy, t.result?.uploadedBy])),
    ]);
    const meetingById = new Map<string, MeetingRef>(meetings.map((m) => [m._id.toHexString(), m]));
    const itemTitle = new Map(items.map((i) => [i._id.toHexString(), i.title]));
    const unitName = new Map(units.map((u) => [u._id.toHexString(), u.name]));
    const now = this.now();
    return tasks.map((t) => {
      const meeting = meetingById.get(t.meetingId.toHexString());
      const organiser = !!meeting && isOrganiser(roleOf(meeting.participants, user));
      const name = (id: ObjectId | null) => (id ? (names.get(id.toHexString()) ?? '—') : null);
      return {
        id: t._id.toHexString(),
        meetingId: t.meetingId.toHexString(),
        meetingTitle: meeting?.title ?? '—',
        itemId: t.itemId.toHexString(),
        itemTitle: itemTitle.get(t.itemId.toHexString()) ?? '—',
        conclusionRef: t.conclusionRef,
        description: t.description,
        assigneeUnitId: t.assigneeUnitId.toHexString(),
        assigneeUnitName: unitName.get(t.assigneeUnitId.toHexString()) ?? '—',
        assigneeUserId: t.assigneeUserId?.toHexString() ?? null,
        assigneeUserName: name(t.assigneeUserId),
        deadline: t.deadline.toISOString(),
        priority: t.priority,
        status: t.status,
        progress: t.progress,
        doneAt: t.doneAt?.toISOString() ?? null,
        onTime: t.status === 'done' ? bucketOf(t, now) === 'doneOnTime' : null,
        overdue: isOpen(t) && t.deadline < now,
        result: t.result
          ? { filename: t.result.filename, contentType: t.result.contentType, size: t.result.size, sha256: t.result.sha256, uploadedBy: t.result.uploadedBy.toHexString(), uploadedByName: name(t.result.uploadedBy) ?? '—', uploadedAt: t.result.uploadedAt.toISOString() }
          : null,
        createdBy: t.createdBy.toHexString(),
        createdByName: name(t.createdBy) ?? '—',
        createdAt: t.createdAt.toISOString(),
        updatedAt: t.updatedAt.toISOString(),
        version: t.version,
        canReport: (organiser || isAssignee(t, user)) && t.status !== 'cancelled',
        canManage: organiser,
      };
    });
  }

  async overviewOut(user: UserDoc): Promise<TaskOverview> {
    const { overdue, dueSoon } = await this.overview(user);
    const all = await this.toTasks([...overdue, ...dueSoon], user);
    return { overdue: all.slice(0, overdue.length), dueSoon: all.slice(overdue.length) };
  }

  private async find(filter: Filter<TaskDoc>, sort: Partial<Record<keyof TaskDoc, 1 | -1>>): Promise<TaskDoc[]> {
    return this.store.current(await this.c.tasks.find(filter, { sort, limit: LIST_LIMIT }).toArray());
  }

  private queryFilter(query: TaskListQuery): Filter<TaskDoc> {
    const now = this.now();
    const filter: Filter<TaskDoc> = {};
    let statuses: TaskStatus[] | null = query.status === undefined ? null : query.status === 'open' ? [...OPEN_TASK_STATUSES] : [query.status];
    // Only an open task can be late or nearly late.
    if (query.due) statuses = (statuses ?? [...OPEN_TASK_STATUSES]).filter((s) => OPEN_TASK_STATUSES.includes(s));
    if (statuses) filter.status = { $in: statuses };
    if (query.due === 'overdue') filter.deadline = { $lt: now };
    if (query.due === 'soon') filter.deadline = { $gte: now, $lte: dueSoonLimit(now) };
    return filter;
  }

  /** The same filter in memory, for tasks a pending change was rolled forward on. */
  private matches(task: TaskDoc, query: TaskListQuery): boolean {
    const now = this.now();
    if (query.status === 'open' && !isOpen(task)) return false;
    if (query.status && query.status !== 'open' && task.status !== query.status) return false;
    if (query.due && !isOpen(task)) return false;
    if (query.due === 'overdue' && !(task.deadline < now)) return false;
    if (query.due === 'soon' && !(task.deadline >= now && task.deadline <= dueSoonLimit(now))) return false;
    return true;
  }

  /** Meetings in which the user is chair or secretary (directly or through their unit). */
  private async organisedMeetingIds(user: UserDoc): Promise<ObjectId[]> {
    const or: Filter<MeetingDoc>[] = [{ 'participants.userId': user._id }];
    if (user.unitId) or.push({ 'participants.unitId': user.unitId });
    const meetings = await this.c.meetings.find({ $or: or }, { projection: { participants: 1 } }).toArray();
    return meetings.filter((m) => isOrganiser(roleOf(m.participants, user))).map((m) => m._id);
  }

  /** An active unit, and optionally an active person in it. */
  private async resolveAssignee(unitId: string, userId: string | null): Promise<Pick<TaskDoc, 'assigneeUnitId' | 'assigneeUserId'>> {
    const unit = await this.c.units.findOne({ _id: new ObjectId(unitId), active: true }, { projection: { _id: 1 } });
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { '/assigneeUnitId': 'UNIT_NOT_FOUND' });
    if (!userId) return { assigneeUnitId: unit._id, assigneeUserId: null };
    const person = await this.c.users.findOne({ _id: new ObjectId(userId), active: true, unitId: unit._id }, { projection: { _id: 1 } });
    if (!person) throw new AppError('TASK_ASSIGNEE_NOT_IN_UNIT', { '/assigneeUserId': 'TASK_ASSIGNEE_NOT_IN_UNIT' });
    return { assigneeUnitId: unit._id, assigneeUserId: person._id };
  }

  /** A deadline from input: a real date, not before today (Vietnam calendar). */
  private deadline(input: string, now: Date): Date {
    const deadline = parseDeadline(input);
    if (!deadline) throw new AppError('VALIDATION', { '/deadline': 'VALIDATION' });
    if (deadline.getTime() <= vnEndOfDay(vnDayNumber(now) - 1).getTime()) throw new AppError('TASK_DEADLINE_PAST', { '/deadline': 'TASK_DEADLINE_PAST' });
    return deadline;
  }

  private async userNames(ids: (ObjectId | null | undefined)[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((x): x is ObjectId => !!x).map((x) => x.toHexString()))].map((x) => new ObjectId(x));
    const users = await this.c.users.find({ _id: { $in: unique } }, { projection: { fullName: 1 } }).toArray();
    return new Map(users.map((u) => [u._id.toHexString(), u.fullName]));
  }
}
