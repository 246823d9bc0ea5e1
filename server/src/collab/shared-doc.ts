import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import { CloseCode } from '@e-cabinet/protocol';
import type { YjsStore } from './yjs-store.ts';

/** y-websocket's message types (the first varuint of every message). */
/** Retries of a failed store: 100 ms, doubling, at most every 5 s. */
const RETRY_BASE_MS = 100;
const RETRY_MAX_MS = 5_000;

export const MessageType = { SYNC: 0, AWARENESS: 1, AUTH: 2, QUERY_AWARENESS: 3 } as const;

/** A connection as the doc sees it: something to send to and to close. */
export interface Peer {
  send(message: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
}

export interface SharedDocEvents {
  /** A batch reached the database. */
  stored(doc: SharedDoc, updates: number): void;
  /** Storing a batch failed; it stays queued and is tried again after `retryInMs`. */
  storeFailed(doc: SharedDoc, err: unknown, retryInMs: number): void;
}

/**
 * One live Yjs doc in this process: its state, awareness and connected peers.
 *
 * Relay first, store right behind: an incoming update is applied to the doc at once, whose
 * `update` event broadcasts it to the other peers and queues what it added for MongoDB. While one
 * insert is in flight, further updates queue and go together in the next (group commit), so a
 * busy doc costs one round trip per batch and the database never sits between a pen stroke and
 * the other readers' screens. A duplicate (an update the doc already has) adds nothing, so it is
 * neither relayed nor stored again.
 *
 * Why this loses nothing: a y-websocket writer keeps its own updates (in IndexedDB in the
 * browser) and answers every server's sync step 1 with whatever the server lacks. If this
 * process dies between relaying and storing, the restarted server's state vector lacks those
 * updates, so the writer's reconnect sends them again (collab-crash.test.ts kills the server
 * with SIGKILL to prove it). Readers that saw them early merely see them again. A failed insert
 * is retried with backoff; the batch stays queued meanwhile, and unloading waits for it.
 *
 * Multi-process (not built): each process would publish the updates it relays to a Redis channel
 * per doc name and apply what other processes publish (origin = the relay, so it is broadcast to
 * local peers but not stored again); awareness would go over the same channel. Loading would
 * subscribe first, then read MongoDB, so nothing falls between the two.
 */
export class SharedDoc {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Set<Peer>();
  /** Which peer controls each awareness client id, so one peer cannot speak for another. */
  readonly awarenessOwner = new Map<number, Peer>();
  /** Records stored for this doc (as loaded, plus appended, minus compacted). */
  records = 0;
  compacting = false;
  /** Updates applied (and relayed) but not yet stored, oldest first. */
  private queue: Uint8Array[] = [];
  private flushing: Promise<void> | null = null;
  /** Set on shutdown: a failing store is not retried forever (writers resend on reconnect). */
  private giveUpOnFailure = false;

  constructor(
    readonly name: string,
    private readonly store: YjsStore,
    private readonly events: SharedDocEvents,
  ) {
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      // What a peer added is stored; what was loaded from the database (origin: this) already is.
      if (origin !== this) this.enqueue(update);
      // The sender already has its own update; everyone else gets it, encoded once.
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.SYNC);
      syncProtocol.writeUpdate(encoder, update);
      const message = encoding.toUint8Array(encoder);
      for (const peer of this.peers) if (peer !== origin) peer.send(message);
    });
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const changed = added.concat(updated, removed);
      if (!changed.length) return;
      // To every peer, the sender included: y-websocket clients count their own echoed awareness
      // renewals (every 15 s) as the sign that the connection is alive.
      const message = awarenessMessage(this.awareness, changed);
      for (const peer of this.peers) peer.send(message);
    });
  }

  /** Applies stored updates on load; a record Yjs cannot read is skipped and reported. */
  hydrate(updates: readonly Uint8Array[], records: number, onBad: (index: number, err: unknown) => void): void {
    updates.forEach((u, i) => {
      try {
        Y.applyUpdate(this.doc, u, this);
      } catch (err) {
        onBad(i, err);
      }
    });
    this.records = records;
  }

  /**
   * Applies a peer's update: relayed to the other peers at once and queued to be stored. An
   * update Yjs cannot apply closes its sender (a client bug) and changes nothing stored.
   */
  submit(update: Uint8Array, origin: Peer): void {
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch {
      origin.close(CloseCode.BAD_MESSAGE, 'bad update');
    }
  }

  /** Updates relayed but not yet stored. */
  get unstored(): number {
    return this.queue.length;
  }

  /** Resolves when every update applied so far has been stored. */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** Stores what is queued once (no retries), for shutdown. */
  async drain(): Promise<void> {
    this.giveUpOnFailure = true;
    await this.idle();
  }

  private enqueue(update: Uint8Array): void {
    this.queue.push(update);
    this.flushing ??= this.flush().finally(() => {
      this.flushing = null;
    });
  }

  private async flush(): Promise<void> {
    let failures = 0;
    while (this.queue.length) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.store.append(this.name, batch);
      } catch (err) {
        // Back at the front, in order, ahead of anything queued meanwhile.
        this.queue = batch.concat(this.queue);
        failures++;
        const retryInMs = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (failures - 1));
        this.events.storeFailed(this, err, retryInMs);
        if (this.giveUpOnFailure) {
          this.queue = [];
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, retryInMs));
        continue;
      }
      failures = 0;
      this.records += batch.length;
      this.events.stored(this, batch.length);
    }
  }

  /** The sync step 1 a new writer gets, asking for whatever it has that the server lacks. */
  syncStep1(): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    return encoding.toUint8Array(encoder);
  }

  /** Every known presence, for a peer that just joined or asked. */
  awarenessSnapshot(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length ? awarenessMessage(this.awareness, clients) : null;
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}

function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
