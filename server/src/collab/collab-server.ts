import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { WebSocketServer, type WebSocket } from 'ws';
import type * as Y from 'yjs';
import { CloseCode } from '@e-cabinet/protocol';
import { collections } from '../db/collections.ts';
import { CollabPeer } from './collab-peer.ts';
import { DocRegistry, type RegistrySettings } from './doc-registry.ts';
import type { SharedDoc } from './shared-doc.ts';
import { authorizeUpgrade, type UpgradeVerdict } from './upgrade-auth.ts';
import { YjsStore, type Compaction } from './yjs-store.ts';

export interface CollabSettings extends RegistrySettings {
  /** Largest accepted message; a bigger one closes the socket (1009). */
  maxMessageBytes: number;
  /** Open collab sockets per process; past it, upgrades are closed with OVERLOADED (retry). */
  maxConnections: number;
  /** Ping interval; a socket that has not answered the previous ping is dropped. */
  keepaliveMs: number;
  /** How often open sockets' sessions are checked against the database. */
  sessionCheckMs: number;
  /** How often loaded docs are compacted (those with `compactIdleAfter` records). */
  compactSweepMs: number;
}

export const DEFAULT_COLLAB_SETTINGS: CollabSettings = {
  maxMessageBytes: 2 * 1024 * 1024,
  maxConnections: 10_000,
  keepaliveMs: 30_000,
  sessionCheckMs: 60_000,
  compactSweepMs: 5 * 60_000,
  compactAfter: 500,
  compactIdleAfter: 20,
  unloadGraceMs: 30_000,
};

export interface CollabEvents {
  /** A peer joined a doc. */
  connected: [{ docName: string; userId: string; writable: boolean }];
  /** A read-only peer sent an update; it was dropped. */
  dropped: [{ docName: string; userId: string }];
  /** Updates of a doc reached the database (and were then applied and broadcast). */
  stored: [{ docName: string; updates: number }];
  compacted: [{ docName: string } & Compaction];
  unloaded: [{ docName: string }];
}

const SHUTDOWN_WAIT_MS = 2000;

/**
 * The collab endpoint: y-websocket at `/collab/<docName>` on the app's HTTP server.
 * Wires the separate concerns together: upgrade auth and doc policy (`upgrade-auth.ts`,
 * `doc-policy.ts`), the sync protocol per socket (`collab-peer.ts`), live docs
 * (`doc-registry.ts`, `shared-doc.ts`) and MongoDB persistence (`yjs-store.ts`); plus the
 * connection cap, keep-alive, and revocation.
 *
 * Revocation: access is decided once, at the upgrade. `revokeUserSessions` closes a user's
 * collab sockets at once (SESSION_REVOKED); a periodic check closes sockets whose session has
 * gone some other way (sign-out, expiry, another process). Changes to meeting participants or
 * a document's access list take effect on the next connection.
 *
 * One process: docs live in this process's memory. See `shared-doc.ts` for what a Redis relay
 * would add for several.
 */
export class CollabServer extends EventEmitter<CollabEvents> {
  readonly settings: CollabSettings;
  readonly store: YjsStore;
  readonly registry: DocRegistry;
  private readonly wss: WebSocketServer;
  private readonly peers = new Set<CollabPeer>();
  private readonly log: FastifyBaseLogger;
  private readonly timers: NodeJS.Timeout[] = [];
  private pendingUpgrades = 0;
  private closing = false;
  private drained: (() => void) | null = null;

