import { randomInt } from 'node:crypto';
import type { Collection, Filter, MatchKeysAndValues, ObjectId } from 'mongodb';
import type { SecretUrnDoc, UrnSlot } from '../db/collections.ts';
import { randomSlotId } from './ballot-keys.ts';

/** Slots per urn: one urn's update carries a whole batch, and a few urns hold a large meeting. */
export const URN_SIZE = 256;
/** Fills one write takes at most. */
const MAX_FILLS = 128;
/** Writes a fill may be part of before it gives up (only another process filling the same slots fails one). */
const ATTEMPTS = 5;

const DURABLE = { writeConcern: { w: 'majority', j: true } } as const;

interface Fill {
  receipt: string;
  choice: string[];
  attempts: number;
  resolve: () => void;
  reject: (err: Error) => void;
}

/** A poll's blank urns, `count` slots in all, spread evenly so that no urn is nearly empty. */
export function blankUrns(pollId: ObjectId, count: number): SecretUrnDoc[] {
  const urns = Math.ceil(count / URN_SIZE);
  return Array.from({ length: urns }, (_, i) => ({
    _id: randomSlotId(),
    pollId,
    slots: Array.from({ length: Math.floor(count / urns) + (i < count % urns ? 1 : 0) }, (): UrnSlot => ({ r: null, c: null })),
  }));
}

/** The blank positions of each urn. */
function blanksOf(urns: SecretUrnDoc[]): Map<string, number[]> {
  return new Map(urns.map((u) => [u._id, u.slots.flatMap((s, i) => (s.r === null ? [i] : []))]));
}

/**
 * One secret poll's slot fills in this process: group commit into urns.
 *
 * Ballots that arrive while a write is under way queue; the next write takes all of them (up to
 * `MAX_FILLS`), gives each a blank position picked at random from one urn picked at random among
 * those with room for all, and fills them with a single `updateOne` that guards every position
 * blank. So an update a batch costs (~3–6 ms on FerretDB) instead of one per ballot, which
 * FerretDB cannot batch across documents.
 *
 * What this does not leak: positions were allocated blank at open and are drawn at random, so
 * neither a position nor the urns' order follows the order of votes; the ballots of one batch
 * are written by one update, with no order among them; nothing written carries a time or a voter.
 *
 * Exclusive in this process only: the free positions are taken synchronously and writes to a
 * poll go one at a time. On FerretDB a guarded update is not exclusive under a race, so secret
 * polls are run by one process (like the outbox). A write that matched nothing (another process
 * filled a position) landed nothing, since one document's update is all or nothing: its urn is
 * read again and the batch retried. A write that failed says nothing about whether it landed:
 * its positions are not handed out again (a reload from the database finds them if blank), its
 * fills are rejected, and a retry of those ballots looks for its receipt first.
 */
export class UrnWriter {
  /** Blank positions not handed out, by urn; null until read from the database. */
  private blanks: Map<string, number[]> | null;
  private queue: Fill[] = [];
  private writing = false;

  constructor(
    private readonly urns: Collection<SecretUrnDoc>,
    private readonly pollId: ObjectId,
    known: SecretUrnDoc[] | null,
  ) {
    this.blanks = known && blanksOf(known);
  }

  /** Resolves once the ballot is durably in a slot. Errors never carry the receipt or choice. */
  fill(receipt: string, choice: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ receipt, choice, attempts: 0, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const want = Math.min(this.queue.length, MAX_FILLS);
        let picked = this.pick(want);
        if (!picked) {
          // Out of known blanks: positions of failed writes that did not land are blank still.
          try {
            this.blanks = blanksOf(await this.urns.find({ pollId: this.pollId }).toArray());
          } catch (err) {
            this.rejectAll(stored(err));
            continue;
          }
          picked = this.pick(want);
        }
        if (!picked) {
          this.rejectAll(new Error('secret poll: no blank ballot slot left'));
          continue;
        }
        await this.write(picked.urnId, picked.positions, this.queue.splice(0, picked.positions.length));
      }
    } finally {
      this.writing = false;
    }
  }

  /** Up to `want` random blank positions of one random urn with room for them (else the roomiest). */
  private pick(want: number): { urnId: string; positions: number[] } | null {
    if (!this.blanks) return null;
    const urns = [...this.blanks].filter(([, free]) => free.length > 0);
    if (urns.length === 0) return null;
    const roomy = urns.filter(([, free]) => free.length >= want);
    const most = Math.max(...urns.map(([, free]) => free.length));
    const among = roomy.length > 0 ? roomy : urns.filter(([, free]) => free.length === most);
    const [urnId, free] = among[randomInt(among.length)]!;
    const positions: number[] = [];
    while (positions.length < want && free.length > 0) {
      const at = randomInt(free.length);
      positions.push(free[at]!);
      free[at] = free[free.length - 1]!;
      free.pop();
    }
    return { urnId, positions };
  }

  private async write(urnId: string, positions: number[], batch: Fill[]): Promise<void> {
    const filter: Record<string, unknown> = { _id: urnId, pollId: this.pollId };
    const set: Record<string, unknown> = {};
    for (const [i, f] of batch.entries()) {
      const at = positions[i]!;
      filter[`slots.${at}.r`] = null;
      set[`slots.${at}.r`] = f.receipt;
      set[`slots.${at}.c`] = f.choice;
    }
    let modified: number;
    try {
      modified = (await this.urns.updateOne(filter as Filter<SecretUrnDoc>, { $set: set as MatchKeysAndValues<SecretUrnDoc> }, DURABLE)).modifiedCount;
    } catch (err) {
      const e = stored(err);
      for (const f of batch) f.reject(e);
      return;
    }
    if (modified === 1) {
      for (const f of batch) f.resolve();
      return;
    }
    // Nothing of the batch landed: read the urn again and try once more, ahead of later ballots.
    try {
      const urn = await this.urns.findOne({ _id: urnId });
      if (urn) this.blanks?.set(urnId, blanksOf([urn]).get(urnId)!);
      else this.blanks?.delete(urnId);
    } catch (err) {
      const e = stored(err);
      for (const f of batch) f.reject(e);
      return;
    }
    const again = batch.filter((f) => ++f.attempts < ATTEMPTS);
    for (const f of batch) if (f.attempts >= ATTEMPTS) f.reject(new Error('secret poll: no blank ballot slot could be filled'));
    this.queue.unshift(...again);
  }

  private rejectAll(err: Error): void {
    for (const f of this.queue.splice(0)) f.reject(err);
  }
}

/** Never passes the driver's error on: whoever logs it must not see a receipt or a choice. */
function stored(err: unknown): Error {
  const { name, code } = err as { name?: string; code?: unknown };
  return new Error(`secret ballot not stored (${name ?? 'Error'}${code === undefined ? '' : ` ${String(code)}`})`);
}
