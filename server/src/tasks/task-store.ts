import type { ObjectId } from 'mongodb';
import type { Collections, TaskChangeDoc, TaskDoc } from '../db/collections.ts';
import { AppError, isDuplicateKey } from '../http/app-error.ts';

export type TaskChange = Pick<TaskChangeDoc, 'kind' | 'set' | 'note' | 'by' | 'at'>;

/**
 * Every write to a task goes through here, the way `MeetingStore` does it for meetings: guarded
 * updates are not exclusive on FerretDB 1.x, a unique index is. A change first claims the next
 * version by inserting `<taskId>:<version>` into `taskChanges` (append-only, which is also the
 * task's history); only the winner applies it to the task. A change claimed by a process that
 * died before applying it is rolled forward by the next reader.
 */
export class TaskStore {
  constructor(private readonly c: Collections) {}

  /** Stores a new task at version 1, with its `created` history entry. */
  async insert(task: TaskDoc): Promise<void> {
    await this.c.tasks.insertOne(task);
    const { _id, version, ...fields } = task;
    await this.c.taskChanges.insertOne({ _id: `${_id.toHexString()}:${version}`, taskId: _id, version, kind: 'created', set: fields, note: '', by: task.createdBy, at: task.createdAt });
  }

  /** The task with every claimed change applied. */
  async load(id: ObjectId): Promise<TaskDoc | null> {
    const task = await this.c.tasks.findOne({ _id: id });
    return task ? this.rollForward(task) : null;
  }

  /** Brings tasks read in bulk up to date; the pending changes of all of them in one query. */
  async current(tasks: TaskDoc[]): Promise<TaskDoc[]> {
    if (!tasks.length) return tasks;
    const versions = await this.c.taskChanges.find({ taskId: { $in: tasks.map((t) => t._id) } }, { projection: { taskId: 1, version: 1 } }).toArray();
    const latest = new Map<string, number>();
    for (const v of versions) latest.set(v.taskId.toHexString(), Math.max(v.version, latest.get(v.taskId.toHexString()) ?? 0));
    const stale = new Set(tasks.filter((t) => (latest.get(t._id.toHexString()) ?? 0) > t.version).map((t) => t._id.toHexString()));
    if (!stale.size) return tasks;
    return Promise.all(tasks.map((t) => (stale.has(t._id.toHexString()) ? this.rollForward(t) : t)));
  }

  private async rollForward(task: TaskDoc): Promise<TaskDoc> {
    const pending = await this.c.taskChanges.find({ taskId: task._id, version: { $gt: task.version } }, { sort: { version: 1 } }).toArray();
    let current = task;
    for (const change of pending) {
      if (change.version !== current.version + 1) break;
      await this.c.tasks.updateOne({ _id: task._id, version: current.version }, { $set: { ...change.set, version: change.version } });
      current = { ...current, ...change.set, version: change.version };
    }
    return current;
  }

  /**
   * Applies a change on top of the version `task` was read at. Returns the new task, or null
   * when another change took that version first.
   */
  async commit(task: TaskDoc, change: TaskChange): Promise<TaskDoc | null> {
    const version = task.version + 1;
    try {
      await this.c.taskChanges.insertOne({ _id: `${task._id.toHexString()}:${version}`, taskId: task._id, version, ...change });
    } catch (err) {
      if (isDuplicateKey(err)) return null;
      throw err;
    }
    await this.c.tasks.updateOne({ _id: task._id, version: task.version }, { $set: { ...change.set, version } });
    return { ...task, ...change.set, version };
  }

  /**
   * Re-reads and retries until the change commits: for changes that do not depend on what
   * others did meanwhile (a result file). `decide` may throw to refuse on the fresh state.
   */
  async update(id: ObjectId, decide: (task: TaskDoc) => TaskChange): Promise<TaskDoc> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const task = await this.load(id);
      if (!task) throw new AppError('NOT_FOUND');
      const committed = await this.commit(task, decide(task));
      if (committed) return committed;
    }
    throw new AppError('CONFLICT');
  }

  /** The history, oldest first. */
  history(id: ObjectId): Promise<TaskChangeDoc[]> {
    return this.c.taskChanges.find({ taskId: id }, { sort: { version: 1 } }).toArray();
  }
}
