import type { WebSocket, RawData } from 'ws';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { CloseCode } from '@e-cabinet/protocol';
import { MessageType, type Peer, type SharedDoc } from './shared-doc.ts';

/** Who is on the other end, as established at the upgrade. */
export interface PeerIdentity {
  userId: string;
  sessionId: string;
  /** False for read-only roles: their updates are dropped, never applied nor stored. */
  writable: boolean;
}

/** A peer may speak for a few awareness client ids (one per doc instance it runs), no more. */
const MAX_AWARENESS_IDS = 8;

/**
 * One websocket on one shared doc, speaking the y-websocket protocol (sync + awareness).
 * Read-only peers get sync step 2 and everyone's updates but their own updates are dropped.
 * A message that cannot be decoded closes the socket with BAD_MESSAGE (final: a client bug).
 */
export class CollabPeer implements Peer {
  /** Awareness client ids this peer controls. */
  readonly clientIds = new Set<number>();
  /** Cleared by the keep-alive ping, set again by the pong. */
  alive = true;

  constructor(
    readonly ws: WebSocket,
    readonly shared: SharedDoc,
    readonly identity: PeerIdentity,
    private readonly hooks: { dropped(peer: CollabPeer): void },
  ) {}

  /** Joins the doc: greets the client, then handles its messages until it closes. */
  start(onClose: (peer: CollabPeer) => void): void {
    const { ws, shared } = this;
    shared.peers.add(this);
    ws.on('message', (data, isBinary) => this.receive(data, isBinary));
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('error', () => {});
    ws.once('close', () => {
      shared.peers.delete(this);
      const owned = [...this.clientIds].filter((id) => shared.awarenessOwner.get(id) === this);
      for (const id of owned) shared.awarenessOwner.delete(id);
      if (owned.length) awarenessProtocol.removeAwarenessStates(shared.awareness, owned, null);
      onClose(this);
    });
    // A writer is asked for what it has that the server lacks (offline marks); a reader is not,
    // since anything it sent would be dropped anyway.
    if (this.identity.writable) this.send(shared.syncStep1());
    const presence = shared.awarenessSnapshot();
    if (presence) this.send(presence);
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(message, { binary: true }, (err) => {
      if (err) this.ws.terminate();
    });
  }

  close(code: CloseCode, reason: string): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code, reason);
  }

  private receive(data: RawData, isBinary: boolean): void {
    try {
      if (!isBinary || !Buffer.isBuffer(data)) throw new Error('not a binary frame');
      this.handle(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch {
      this.close(CloseCode.BAD_MESSAGE, 'bad message');
    }
  }

  private handle(message: Uint8Array): void {
    const { shared } = this;
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.SYNC: {
        const step = decoding.readVarUint(decoder);
        if (step === syncProtocol.messageYjsSyncStep1) {
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MessageType.SYNC);
          syncProtocol.writeSyncStep2(encoder, shared.doc, decoding.readVarUint8Array(decoder));
          this.send(encoding.toUint8Array(encoder));
          return;
        }
        if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) throw new Error('unknown sync step');
        const update = decoding.readVarUint8Array(decoder);
        if (!this.identity.writable) {
          this.hooks.dropped(this);
          return;
        }
        if (isEmptyUpdate(update)) return;
        // Reads the whole update: garbage fails here, before it touches the doc.
        Y.parseUpdateMeta(update);
        shared.submit(update, this);
        return;
      }
      case MessageType.AWARENESS: {
        const update = decoding.readVarUint8Array(decoder);
        const ids = awarenessClientIds(update);
        // Someone else's presence, or too many identities: ignored, not fatal.
        if (ids.some((id) => (shared.awarenessOwner.get(id) ?? this) !== this)) return;
        if (new Set([...this.clientIds, ...ids]).size > MAX_AWARENESS_IDS) return;
        for (const id of ids) {
          this.clientIds.add(id);
          shared.awarenessOwner.set(id, this);
        }
        awarenessProtocol.applyAwarenessUpdate(shared.awareness, update, this);
        return;
      }
      case MessageType.QUERY_AWARENESS: {
        const presence = shared.awarenessSnapshot();
        if (presence) this.send(presence);
        return;
      }
      case MessageType.AUTH:
        // Auth is the upgrade's business; clients never need to send this.
        return;
      default:
        throw new Error('unknown message type');
    }
  }
}

/** An update with no structs and no deletions (what a client in step with the server sends). */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}

/** The client ids an awareness update speaks for (its entries are id, clock, JSON state). */
function awarenessClientIds(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
  }
  return ids;
}