  constructor(
    private readonly app: FastifyInstance,
    settings: Partial<CollabSettings> = {},
  ) {
    super();
    this.settings = { ...DEFAULT_COLLAB_SETTINGS, ...settings };
    this.log = app.log.child({ module: 'collab' });
    this.store = new YjsStore(collections(app.db).yjsUpdates);
    this.registry = new DocRegistry(this.store, this.settings, {
      compacted: (docName, result) => {
        this.log.debug({ docName, ...result }, 'doc compacted');
        this.emit('compacted', { docName, ...result });
      },
      stored: (docName, updates) => this.emit('stored', { docName, updates }),
      unloaded: (docName) => this.emit('unloaded', { docName }),
      error: (err, context, docName) => this.log.error({ err, docName }, `collab: ${context}`),
    });
    // Compression is off: it costs CPU and memory per socket and defeats encode-once broadcast.
    this.wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: this.settings.maxMessageBytes, clientTracking: false });
  }

  get connections(): number {
    return this.peers.size;
  }

  start(): void {
    const every = (ms: number, fn: () => Promise<void> | void) => {
      const timer = setInterval(() => {
        Promise.resolve(fn()).catch((err: unknown) => this.log.warn({ err }, 'collab periodic task failed'));
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.settings.keepaliveMs, () => this.keepalive());
    every(this.settings.sessionCheckMs, () => this.checkSessions());
    every(this.settings.compactSweepMs, () => this.registry.sweep());
  }

  /** Takes over an HTTP upgrade to `/collab/…`: always accepts, then closes with a code if refused. */
  async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const ignore = () => {};
    socket.on('error', ignore);
    let verdict: UpgradeVerdict;
    let shared: SharedDoc | null = null;
    if (this.closing) verdict = { ok: false, code: CloseCode.SERVER_RESTARTING, reason: 'restarting' };
    else if (this.peers.size + this.pendingUpgrades >= this.settings.maxConnections) verdict = { ok: false, code: CloseCode.OVERLOADED, reason: 'overloaded' };
    else {
      this.pendingUpgrades++;
      try {
        verdict = await authorizeUpgrade(this.app, req);
        if (verdict.ok) shared = await this.registry.acquire(verdict.docName);
      } catch (err) {
        this.log.error({ err }, 'collab upgrade failed');
        verdict = { ok: false, code: CloseCode.UNAVAILABLE, reason: 'unavailable' };
      } finally {
        this.pendingUpgrades--;
      }
    }
    if (shared && verdict.ok && this.closing) {
      this.registry.release(verdict.docName);
      shared = null;
      verdict = { ok: false, code: CloseCode.SERVER_RESTARTING, reason: 'restarting' };
    }
    let accepted = false;
    if (!socket.destroyed) {
      // ws calls back synchronously, or not at all when the handshake itself is invalid.
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        accepted = true;
        socket.off('error', ignore);
        if (!verdict.ok || !shared) {
          const code = verdict.ok ? CloseCode.UNAVAILABLE : verdict.code;
          this.log.debug({ code, url: req.url?.slice(0, 200) }, 'collab upgrade refused');
          ws.close(code, verdict.ok ? 'unavailable' : verdict.reason);
          return;
        }
        this.attach(ws, shared, verdict);
      });
    }
    if (!accepted && shared && verdict.ok) this.registry.release(verdict.docName);
  }

  private attach(ws: WebSocket, shared: SharedDoc, verdict: Extract<UpgradeVerdict, { ok: true }>): void {
    const { docName, identity } = verdict;
    const peer = new CollabPeer(ws, shared, identity, { dropped: () => this.emit('dropped', { docName, userId: identity.userId }) });
    this.peers.add(peer);
    peer.start(() => {
      this.peers.delete(peer);
      this.registry.release(docName);
      if (!this.peers.size) this.drained?.();
    });
    this.emit('connected', { docName, userId: identity.userId, writable: identity.writable });
  }

  /**
   * Closes a user's collab sockets with SESSION_REVOKED: all of them, or all but one session's.
   * Called by `revokeUserSessions`, right after the sessions are deleted.
   */
  closeUserSessions(userId: string, opts: { exceptSessionId?: string } = {}): number {
    let closed = 0;
    for (const peer of this.peers) {
      if (peer.identity.userId !== userId || peer.identity.sessionId === opts.exceptSessionId) continue;
      peer.close(CloseCode.SESSION_REVOKED, 'session revoked');
      closed++;
    }
    return closed;
  }

  /** Closes the collab sockets of one signed-out session. */
  closeSession(sessionId: string): number {
    let closed = 0;
    for (const peer of this.peers) {
      if (peer.identity.sessionId !== sessionId) continue;
      peer.close(CloseCode.SESSION_REVOKED, 'signed out');
      closed++;
    }
    return closed;
  }

  /**
   * The doc as stored, for readers outside the collab endpoint (exports, minutes): first waits
   * until what this process has relayed on it is stored. The caller destroys the doc.
   */
  async read(docName: string): Promise<Y.Doc> {
    await this.registry.flushed(docName);
    return this.store.read(docName);
  }

  /** Resolves once everything relayed on the doc in this process is stored. */
  flushed(docName: string): Promise<void> {
    return this.registry.flushed(docName);
  }

  /** Folds a doc's stored updates into one snapshot now. */
  compact(docName: string): Promise<Compaction | null> {
    return this.registry.compact(docName);
  }

  /** Closes every socket with SERVER_RESTARTING (clients retry), then stores what is queued. */
  async shutdown(): Promise<void> {
    this.closing = true;
    for (const timer of this.timers) clearInterval(timer);
    if (this.peers.size) {
      const drained = new Promise<void>((resolve) => {
        this.drained = resolve;
      });
      for (const peer of this.peers) peer.close(CloseCode.SERVER_RESTARTING, 'restarting');
      // A client that does not answer the close handshake is cut off.
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_MS).unref());
      await Promise.race([drained, timeout]);
      for (const peer of this.peers) peer.ws.terminate();
    }
    await this.registry.closeAll();
    this.wss.close();
  }

  private keepalive(): void {
    for (const peer of this.peers) {
      if (!peer.alive) {
        peer.ws.terminate();
        continue;
      }
      peer.alive = false;
      peer.ws.ping();
    }
  }

  /** Closes sockets whose session is gone (signed out, expired, revoked by another process). */
  private async checkSessions(): Promise<void> {
    const ids = [...new Set([...this.peers].map((p) => p.identity.sessionId))];
    if (!ids.length) return;
    const live = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const found = await collections(this.app.db)
        .sessions.find({ _id: { $in: ids.slice(i, i + 500) }, expiresAt: { $gt: new Date() } }, { projection: { _id: 1 } })
        .toArray();
      for (const s of found) live.add(s._id);
    }
    for (const peer of this.peers) if (!live.has(peer.identity.sessionId)) peer.close(CloseCode.SESSION_REVOKED, 'session ended');
  }
}
