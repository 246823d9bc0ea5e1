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
 * Append-only, hash-chained audit log. Appends in one process are serialised through a queue;
 * between processes the unique index on `seq` makes a concurrent writer retry on the new tip.
 */
export class AuditService {
  private readonly log;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(db: Db) {
    this.log = collections(db).auditLog;
  }

  append(input: AuditInput): Promise<AuditDoc> {
    const next = this.queue.then(() => this.appendNow(input));
    this.queue = next.catch(() => {});
    return next;
  }

  private async appendNow(input: AuditInput): Promise<AuditDoc> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const tip = await this.log.find({}, { sort: { seq: -1 }, limit: 1, projection: { seq: 1, hash: 1 } }).next();
      const fields = {
        seq: (tip?.seq ?? 0) + 1,
        // Millisecond precision is all BSON keeps, so hash what will be read back.
        at: new Date(),
        actorId: input.actorId,
        action: input.action,
        target: input.target ?? null,
        data: input.data ?? {},
      };
      const prevHash = tip?.hash ?? GENESIS_HASH;
      const doc: AuditDoc = { ...fields, prevHash, hash: entryHash(prevHash, fields) };
      try {
        await this.log.insertOne({ ...doc });
        return doc;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    throw new Error('audit log: could not append after 20 attempts');
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
