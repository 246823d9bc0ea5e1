import type { Collection } from 'mongodb';
import type { Collections, MeetingDoc } from '../db/collections.ts';
import { isDuplicateKey } from '../http/app-error.ts';

/** One committed change of a meeting document, keyed by the sequence number it produced. */
export interface MeetingChangeDoc {
  /** `<meetingId>:<seq>` — the unique key is what makes the change exclusive. */
  _id: string;
  meetingId: MeetingDoc['_id'];
  seq: number;
  set: Partial<Omit<MeetingDoc, '_id' | 'seq'>>;
  at: Date;
}

/**
 * Writes to a meeting go through here. A guarded `findOneAndUpdate` is atomic on MongoDB but not
 * on FerretDB 1.x (measured: of ten racing guarded updates, several report success), and the
 * app must be correct on both. A unique index is atomic on both, so a change first claims the
 * next sequence number by inserting `<meetingId>:<seq+1>`; only the winner applies it. If a
 * process dies between claim and apply, the next reader rolls the claimed change forward.
 * Works across processes; no in-memory lock is involved.
 */
export class MeetingStore {
  private readonly changes: Collection<MeetingChangeDoc>;

  constructor(private readonly c: Collections) {
    this.changes = c.meetings.db.collection<MeetingChangeDoc>('meetingChanges');
  }

  /** The meeting with every claimed change applied. */
  async load(id: MeetingDoc['_id']): Promise<MeetingDoc | null> {
    const meeting = await this.c.meetings.findOne({ _id: id });
    if (!meeting) return null;
    const pending = await this.changes.find({ meetingId: id, seq: { $gt: meeting.seq } }, { sort: { seq: 1 } }).toArray();
    let current = meeting;
    for (const change of pending) {
      if (change.seq !== current.seq + 1) break;
      await this.c.meetings.updateOne({ _id: id, seq: current.seq }, { $set: { ...change.set, seq: change.seq } });
      current = { ...current, ...change.set, seq: change.seq };
    }
    return current;
  }

  /**
   * Applies `set` on top of the version `meeting` was read at. Returns the new document, or
   * null when another change got there first (the caller re-reads and decides again).
   */
  async commit(meeting: MeetingDoc, set: MeetingChangeDoc['set']): Promise<MeetingDoc | null> {
    const seq = meeting.seq + 1;
    try {
      await this.changes.insertOne({ _id: `${meeting._id.toHexString()}:${seq}`, meetingId: meeting._id, seq, set, at: new Date() });
    } catch (err) {
      if (isDuplicateKey(err)) return null;
      throw err;
    }
    await this.c.meetings.updateOne({ _id: meeting._id, seq: meeting.seq }, { $set: { ...set, seq } });
    return { ...meeting, ...set, seq };
  }

  /**
   * Re-reads and retries until the change commits. For changes that do not depend on what
   * others did meanwhile; `decide` may throw to refuse on the fresh state.
   */
  async update(id: MeetingDoc['_id'], decide: (meeting: MeetingDoc) => MeetingChangeDoc['set'] | Promise<MeetingChangeDoc['set']>): Promise<MeetingDoc | null> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const meeting = await this.load(id);
      if (!meeting) return null;
      const committed = await this.commit(meeting, await decide(meeting));
      if (committed) return committed;
    }
    throw new Error(`meeting ${id.toHexString()}: too much contention`);
  }

  async insert(meeting: MeetingDoc): Promise<void> {
    await this.c.meetings.insertOne(meeting);
  }
}
