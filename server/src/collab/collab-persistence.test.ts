import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Binary, ObjectId } from 'mongodb';
import * as Y from 'yjs';
import { CloseCode, docNames } from '@e-cabinet/protocol';
import { buildTestApp, buildTestAppOn, listen, makeMeeting, once, upload, type MeetingCast, type TestApp } from '../../test/helper.ts';
import { makePdf } from '../../test/files.ts';
import { clientPool, collabMeeting, connectCollab, storedDoc, until, type CollabClient } from '../../test/collab-client.ts';
import { YjsStore } from './yjs-store.ts';
import { collections } from '../db/collections.ts';

let app: TestApp;
let baseUrl: string;
let cast: MeetingCast;
let versionId: string;
const clients = clientPool();

beforeAll(async () => {
  ({ app, baseUrl, cast, versionId } = await collabMeeting());
});
afterAll(() => app.teardown());

async function join(url: string, docName: string, cookie: string): Promise<CollabClient> {
  const client = connectCollab(url, docName, cookie);
  clients.add(client);
  await client.synced;
  return client;
}

/** Writes n marks, one update each, and waits until another client has them all (so all are stored). */
async function draw(writer: CollabClient, watcher: CollabClient, n: number, key = 'strokes') {
  const start = watcher.doc.getArray(key).length;
  for (let i = 0; i < n; i++) writer.doc.getArray<string>(key).push([`stroke ${start + i}`]);
  await until(watcher.doc, () => watcher.doc.getArray(key).length === start + n);
}

describe('collab persistence', () => {
  it('keeps marks across a server restart', async () => {
    const first = await buildTestApp();
    const url = await listen(first);
    const m = await makeMeeting(first, { status: 'published' });
    const v = (await upload(first, m.secretary.cookie, m.meetingId, m.itemId, await makePdf(1))).json().current.id;
    const shared = docNames.annShared(m.meetingId, v);
    const own = docNames.annPrivate(m.meetingId, v, m.member.user._id.toHexString());
    const a = await join(url, shared, m.member.cookie);
    const b = await join(url, shared, m.chair.cookie);
    await draw(a, b, 3);
    const note = await join(url, own, m.member.cookie);
    const stored = once(first.collab, 'stored');
    note.doc.getMap('notes').set('n1', 'ghi chú riêng');
    await stored;
    // The server closes its sockets with a "retry" code on the way down.
    const closing = a.closed;
    await first.close();
    expect((await closing).code).toBe(CloseCode.SERVER_RESTARTING);
    clients.destroyAll();

    const second = await buildTestAppOn(first.db.databaseName);
    try {
      const url2 = await listen(second);
      const fresh = await join(url2, shared, m.invitee.cookie);
      expect(fresh.doc.getArray('strokes').toArray()).toEqual(['stroke 0', 'stroke 1', 'stroke 2']);
      const mine = await join(url2, own, m.member.cookie);
      expect(mine.doc.getMap('notes').get('n1')).toBe('ghi chú riêng');
    } finally {
      clients.destroyAll();
      await second.teardown();
    }
  });

  it('compacts a doc into one snapshot that keeps every mark, and builds on it afterwards', async () => {
    const name = docNames.annShared(cast.meetingId, versionId);
    const a = await join(baseUrl, name, cast.member.cookie);
    const b = await join(baseUrl, name, cast.chair.cookie);
    await draw(a, b, 30);
    const before = await storedDoc(app, name);
    expect(before.records).toBeGreaterThanOrEqual(30);
    const result = await app.collab.compact(name);
    expect(result?.merged).toBe(before.records);
    const after = await storedDoc(app, name);
    expect(after.records).toBe(1);
    expect(after.doc.getArray('strokes').toArray()).toEqual(before.doc.getArray('strokes').toArray());
    // Writing goes on from the snapshot, and a newcomer gets all of it.
    await draw(b, a, 2);
    expect((await storedDoc(app, name)).records).toBe(3);
    const c = await join(baseUrl, name, cast.invitee.cookie);
    expect(c.doc.getArray('strokes').length).toBe(32);
  });

  it('compacts on its own once a doc passes the threshold', async () => {
    const name = docNames.annPrivate(cast.meetingId, versionId, cast.member.user._id.toHexString());
    const saved = app.collab.settings.compactAfter;
    app.collab.settings.compactAfter = 10;
    try {
      const phone = await join(baseUrl, name, cast.member.cookie);
      const tablet = await join(baseUrl, name, cast.member.cookie);
      const compacted = once<{ docName: string; merged: number }>(app.collab, 'compacted');
      await draw(phone, tablet, 12);
      const result = await compacted;
      expect(result.docName).toBe(name);
      expect(result.merged).toBeGreaterThanOrEqual(10);
      const stored = await storedDoc(app, name);
      expect(stored.records).toBeLessThan(12);
      expect(stored.doc.getArray('strokes').length).toBe(12);
    } finally {
      app.collab.settings.compactAfter = saved;
    }
  });

  it('unloads a doc after its last reader leaves, compacting it, and loads it again on demand', async () => {
    const name = docNames.annPrivate(cast.meetingId, versionId, cast.chair.user._id.toHexString());
    const saved = { ...app.collab.settings };
    Object.assign(app.collab.settings, { unloadGraceMs: 0, compactIdleAfter: 5 });
    try {
      const phone = await join(baseUrl, name, cast.chair.cookie);
      const tablet = await join(baseUrl, name, cast.chair.cookie);
      await draw(phone, tablet, 6);
      const loaded = app.collab.registry.size;
      const unloaded = once<{ docName: string }>(app.collab, 'unloaded');
      const compacted = once<{ docName: string }>(app.collab, 'compacted');
      clients.destroyAll();
      expect(await unloaded).toEqual({ docName: name });
      expect((await compacted).docName).toBe(name);
      expect(app.collab.registry.size).toBe(loaded - 1);
      expect((await storedDoc(app, name)).records).toBe(1);
      const again = await join(baseUrl, name, cast.chair.cookie);
      expect(again.doc.getArray('strokes').length).toBe(6);
    } finally {
      Object.assign(app.collab.settings, saved);
    }
  });
});

