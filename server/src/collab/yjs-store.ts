import { Binary, ObjectId, type Collection } from 'mongodb';
import * as Y from 'yjs';
import type { YjsUpdateDoc } from '../db/collections.ts';

/** What a doc's stored records add up to. */
export interface LoadedState {
  /** The records' updates, oldest first, ready to apply in order. */
  updates: Uint8Array[];
  /** Their record ids, in the same order. */
  ids: ObjectId[];
  /** How many records the doc has now: drives compaction. */
  records: number;
}

export interface Compaction {
  /** Records merged into the snapshot (and then deleted). */
  merged: number;
  /** Bytes of the snapshot. */
  bytes: number;
}

const DELETE_CHUNK = 500;

/**
 * Yjs updates in MongoDB, append-only. Every update is its own insert; loading reads a doc's
 * records in `_id` order; compaction folds them into one snapshot record.
 *
 * Why inserts only: applying Yjs updates is idempotent and order-free, so a record set can hold
 * duplicates (a snapshot plus the records it merged, after a crash mid-compaction) without harm,
 * and nothing needs an atomic read-modify-write, which FerretDB 1.x does not give.
 *
 * Within this process, loading and compacting one doc never overlap (`exclusive`): a multi-batch
 * load racing a compaction could miss both the deleted records and the new snapshot. Several
 * processes would need the same guarantee from a lease (e.g. a unique-insert claim per doc).
 */
export class YjsStore {
  private readonly busy = new Map<string, Promise<unknown>>();

  constructor(private readonly col: Collection<YjsUpdateDoc>) {}

  async load(docName: string): Promise<LoadedState> {
    return this.exclusive(docName, async () => {
      const records = await this.col.find({ docName }, { sort: { _id: 1 }, projection: { update: 1 } }).toArray();
      return { updates: records.map((r) => r.update.value()), ids: records.map((r) => r._id), records: records.length };
    });
  }

  /** Stores updates (one record each, in one round trip). Resolves with their ids once the database has them. */
  async append(docName: string, updates: readonly Uint8Array[]): Promise<ObjectId[]> {
    const at = new Date();
    const records = updates.map((u) => ({ _id: new ObjectId(), docName, kind: 'update' as const, update: new Binary(u), at }));
    await this.col.insertMany(records, { ordered: true });
    return records.map((r) => r._id);
  }

  /**
   * Replaces the records `ids` of a doc by `snapshot`, which the caller guarantees holds all of
   * their content (a live doc's state: `Y.encodeStateAsUpdate`). Inserted first, then the records
   * deleted by id, so a crash between the two leaves content twice, never less; records appended
   * meanwhile are not touched. Resolves with the snapshot's record id.
   */
  async replaceWithSnapshot(docName: string, snapshot: Uint8Array, ids: readonly ObjectId[]): Promise<ObjectId> {
    return this.exclusive(docName, () => this.swap(docName, snapshot, ids));
  }

  /** Inserts the snapshot, then deletes the records it holds; the caller runs it `exclusive`. */
  private async swap(docName: string, snapshot: Uint8Array, ids: readonly ObjectId[]): Promise<ObjectId> {
    const _id = new ObjectId();
    await this.col.insertOne({ _id, docName, kind: 'snapshot', update: new Binary(snapshot), at: new Date(), merged: ids.length });
    for (let i = 0; i < ids.length; i += DELETE_CHUNK) {
      await this.col.deleteMany({ docName, _id: { $in: ids.slice(i, i + DELETE_CHUNK) } });
    }
    return _id;
  }

  /**
   * Folds every record of the doc into one snapshot: inserted first, then the merged records are
   * deleted by id. A crash between the two leaves extra records (content twice), never less.
   * Records appended meanwhile are not touched. Null when there is nothing to fold.
   */
  async compact(docName: string, onBadRecord: (id: ObjectId, err: unknown) => void = () => {}): Promise<Compaction | null> {
    return this.exclusive(docName, async () => {
      const records = await this.col.find({ docName }, { sort: { _id: 1 }, projection: { update: 1 } }).toArray();
      if (records.length < 2) return null;
      const doc = new Y.Doc();
      const merged: ObjectId[] = [];
      try {
        for (const r of records) {
          try {
            Y.applyUpdate(doc, r.update.value());
            merged.push(r._id);
          } catch (err) {
            // Left in place (and skipped by every load): deleting it would destroy evidence.
            onBadRecord(r._id, err);
          }
        }
        if (merged.length < 2) return null;
        // Includes structs still pending on a missing dependency, so nothing is dropped.
        const snapshot = Y.encodeStateAsUpdate(doc);
        await this.swap(docName, snapshot, merged);
        return { merged: merged.length, bytes: snapshot.byteLength };
      } finally {
        doc.destroy();
      }
    });
  }

  /**
   * The doc as its stored records add up to. Readers outside the collab endpoint go through
   * `CollabServer.read`, which first waits for what was relayed to be stored. Records Yjs cannot read are
   * skipped, as every load does. The caller destroys the doc.
   */
  async read(docName: string): Promise<Y.Doc> {
    const { updates } = await this.load(docName);
    const doc = new Y.Doc();
    for (const u of updates) {
      try {
        Y.applyUpdate(doc, u);
      } catch {
        // Reported by the endpoint when it loads the doc; a reader just leaves it out.
      }
    }
    return doc;
  }

  async count(docName: string): Promise<number> {
    return this.col.countDocuments({ docName });
  }

  /** Runs `fn` after any load or compaction of the same doc in this process has finished. */
  private exclusive<T>(docName: string, fn: () => Promise<T>): Promise<T> {
    const before = this.busy.get(docName) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const tail = run.catch(() => {});
    this.busy.set(docName, tail);
    void tail.then(() => {
      if (this.busy.get(docName) === tail) this.busy.delete(docName);
    });
    return run;
  }
}
