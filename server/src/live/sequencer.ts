import type { Collection, ObjectId } from 'mongodb';
import type { LiveEvent } from '@e-cabinet/protocol';
import type { LiveSeqDoc } from '../db/collections.ts';
import { isDuplicateKey } from '../http/app-error.ts';

/** What changed in a meeting's live state; the event re-reads exactly these slices. */
export interface LiveChange {
  /** Status and current item. */
  meeting?: boolean;
  /** Users whose attendance entries (including proxies) changed. */
  attendance?: readonly ObjectId[];
  quorum?: boolean;
  speakers?: boolean;
  polls?: boolean;
}

export interface PendingChange {
  meeting: boolean;
  attendance: Map<string, ObjectId>;
  quorum: boolean;
  speakers: boolean;
  polls: boolean;
}

interface Queue {
  change: PendingChange | null;
  waiters: ((seq: number | null) => void)[];
}

const MAX_CLAIM_ATTEMPTS = 20;

/**
 * Numbers and sends a meeting's live events.
 *
 * The sequence must be exclusive per meeting even with several server processes, and FerretDB
 * does not make `$inc` or guarded updates exclusive under races; a unique index is. So each event
 * claims `<meetingId>:<seq>` in `liveSeq` by inserting it, at one more than the highest claim
 * known: a duplicate means another process took that number, and the claim moves past it.
 * (With Redis wired in, `INCR` per meeting would replace the claims; nothing else would change.)
 *
 * Within this process, one meeting's events are claimed, built and emitted one at a time, so
 * they leave in `seq` order; changes that arrive meanwhile are merged into the next event
 * (500 check-ins at once make a handful of events, each one insert plus the reads of the
 * changed slices, instead of 500 contending claims). Each event reads its slices after its claim,
 * and every change is stored before it asks to be published, so the event with the highest seq
 * carries the latest state. Across processes events may interleave out of order; a client then
 * sees a gap and resyncs, which is always correct.
 */
export class LiveSequencer {
  private readonly queues = new Map<string, Queue>();
  /** The highest seq this process knows to be claimed, per meeting: where the next probe starts. */
  private readonly tops = new Map<string, number>();

  constructor(
    private readonly seqs: Collection<LiveSeqDoc>,
    private readonly build: (meetingId: ObjectId, seq: number, change: PendingChange) => Promise<LiveEvent>,
    private readonly emit: (event: LiveEvent) => void,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** The highest claimed seq: a state read after this includes every event up to it. */
  async current(meetingId: ObjectId): Promise<number> {
    const key = meetingId.toHexString();
    let top = this.tops.get(key) ?? (await this.search(meetingId));
    // Usually one lookup that finds nothing; more only after another process's events.
    while (await this.isClaimed(meetingId, top + 1)) top++;
    this.tops.set(key, Math.max(top, this.tops.get(key) ?? 0));
    return top;
  }

  private async isClaimed(meetingId: ObjectId, seq: number): Promise<boolean> {
    return (await this.seqs.findOne({ _id: `${meetingId.toHexString()}:${seq}` }, { projection: { _id: 1 } })) !== null;
  }

  /**
   * Claims are always the lowest free number above the highest one seen, so the claimed seqs
   * of a meeting are exactly 1..N, and N is found by lookups on `_id` (doubling, then
   * bisecting). FerretDB sorts without the index, so "sort by seq, take one" would read every
   * claim of the meeting.
   */
  private async search(meetingId: ObjectId): Promise<number> {
    let hi = 1;
    while (await this.isClaimed(meetingId, hi)) hi *= 2;
    let lo = hi === 1 ? 0 : hi / 2;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (await this.isClaimed(meetingId, mid)) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Publishes a stored change. Resolves with the seq of the event that carried it, or null if
   * publishing failed (logged; clients catch up at their next sync or gap).
   */
  publish(meetingId: ObjectId, change: LiveChange): Promise<number | null> {
    const key = meetingId.toHexString();
    const idle = !this.queues.has(key);
    const queue = this.queues.get(key) ?? { change: null, waiters: [] };
    this.queues.set(key, queue);
    queue.change = merge(queue.change, change);
    const done = new Promise<number | null>((resolve) => queue.waiters.push(resolve));
    if (idle) void this.drain(meetingId, queue);
    return done;
  }

  private async drain(meetingId: ObjectId, queue: Queue): Promise<void> {
    while (queue.change) {
      const { change, waiters } = queue;
      queue.change = null;
      queue.waiters = [];
      let seq: number | null = null;
      try {
        const claimed = await this.claim(meetingId);
        this.emit(await this.build(meetingId, claimed, change));
        seq = claimed;
      } catch (err) {
        this.onError(err);
      }
      for (const resolve of waiters) resolve(seq);
    }
    this.queues.delete(meetingId.toHexString());
  }

  private async claim(meetingId: ObjectId): Promise<number> {
    const key = meetingId.toHexString();
    let seq = (this.tops.get(key) ?? (await this.search(meetingId))) + 1;
    for (let attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
      try {
        await this.seqs.insertOne({ _id: `${key}:${seq}`, meetingId, seq, at: new Date() });
        this.tops.set(key, seq);
        return seq;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        // Another process claimed it: skip past everything claimed meanwhile.
        seq = (await this.current(meetingId)) + 1;
      }
    }
    throw new Error(`live events of meeting ${key}: too much contention`);
  }
}

function merge(into: PendingChange | null, change: LiveChange): PendingChange {
  const out = into ?? { meeting: false, attendance: new Map(), quorum: false, speakers: false, polls: false };
  out.meeting ||= change.meeting ?? false;
  out.quorum ||= change.quorum ?? false;
  out.speakers ||= change.speakers ?? false;
  out.polls ||= change.polls ?? false;
  for (const id of change.attendance ?? []) out.attendance.set(id.toHexString(), id);
  return out;
}
