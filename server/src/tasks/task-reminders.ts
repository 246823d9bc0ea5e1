import type { FastifyInstance } from 'fastify';
import { ObjectId } from 'mongodb';
import { OPEN_TASK_STATUSES, rooms, vnDayNumber, vnEndOfDay } from '@e-cabinet/protocol';
import { collections, type NotificationDoc, type TaskDoc, type TaskReminderDoc, type UserDoc } from '../db/collections.ts';
import { isDuplicateKey } from '../http/app-error.ts';
import { toNotification } from '../distribution/distribute.ts';
import { reminderEmail, reminderTitle } from './reminder-message.ts';

export type ReminderKind = TaskReminderDoc['kind'];

/** Reminders before the deadline go out at 08:00 Vietnam time, in working hours, not at midnight. */
const MORNING_MS = 8 * 3600_000;
const DAY_MS = 86400_000;

/**
 * When a deadline's reminders fall due: 08:00 (Vietnam) on the third day and on the day before
 * the deadline's day, and `overdue` as soon as the deadline has passed.
 */
export function reminderTimes(deadline: Date): Record<ReminderKind, Date> {
  const day = vnDayNumber(deadline);
  const morning = (d: number) => new Date(vnEndOfDay(d - 1).getTime() + 1 + MORNING_MS);
  return { due_3d: morning(day - 3), due_1d: morning(day - 1), overdue: new Date(deadline.getTime() + 1) };
}

/**
 * The reminder an open task should have had by `now`, or null. Only the latest stage counts (a
 * missed earlier one is not sent late, next to a newer one), and a reminder timed before the
 * task existed is not sent (the task itself was the news), except `overdue`.
 */
export function dueReminder(task: Pick<TaskDoc, 'deadline' | 'createdAt' | 'status'>, now: Date): ReminderKind | null {
  if (!OPEN_TASK_STATUSES.includes(task.status)) return null;
  const at = reminderTimes(task.deadline);
  if (now >= at.overdue) return 'overdue';
  const kind = now >= at.due_1d ? 'due_1d' : now >= at.due_3d ? 'due_3d' : null;
  return kind && at[kind] >= task.createdAt ? kind : null;
}

/** One reminder per task, deadline and kind: a moved deadline has reminders of its own. */
export function reminderId(task: Pick<TaskDoc, '_id' | 'deadline'>, kind: ReminderKind): string {
  return `${task._id.toHexString()}:${task.deadline.getTime()}:${kind}`;
}

/**
 * Sends task reminders in the app and by email. Each tick works out from the database alone
 * which reminders are due (nothing is kept in memory, so a restart loses nothing), claims each
 * with a unique-index insert (so two ticks, two processes or a restart never send one twice),
 * then stores the notifications (unique dedupe key) and the emails in the durable outbox
 * (unique key): a claim a crash left half-sent is finished by the next tick without duplicates.
 */
export class TaskReminders {
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly app: FastifyInstance) {}

  start(intervalMs: number): void {
    this.stop();
    const run = () => {
      this.tick().catch((err: unknown) => this.app.log.warn({ err }, 'task reminders: tick failed'));
    };
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
    run();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Resolves once the ticks started so far have finished. */
  async idle(): Promise<void> {
    await this.chain.catch(() => {});
  }

  /** Sends what is due now (by `app.tasks.now()`); ticks run one after another. Returns how many reminders it sent. */
  tick(): Promise<number> {
    const run = this.chain.catch(() => {}).then(() => this.runOnce());
    this.chain = run;
    return run;
  }

  private async runOnce(): Promise<number> {
    const c = collections(this.app.db);
    const now = this.app.tasks.now();
    for (const claim of await c.taskReminders.find({ sentAt: null }).toArray()) await this.send(claim, now);

    // Every reminder is due at most four days before its deadline: look no further ahead.
    const candidates = await c.tasks.find({ status: { $in: [...OPEN_TASK_STATUSES] }, deadline: { $lte: new Date(now.getTime() + 4 * DAY_MS) } }).toArray();
    const due = (await this.app.tasks.store.current(candidates)).flatMap((task) => {
      const kind = dueReminder(task, now);
      return kind ? [{ task, kind, id: reminderId(task, kind) }] : [];
    });
    if (!due.length) return 0;
    const done = new Set((await c.taskReminders.find({ _id: { $in: due.map((d) => d.id) } }, { projection: { _id: 1 } }).toArray()).map((r) => r._id));
    let sent = 0;
    for (const { task, kind, id } of due) {
      if (done.has(id)) continue;
      const claim: TaskReminderDoc = { _id: id, taskId: task._id, kind, deadline: task.deadline, claimedAt: now, sentAt: null, recipients: 0 };
      try {
        await c.taskReminders.insertOne(claim);
      } catch (err) {
        if (isDuplicateKey(err)) continue;
        throw err;
      }
      await this.send(claim, now, task);
      sent++;
    }
    return sent;
  }

  /** Notifies and emails the people in charge of one claimed reminder; safe to run again. */
  private async send(claim: TaskReminderDoc, now: Date, loaded?: TaskDoc): Promise<void> {
    const c = collections(this.app.db);
    const task = loaded ?? (await this.app.tasks.store.load(claim.taskId));
    const people = task && OPEN_TASK_STATUSES.includes(task.status) ? await this.recipients(task) : [];
    if (task && people.length) {
      const [meeting, unit] = await Promise.all([
        c.meetings.findOne({ _id: task.meetingId }, { projection: { title: 1 } }),
        c.units.findOne({ _id: task.assigneeUnitId }, { projection: { name: 1 } }),
      ]);
      const url = `${this.app.config.publicUrl}/tasks/${task._id.toHexString()}`;
      for (const user of people) {
        const key = `${claim._id}:${user._id.toHexString()}`;
        const note: NotificationDoc = { _id: new ObjectId(), userId: user._id, kind: `task.${claim.kind}`, meetingId: null, taskId: task._id, title: reminderTitle(claim.kind, task, user.locale), createdAt: new Date(), readAt: null, dedupeKey: `task.reminder:${key}` };
        try {
          await c.notifications.insertOne(note);
          this.app.io.to(rooms.user(user._id.toHexString())).emit('notification:new', toNotification(note));
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
        }
        if (user.email) {
          const mail = reminderEmail({ kind: claim.kind, task, meetingTitle: meeting?.title ?? '', unitName: unit?.name ?? '', recipientName: user.fullName, locale: user.locale, url });
          await this.app.outbox.enqueue(`task-reminder:${key}`, 'email', { to: user.email, ...mail });
        }
      }
      this.app.outbox.kick();
    }
    const marked = await c.taskReminders.updateOne({ _id: claim._id, sentAt: null }, { $set: { sentAt: now, recipients: people.length } });
    if (marked.modifiedCount === 1) {
      await this.app.audit.append({ actorId: null, action: 'task.reminded', target: claim.taskId.toHexString(), data: { kind: claim.kind, deadline: claim.deadline.toISOString(), recipients: people.length } });
    }
  }

  /** The person named, while active; otherwise every active user of the unit in charge. */
  private async recipients(task: TaskDoc): Promise<UserDoc[]> {
    const c = collections(this.app.db);
    if (task.assigneeUserId) {
      const person = await c.users.findOne({ _id: task.assigneeUserId, active: true });
      if (person) return [person];
    }
    return c.users.find({ unitId: task.assigneeUnitId, active: true }).toArray();
  }
}
