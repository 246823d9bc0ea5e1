import type { ObjectId } from 'mongodb';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import { CloseCode } from '@e-cabinet/protocol';
import type { YjsStore } from './yjs-store.ts';

/** y-websocket's message types (the first varuint of every message). */
/** How long updates gather before they are stored together (a batch in flight gathers the next one). */
const BATCH_WINDOW_MS = 100;
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
 * `update` event broadcasts it to the other peers and queues what it added for MongoDB, stored
 * within BATCH_WINDOW_MS. While one insert is in flight, further updates queue and go together in
 * the next (group commit), so a busy doc costs one round trip per batch and the database never sits between a pen stroke and
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
  /** Their ids, oldest first, while every one of them was readable (see `readable`). */
  storedIds: ObjectId[] = [];
  /** False once a stored record could not be applied: compaction must then read the records. */
  readable = true;
  compacting = false;
  /** Updates applied (and relayed) but not yet stored, oldest first. */
  private queue: Uint8Array[] = [];
  private flushing: Promise<void> | null = null;
  /** Pending start of the next insert while updates gather. */
  private window: NodeJS.Timeout | null = null;
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
      // The sender already has its own update; everyone else gets it, encoded once.
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.SYNC);
      syncProtocol.writeUpdate(encoder, update);
      const message = encoding.toUint8Array(encoder);
      for (const peer of this.peers) if (peer !== origin) peer.send(message);
      // What a peer added is stored; what was loaded from the database (origin: this) already is.
      if (origin !== this) this.enqueue(update);
    });
    // Which states the update being applied really changed ('change' comes just before 'update').
    let changedNow: number[] = [];
    this.awareness.on('change', ({ updated }: { updated: number[] }) => {
      changedNow = updated;
    });
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const changed = new Set(changedNow);
      changedNow = [];
      // Arrivals, departures, changes and presence with content go to every peer, the sender
      // included. A renewal of an empty state (what every y-websocket client sends each 15 s even
      // when, like ours, it publishes no presence) tells the others nothing: it only goes back to
      // its sender, whose provider counts that echo as the sign that the connection is alive.
      // With 100 readers that is 100 frames per wave instead of 10,000.
      const states = this.awareness.getStates();
      const forAll = added.concat(removed, updated.filter((id) => changed.has(id) || hasContent(states.get(id))));
      const renewals = updated.filter((id) => !changed.has(id) && !hasContent(states.get(id)));
      if (forAll.length) {
        const message = awarenessMessage(this.awareness, forAll);
        for (const peer of this.peers) peer.send(message);
      }
      if (renewals.length && this.peers.has(origin as Peer)) (origin as Peer).send(awarenessMessage(this.awareness, renewals));
    });
  }

  /** Applies stored updates on load; a record Yjs cannot read is skipped and reported. */
  hydrate(loaded: { updates: readonly Uint8Array[]; ids: readonly ObjectId[]; records: number }, onBad: (index: number, err: unknown) => void): void {
    loaded.updates.forEach((u, i) => {
      try {
        Y.applyUpdate(this.doc, u, this);
      } catch (err) {
        this.readable = false;
        onBad(i, err);
      }
    });
    this.records = loaded.records;
    this.storedIds = [...loaded.ids];
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

  /** Resolves when every update applied so far has been stored. */
  async idle(): Promise<void> {
    this.flushNow();
    while (this.flushing) await this.flushing;
  }

  /** Stores what is queued once (no retries), for shutdown. */
  async drain(): Promise<void> {
    this.giveUpOnFailure = true;
    await this.idle();
  }

  private enqueue(update: Uint8Array): void {
    this.queue.push(update);
    if (this.flushing || this.window) return;
    // A short window gathers a stroke's neighbours into the same insert.
    this.window = setTimeout(() => this.flushNow(), BATCH_WINDOW_MS);
  }

  private flushNow(): void {
    if (this.window) clearTimeout(this.window);
    this.window = null;
    if (!this.queue.length) return;
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
        const ids = await this.store.append(this.name, batch);
        this.storedIds.push(...ids);
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

/** A presence that says something (y-websocket's default local state is an empty object). */
function hasContent(state: Record<string, unknown> | undefined): boolean {
  return state !== undefined && state !== null && Object.keys(state).length > 0;
}

function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
