import type { FastifyBaseLogger } from 'fastify';
import { ObjectId } from 'mongodb';
import type { Collections, OutboxDoc } from '../db/collections.ts';
import { isDuplicateKey } from '../http/app-error.ts';

export type Deliver = (doc: OutboxDoc) => Promise<void>;

/** Thrown by a `Deliver` when retrying cannot help (e.g. the receiver refused with a 4xx): fails at once. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

export interface OutboxOptions {
  /** The kinds this worker sends; other kinds in the collection belong to other workers. */
  kinds?: OutboxDoc['kind'][];
  /** Attempts before a message is `failed` (dead-lettered). */
  maxAttempts?: number;
  /** Delay after the first failure; doubles with each further one, up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Spread retries over 50–100 % of the delay, so many failed messages do not retry in step. */
  jitter?: boolean;
  /** How long a claim holds before another worker may take the message over (longer than one send). */
  lockMs?: number;
  /** Called after a message was sent or gave up (`failed`); errors are logged, not thrown. */
  onSettled?: (doc: OutboxDoc, outcome: 'sent' | 'failed', error: string | null) => Promise<void> | void;
}

/**
 * Durable outgoing messages. A message is stored first (idempotent by `key`) and delivered by a
 * worker that claims one at a time with a guarded update. On MongoDB several processes can run
 * it; on FerretDB 1.x guarded updates are not exclusive, so there run one worker process only
 * (and one worker per kind in it). Failures retry with exponential backoff; a crash mid-send
 * leaves a lock that expires. A stopped worker leaves everything stored: the next start resumes.
 */
export class Outbox {
  private timer: NodeJS.Timeout | null = null;
  private wake: NodeJS.Timeout | null = null;
  private intervalMs = 5000;
  private running = false;
  private kickAgain = false;
  private stopped = false;
  private readonly idleWaiters: (() => void)[] = [];
  private readonly opts: Required<Omit<OutboxOptions, 'onSettled'>> & Pick<OutboxOptions, 'onSettled'>;

  constructor(
    private readonly c: Collections,
    private readonly deliver: Deliver,
    private readonly log: FastifyBaseLogger,
    options: OutboxOptions = {},
  ) {
    this.opts = { kinds: ['email'], maxAttempts: 8, backoffMs: 5000, maxBackoffMs: 60 * 60_000, jitter: false, lockMs: 2 * 60_000, ...options };
  }

  async enqueue(key: string, kind: OutboxDoc['kind'], payload: Record<string, unknown>): Promise<void> {
    const now = new Date();
    try {
      await this.c.outbox.insertOne({ _id: new ObjectId(), key, kind, payload, status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null, createdAt: now, sentAt: null });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  /**
   * Sends a finished message again from a fresh attempt count (an admin's retry). The message
   * keeps its key and payload, so the receiver sees the same message again, never a new one.
   * Null when it is not one of this worker's or is not in one of `from`.
   */
  async requeue(id: ObjectId, from: OutboxDoc['status'][]): Promise<OutboxDoc | null> {
    const doc = await this.c.outbox.findOneAndUpdate(
      { _id: id, kind: { $in: this.opts.kinds }, status: { $in: from } },
      { $set: { status: 'pending', attempts: 0, nextAttemptAt: new Date(), lockedUntil: null, sentAt: null } },
      { returnDocument: 'after' },
    );
    if (doc) this.kick();
    return doc;
  }

  start(intervalMs = 5000): void {
    this.stopped = false;
    this.intervalMs = intervalMs;
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.wake) clearTimeout(this.wake);
  }

  /** Processes due messages now (called after enqueueing, and by the timer). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.kickAgain = true;
      return;
    }
    this.running = true;
    void this.drain()
      .catch((err: unknown) => this.log.warn({ err }, 'outbox: could not record a delivery outcome'))
      .finally(() => {
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

  private delay(attempts: number): number {
    const full = Math.min(this.opts.maxBackoffMs, this.opts.backoffMs * 2 ** Math.min(attempts - 1, 30));
    return Math.round(this.opts.jitter ? full * (0.5 + Math.random() / 2) : full);
  }

  private async drain(): Promise<void> {
    const kind = { $in: this.opts.kinds };
    for (;;) {
      if (this.stopped) return;
      const now = new Date();
      let doc: OutboxDoc | null;
      try {
        doc = await this.c.outbox.findOneAndUpdate(
          { kind, $or: [{ status: 'pending', nextAttemptAt: { $lte: now } }, { status: 'sending', lockedUntil: { $lt: now } }] },
          { $set: { status: 'sending', lockedUntil: new Date(now.getTime() + this.opts.lockMs) }, $inc: { attempts: 1 } },
          { sort: { nextAttemptAt: 1 }, returnDocument: 'after' },
        );
      } catch (err) {
        this.log.warn({ err }, 'outbox: could not claim a message');
        return;
      }
      if (!doc) {
        await this.wakeForNext();
        return;
      }
      let outcome: 'sent' | 'failed' | null;
      let error: string | null = null;
      try {
        await this.deliver(doc);
        await this.c.outbox.updateOne({ _id: doc._id, status: 'sending' }, { $set: { status: 'sent', sentAt: new Date(), lockedUntil: null, lastError: null } });
        outcome = 'sent';
      } catch (err) {
        const failed = err instanceof PermanentDeliveryError || doc.attempts >= this.opts.maxAttempts;
        error = String((err as Error).message).slice(0, 500);
        this.log.warn({ err, key: doc.key, attempts: doc.attempts }, 'outbox: delivery failed');
        await this.c.outbox.updateOne(
          { _id: doc._id },
          { $set: { status: failed ? 'failed' : 'pending', nextAttemptAt: new Date(Date.now() + this.delay(doc.attempts)), lockedUntil: null, lastError: error } },
        );
        outcome = failed ? 'failed' : null;
      }
      if (outcome && this.opts.onSettled) {
        try {
          await this.opts.onSettled(doc, outcome, error);
        } catch (err) {
          this.log.warn({ err, key: doc.key }, 'outbox: settle hook failed');
        }
      }
    }
  }

  /** Retries due before the next poll would otherwise wait for it: wake up when the first is due. */
  private async wakeForNext(): Promise<void> {
    if (!this.timer) return;
    const next = await this.c.outbox
      .find({ kind: { $in: this.opts.kinds }, status: 'pending' }, { sort: { nextAttemptAt: 1 }, limit: 1, projection: { nextAttemptAt: 1 } })
      .next()
      .catch(() => null);
    if (!next || this.stopped) return;
    const wait = next.nextAttemptAt.getTime() - Date.now();
    if (wait >= this.intervalMs) return;
    if (this.wake) clearTimeout(this.wake);
    this.wake = setTimeout(() => this.kick(), Math.max(0, wait) + 5);
    this.wake.unref();
  }
}
