import type { FastifyBaseLogger } from 'fastify';
import { ObjectId } from 'mongodb';
import type { Collections, OutboxDoc } from '../db/collections.ts';
import { isDuplicateKey } from '../http/app-error.ts';

export type Deliver = (doc: OutboxDoc) => Promise<void>;

const LOCK_MS = 2 * 60_000;
const MAX_ATTEMPTS = 8;

/**
 * Durable outgoing messages. A message is stored first (idempotent by `key`) and delivered by a
 * worker that claims one at a time with a guarded update. On MongoDB several processes can run
 * it; on FerretDB 1.x guarded updates are not exclusive, so there run one worker process only.
 * Failures retry with exponential backoff; a crash mid-send leaves a lock that expires.
 */
export class Outbox {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private kickAgain = false;
  private stopped = false;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(
    private readonly c: Collections,
    private readonly deliver: Deliver,
    private readonly log: FastifyBaseLogger,
  ) {}

  async enqueue(key: string, kind: OutboxDoc['kind'], payload: Record<string, unknown>): Promise<void> {
    const now = new Date();
    try {
      await this.c.outbox.insertOne({ _id: new ObjectId(), key, kind, payload, status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null, createdAt: now, sentAt: null });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  start(intervalMs = 5000): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }

  /** Processes due messages now (called after enqueueing, and by the timer). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.kickAgain = true;
      return;
    }
    this.running = true;
    void this.drain().finally(() => {
      this.running = false;
      if (this.kickAgain) {
        this.kickAgain = false;
        this.kick();
      } else {
        this.idleWaiters.splice(0).forEach((fn) => fn());
      }
    });
  }

  /** Resolves when the worker has nothing in hand (tests and shutdown). */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const now = new Date();
      let doc: OutboxDoc | null;
      try {
        doc = await this.c.outbox.findOneAndUpdate(
          { $or: [{ status: 'pending', nextAttemptAt: { $lte: now } }, { status: 'sending', lockedUntil: { $lt: now } }] },
          { $set: { status: 'sending', lockedUntil: new Date(now.getTime() + LOCK_MS) }, $inc: { attempts: 1 } },
          { sort: { nextAttemptAt: 1 }, returnDocument: 'after' },
        );
      } catch (err) {
        this.log.warn({ err }, 'outbox: could not claim a message');
        return;
      }
      if (!doc) return;
      try {
        await this.deliver(doc);
        await this.c.outbox.updateOne({ _id: doc._id, status: 'sending' }, { $set: { status: 'sent', sentAt: new Date(), lockedUntil: null, lastError: null } });
      } catch (err) {
        const failed = doc.attempts >= MAX_ATTEMPTS;
        const delay = Math.min(60 * 60_000, 5000 * 2 ** (doc.attempts - 1));
        this.log.warn({ err, key: doc.key, attempts: doc.attempts }, 'outbox: delivery failed');
        await this.c.outbox.updateOne(
          { _id: doc._id },
          { $set: { status: failed ? 'failed' : 'pending', nextAttemptAt: new Date(Date.now() + delay), lockedUntil: null, lastError: String((err as Error).message).slice(0, 500) } },
        );
      }
    }
  }
}