describe('yjs store', () => {
  const updatesOf = (fn: (doc: Y.Doc) => void): Uint8Array[] => {
    const doc = new Y.Doc();
    const out: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => out.push(u));
    fn(doc);
    return out;
  };
  const contentOf = (updates: Uint8Array[]) => {
    const doc = new Y.Doc();
    for (const u of updates) Y.applyUpdate(doc, u);
    return doc.getArray('a').toArray();
  };

  it('loses nothing when compaction stops between the snapshot and the deletes', async () => {
    const store = new YjsStore(collections(app.db).yjsUpdates);
    const name = `minutes:${'a'.repeat(24)}`;
    const updates = updatesOf((doc) => {
      for (let i = 0; i < 5; i++) doc.getArray<number>('a').push([i]);
    });
    await store.append(name, updates);
    // The state after a crash right after the snapshot was inserted: records and snapshot both.
    await collections(app.db).yjsUpdates.insertOne({ _id: new ObjectId(), docName: name, kind: 'snapshot', update: new Binary(Y.mergeUpdates(updates)), at: new Date(), merged: 5 });
    const loaded = await store.load(name);
    expect(loaded.records).toBe(6);
    expect(contentOf(loaded.updates)).toEqual([0, 1, 2, 3, 4]);
    expect(await store.compact(name)).toMatchObject({ merged: 6 });
    const after = await store.load(name);
    expect(after.records).toBe(1);
    expect(contentOf(after.updates)).toEqual([0, 1, 2, 3, 4]);
  });

  it('skips a record Yjs cannot read instead of refusing the whole doc', async () => {
    const store = new YjsStore(collections(app.db).yjsUpdates);
    const name = docNames.annShared(cast.meetingId, versionId).replace(/shared$/, `private:${cast.invitee.user._id.toHexString()}`);
    await store.append(name, updatesOf((doc) => doc.getArray<string>('strokes').push(['kept'])));
    await store.append(name, [new Uint8Array([1, 250, 250, 250, 250, 7])]);
    const reader = await join(baseUrl, name, cast.invitee.cookie);
    expect(reader.doc.getArray('strokes').toArray()).toEqual(['kept']);
    const bad: unknown[] = [];
    await store.compact(name, (_id, err) => bad.push(err));
    expect(bad).toHaveLength(1);
    expect(await store.count(name)).toBe(2);
  });

  it('compacts a live doc from memory, but from the records (keeping the unreadable one) once one failed to load', async () => {
    const store = new YjsStore(collections(app.db).yjsUpdates);
    const live = docNames.annPrivate(cast.meetingId, versionId, cast.observer.user._id.toHexString());
    await store.append(live, updatesOf((doc) => doc.getArray<string>('strokes').push(['một', 'hai'])));
    const writer = await join(baseUrl, live, cast.observer.cookie);
    const stored = once(app.collab, 'stored');
    writer.doc.getArray<string>('strokes').push(['ba']);
    await stored;
    expect((await storedDoc(app, live)).records).toBe(2);
    expect(await app.collab.compact(live)).toMatchObject({ merged: 2 });
    expect((await storedDoc(app, live)).doc.getArray('strokes').toArray()).toEqual(['một', 'hai', 'ba']);
    expect(await store.count(live)).toBe(1);

    const damaged = docNames.annPrivate(cast.meetingId, versionId, cast.secretary.user._id.toHexString());
    const good = updatesOf((doc) => {
      doc.getArray<string>('strokes').push(['một']);
      doc.getArray<string>('strokes').push(['hai']);
    });
    await store.append(damaged, [good[0]!, new Uint8Array([1, 250, 250, 250, 250, 7]), good[1]!]);
    const reader = await join(baseUrl, damaged, cast.secretary.cookie);
    expect(reader.doc.getArray('strokes').toArray()).toEqual(['một', 'hai']);
    expect(await app.collab.compact(damaged)).toMatchObject({ merged: 2 });
    // The snapshot and the record nobody can read, left as evidence.
    expect(await store.count(damaged)).toBe(2);
    expect((await store.read(damaged)).getArray('strokes').toArray()).toEqual(['một', 'hai']);
  });
});
