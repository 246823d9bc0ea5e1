import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import { CloseCode } from '@e-cabinet/protocol';
import type { YjsStore } from './yjs-store.ts';

/** y-websocket's message types (the first varuint of every message). */
export const MessageType = { SYNC: 0, AWARENESS: 1, AUTH: 2, QUERY_AWARENESS: 3 } as const;

/** A connection as the doc sees it: something to send to and to close. */
export interface Peer {
  send(message: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
}

interface Pending {
  update: Uint8Array;
  origin: Peer;
}

export interface SharedDocEvents {
  /** A batch reached the database and was applied. */
  stored(doc: SharedDoc, updates: number): void;
  /** Storing failed: the batch was not applied and its senders were closed to resync. */
  storeFailed(doc: SharedDoc, err: unknown): void;
}

/**
 * One live Yjs doc in this process: its state, awareness and connected peers.
 *
 * Writes are durable before anyone sees them: an incoming update is queued, stored in MongoDB,
 * and only then applied to the doc, whose `update` event broadcasts it to the other peers. While
 * one insert is in flight, further updates queue and go together in the next (group commit), so
 * a busy doc costs one round trip per batch rather than per update. The in-memory doc therefore
 * only ever holds stored state, and a sync step 2 never hands out anything a crash could lose.
 *
 * Multi-process (not built): each process would publish the updates it stored to a Redis channel
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
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;

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

  /** Queues a peer's update to be stored, then applied and broadcast. */
  submit(update: Uint8Array, origin: Peer): void {
    this.queue.push({ update, origin });
    this.flushing ??= this.flush().finally(() => {
      this.flushing = null;
    });
  }

  /** Resolves when every queued update has been stored (or refused). */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.store.append(this.name, batch.map((p) => p.update));
      } catch (err) {
        // Not applied, so the senders' next sync step 2 (after reconnecting) carries it again.
        for (const origin of new Set(batch.map((p) => p.origin))) origin.close(CloseCode.UNAVAILABLE, 'store failed');
        this.events.storeFailed(this, err);
        continue;
      }
      this.records += batch.length;
      for (const { update, origin } of batch) {
        try {
          Y.applyUpdate(this.doc, update, origin);
        } catch {
          // Stored but unreadable: every load skips it. The sender has a bug; stop listening to it.
          origin.close(CloseCode.BAD_MESSAGE, 'bad update');
        }
      }
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
