import { MongoBulkWriteError, type Collection, type OptionalUnlessRequiredId } from 'mongodb';
import { isDuplicateKey } from '../http/app-error.ts';

/** How many documents one write takes at most. */
const MAX_BATCH = 500;

interface Pending<T> {
  doc: T;
  resolve: (inserted: boolean) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for claim inserts: whatever arrives while a write is under way goes into the next
 * `insertMany` (unordered, durable), so 500 ballots in two seconds make a few dozen writes, not
 * 500 that contend (FerretDB on SQLite serialises writers: 50 concurrent inserts take ~35 times
 * as long as one `insertMany` of 50). Each document still gets its own answer: inserted, or
 * false for a duplicate key (the claim was taken, by another attempt or in this same batch).
 */
export class InsertBatcher<T extends { _id: string }> {
  private queue: Pending<T>[] = [];
  private writing = false;

  constructor(
    private readonly collection: Collection<T>,
    private readonly options: { writeConcern: { w: 'majority'; j: true } },
  ) {}

  /** Resolves true once the document is durably stored, false if its `_id` already was. */
  insert(doc: T): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ doc, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.collection.insertMany(
            batch.map((p) => p.doc as OptionalUnlessRequiredId<T>),
            { ordered: false, ...this.options },
          );
          for (const p of batch) p.resolve(true);
        } catch (err) {
          settle(batch, err);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}

function settle<T>(batch: Pending<T>[], err: unknown): void {
  // Without a write concern confirmed, nothing in the batch counts as durable.
  if (!(err instanceof MongoBulkWriteError) || err.result.getWriteConcernError()) {
    for (const p of batch) p.reject(err);
    return;
  }
  const failed = new Map((Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors]).map((e) => [e.index, e] as const));
  for (const [i, p] of batch.entries()) {
    const e = failed.get(i);
    if (!e) p.resolve(true);
    else if (isDuplicateKey(e)) p.resolve(false);
    else p.reject(new Error(`insert failed (code ${String(e.code)})`));
  }
}
