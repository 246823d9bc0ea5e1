import * as Y from 'yjs';
import { SharedDoc, type SharedDocEvents } from './shared-doc.ts';
import type { Compaction, YjsStore } from './yjs-store.ts';

export interface RegistrySettings {
  /** A loaded doc with this many stored records is compacted at once. */
  compactAfter: number;
  /** A doc with at least this many records is compacted when unloaded or swept. */
  compactIdleAfter: number;
  /** How long a doc stays in memory after its last peer leaves (a reload reconnects at once). */
  unloadGraceMs: number;
}

export interface RegistryHooks {
  stored(docName: string, updates: number): void;
  compacted(docName: string, result: Compaction): void;
  unloaded(docName: string): void;
  error(err: unknown, context: string, docName: string): void;
}

interface Entry {
  ready: Promise<SharedDoc>;
  /** Peers connected plus upgrades that have acquired the doc and are about to connect. */
  refs: number;
  unloadTimer: NodeJS.Timeout | null;
}

/**
 * The docs loaded in this process, by name. A doc is loaded from MongoDB on first use, shared by
 * every peer of that name, and dropped from memory a grace period after its last peer left,
 * once its queued writes are stored. Compaction runs when a doc grows past `compactAfter`
 * records, on the periodic sweep, and on unload.
 */
export class DocRegistry {
  private readonly docs = new Map<string, Entry>();
  /** Compactions and unloads under way, awaited on shutdown so none outlives the database. */
  private readonly tasks = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly store: YjsStore,
    private readonly settings: RegistrySettings,
    private readonly hooks: RegistryHooks,
  ) {}

  get size(): number {
    return this.docs.size;
  }

  /** The doc, loaded if need be; the caller holds a reference until it calls `release`. */
  async acquire(name: string): Promise<SharedDoc> {
    let entry = this.docs.get(name);
    if (!entry) {
      const created: Entry = { ready: this.load(name), refs: 0, unloadTimer: null };
      entry = created;
      this.docs.set(name, created);
      // A failed load is forgotten so the next upgrade tries again.
      created.ready.catch(() => {
        if (this.docs.get(name) === created) this.docs.delete(name);
      });
    }
    entry.refs++;
    if (entry.unloadTimer) {
      clearTimeout(entry.unloadTimer);
      entry.unloadTimer = null;
    }
    try {
      return await entry.ready;
    } catch (err) {
      entry.refs--;
      throw err;
    }
  }

  release(name: string): void {
    const entry = this.docs.get(name);
    if (!entry || --entry.refs > 0) return;
    entry.unloadTimer = setTimeout(() => this.track(this.unload(name, entry), name), this.settings.unloadGraceMs);
    entry.unloadTimer.unref();
  }

  /** Folds a doc's stored records into one snapshot (one compaction at a time per doc). */
  compact(name: string): Promise<Compaction | null> {
    if (this.closed) return Promise.resolve(null);
    const run = this.compactNow(name);
    this.track(run, name);
    return run;
  }

  private async compactNow(name: string): Promise<Compaction | null> {
    const live = this.docs.get(name);
    const shared = live ? await live.ready.catch(() => null) : null;
    if (shared?.compacting) return null;
    if (shared) shared.compacting = true;
    try {
      const result = shared?.readable ? await this.compactLive(shared) : await this.store.compact(name, (id, err) => this.hooks.error(err, `unreadable record ${id.toHexString()}`, name));
      if (result) {
        if (shared) shared.records -= result.merged - 1;
        this.hooks.compacted(name, result);
      }
      return result;
    } finally {
      if (shared) shared.compacting = false;
    }
  }

  /** Resolves once everything relayed on this doc in this process is stored (now if not loaded). */
  async flushed(name: string): Promise<void> {
    const shared = await this.docs.get(name)?.ready.catch(() => null);
    await shared?.idle();
  }

  /**
   * A loaded doc whose records all applied holds everything they do (and maybe more, not yet
   * stored: harmless, it is stored again later). Its state becomes the snapshot at once, with no
   * read of the records: compaction then costs the live doc one encode, not a replay.
   */
  private async compactLive(shared: SharedDoc): Promise<Compaction | null> {
    if (shared.storedIds.length < 2) return null;
    const ids = shared.storedIds;
    shared.storedIds = [];
    const snapshot = Y.encodeStateAsUpdate(shared.doc);
    try {
      const snapshotId = await this.store.replaceWithSnapshot(shared.name, snapshot, ids);
      shared.storedIds.unshift(snapshotId);
    } catch (err) {
      // Whatever was deleted is in the snapshot if that was inserted; keep every id as a candidate.
      shared.storedIds.unshift(...ids);
      throw err;
    }
    return { merged: ids.length, bytes: snapshot.byteLength };
  }

  /** Compacts every loaded doc that has gathered `compactIdleAfter` records. */
  async sweep(): Promise<void> {
    for (const [name, entry] of this.docs) {
      const shared = await entry.ready.catch(() => null);
      if (shared && shared.records >= this.settings.compactIdleAfter) await this.compact(name).catch(() => {});
    }
  }

  /** Waits for every queued write, then drops every doc (shutdown; peers are already closed). */
  async closeAll(): Promise<void> {
    this.closed = true;
    const entries = [...this.docs.values()];
    this.docs.clear();
    for (const entry of entries) {
      if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
      const shared = await entry.ready.catch(() => null);
      if (!shared) continue;
      await shared.drain();
      shared.destroy();
    }
    while (this.tasks.size) await Promise.allSettled([...this.tasks]);
  }

  private track(task: Promise<unknown>, name: string): void {
    const settled = task.catch((err: unknown) => this.hooks.error(err, 'compaction or unload', name)).finally(() => this.tasks.delete(settled));
    this.tasks.add(settled);
  }

  private async load(name: string): Promise<SharedDoc> {
    const events: SharedDocEvents = {
      stored: (doc, updates) => {
        this.hooks.stored(name, updates);
        if (doc.records >= this.settings.compactAfter && !doc.compacting) void this.compact(name).catch(() => {});
      },
      storeFailed: (_doc, err, retryInMs) => this.hooks.error(err, `storing updates (retrying in ${retryInMs} ms)`, name),
    };
    const shared = new SharedDoc(name, this.store, events);
    shared.hydrate(await this.store.load(name), (index, err) => this.hooks.error(err, `unreadable record #${index}`, name));
    return shared;
  }

  private async unload(name: string, entry: Entry): Promise<void> {
    entry.unloadTimer = null;
    const shared = await entry.ready.catch(() => null);
    if (!shared) return;
    await shared.idle();
    // Someone may have connected while the last writes were stored.
    if (entry.refs > 0 || this.docs.get(name) !== entry) return;
    this.docs.delete(name);
    shared.destroy();
    this.hooks.unloaded(name);
    if (shared.records >= this.settings.compactIdleAfter) await this.compact(name).catch(() => {});
  }
}
