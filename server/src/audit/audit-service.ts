import type { Db } from 'mongodb';
import type { AuditEntry, AuditVerify } from '@e-cabinet/protocol';
import { collections, type AuditDoc } from '../db/collections.ts';
import { isDuplicateKey } from '../http/app-error.ts';
import { GENESIS_HASH, entryHash } from './hash-chain.ts';

export interface AuditInput {
  actorId: string | null;
  action: string;
  target?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Append-only, hash-chained audit log. Appends in one process are serialised through a queue and
 * written in batches: whatever arrived while the previous batch was being written goes in the next
 * `insertMany`, so a burst of 500 check-ins costs a handful of round trips, not 500. The chain's tip
 * is kept in memory and re-read only after a conflict; between processes the unique index on `seq`
 * makes a concurrent writer fail, re-read the new tip and retry what was not written.
 */
export class AuditService {
  private readonly log;
  private tip: { seq: number; hash: string } | null = null;
  private pending: { input: AuditInput; resolve: (doc: AuditDoc) => void; reject: (err: unknown) => void }[] = [];
  private draining = false;

  constructor(db: Db) {
    this.log = collections(db).auditLog;
  }

  append(input: AuditInput): Promise<AuditDoc> {
    return new Promise<AuditDoc>((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, MAX_BATCH);
        try {
          const docs = await this.write(batch.map((p) => p.input));
          batch.forEach((p, i) => p.resolve(docs[i]!));
        } catch (err) {
          this.tip = null;
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** Writes the inputs in order at the end of the chain; returns the stored entries. */
  private async write(inputs: AuditInput[]): Promise<AuditDoc[]> {
    const written: AuditDoc[] = [];
    for (let attempt = 0; attempt < 20 && written.length < inputs.length; attempt++) {
      const tip = this.tip ?? (await this.readTip());
      const docs = chain(tip, inputs.slice(written.length));
      try {
        await this.log.insertMany(docs.map((d) => ({ ...d })), { ordered: true });
        written.push(...docs);
        this.tip = { seq: docs.at(-1)!.seq, hash: docs.at(-1)!.hash };
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        // Another process took a sequence number: keep what did get in (found by its hash,
        // which covers the entry and its link), then retry the rest on the new tip.
        const landed = new Set((await this.log.find({ hash: { $in: docs.map((d) => d.hash) } }, { projection: { hash: 1 } }).toArray()).map((d) => d.hash));
        const prefix = docs.findIndex((d) => !landed.has(d.hash));
        written.push(...docs.slice(0, prefix < 0 ? docs.length : prefix));
        this.tip = null;
      }
    }
    if (written.length < inputs.length) throw new Error('audit log: could not append after 20 attempts');
    return written;
  }

  private async readTip(): Promise<{ seq: number; hash: string }> {
    const tip = await this.log.find({}, { sort: { seq: -1 }, limit: 1, projection: { seq: 1, hash: 1 } }).next();
    return tip ? { seq: tip.seq, hash: tip.hash } : { seq: 0, hash: GENESIS_HASH };
  }

  async list(opts: { before?: number; limit: number; action?: string }): Promise<AuditEntry[]> {
    const filter: Record<string, unknown> = {};
    if (opts.before) filter.seq = { $lt: opts.before };
    if (opts.action) filter.action = opts.action;
    const docs = await this.log.find(filter, { sort: { seq: -1 }, limit: opts.limit }).toArray();
    return docs.map(toEntry);
  }

  /**
   * Walks the whole chain in order. Reports the first entry whose hash does not match its
   * content, whose link does not match the entry before, or whose sequence number skips.
   */
  async verify(): Promise<AuditVerify> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let checked = 0;
    for await (const doc of this.log.find({}, { sort: { seq: 1 } })) {
      const broken = doc.seq !== expectedSeq || doc.prevHash !== prevHash || entryHash(prevHash, doc) !== doc.hash;
      if (broken) return { ok: false, checked, brokenAtSeq: Math.min(doc.seq, expectedSeq) };
      prevHash = doc.hash;
      expectedSeq++;
      checked++;
    }
    return { ok: true, checked, brokenAtSeq: null };
  }
}

/** How many entries go in one write at most. */
const MAX_BATCH = 200;

/** Links the inputs after `tip`, each entry hashing its content and the previous hash. */
function chain(tip: { seq: number; hash: string }, inputs: AuditInput[]): AuditDoc[] {
  const docs: AuditDoc[] = [];
  let prev = tip;
  for (const input of inputs) {
    const fields = {
      seq: prev.seq + 1,
      // Millisecond precision is all BSON keeps, so hash what will be read back.
      at: new Date(),
      actorId: input.actorId,
      action: input.action,
      target: input.target ?? null,
      data: input.data ?? {},
    };
    const doc: AuditDoc = { ...fields, prevHash: prev.hash, hash: entryHash(prev.hash, fields) };
    docs.push(doc);
    prev = { seq: doc.seq, hash: doc.hash };
  }
  return docs;
}

function toEntry(doc: AuditDoc): AuditEntry {
  return {
    seq: doc.seq,
    at: doc.at.toISOString(),
    actorId: doc.actorId,
    action: doc.action,
    target: doc.target,
    data: doc.data,
    prevHash: doc.prevHash,
    hash: doc.hash,
  };
}
