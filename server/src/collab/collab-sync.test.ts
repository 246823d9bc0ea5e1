import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, docNames } from '@e-cabinet/protocol';
import { login, once, type MeetingCast, type TestApp } from '../../test/helper.ts';
import { clientPool, collabMeeting, connectCollab, storedDoc, until, type CollabClient } from '../../test/collab-client.ts';
import { revokeUserSessions } from '../realtime/revoke.ts';

let app: TestApp;
let baseUrl: string;
let cast: MeetingCast;
let versionId: string;
const clients = clientPool();

beforeAll(async () => {
  ({ app, baseUrl, cast, versionId } = await collabMeeting());
});
afterAll(() => app.teardown());

async function join(docName: string, cookie: string): Promise<CollabClient> {
  const client = connectCollab(baseUrl, docName, cookie);
  clients.add(client);
  await client.synced;
  return client;
}

const strokes = (c: CollabClient) => c.doc.getArray<string>('strokes');

describe('collab sync', () => {
  it("shows each member the other's marks, stored before anyone else sees them", async () => {
    const name = docNames.annShared(cast.meetingId, versionId);
    const a = await join(name, cast.member.cookie);
    const b = await join(name, cast.invitee.cookie);
    strokes(a).push(['from A']);
    await until(b.doc, () => strokes(b).toArray().includes('from A'));
    // Broadcast comes after the insert: what B has seen is already in the database.
    expect((await storedDoc(app, name)).doc.getArray('strokes').toArray()).toEqual(['from A']);
    strokes(b).push(['from B']);
    await until(a.doc, () => strokes(a).length === 2);
    expect(strokes(a).toArray()).toEqual(strokes(b).toArray());
    // A third reader joining later gets everything from the server.
    const c = await join(name, cast.chair.cookie);
    expect(strokes(c).toArray().sort()).toEqual(['from A', 'from B']);
  });

  it("drops an observer's writes: never applied, stored nor relayed, while the observer still reads", async () => {
    const name = docNames.annShared(cast.meetingId, versionId);
    const member = await join(name, cast.member.cookie);
    const observer = await join(name, cast.observer.cookie);
    const dropped = once<{ docName: string; userId: string }>(app.collab, 'dropped');
    observer.doc.getMap('marks').set('observer', 'scribble');
    expect(await dropped).toEqual({ docName: name, userId: cast.observer.user._id.toHexString() });
    // A member's later write reaches the observer; the observer's never reaches the member.
    member.doc.getMap('marks').set('member', 'stroke');
    await until(observer.doc, () => observer.doc.getMap('marks').get('member') === 'stroke');
    expect(member.doc.getMap('marks').get('observer')).toBeUndefined();
    const stored = (await storedDoc(app, name)).doc.getMap('marks');
    expect(stored.get('member')).toBe('stroke');
    expect(stored.has('observer')).toBe(false);
    // Nor does a newcomer get it from the server's copy.
    const late = await join(name, cast.chair.cookie);
    expect(late.doc.getMap('marks').toJSON()).toEqual({ member: 'stroke' });
  });

  it("lets an observer write their own private doc", async () => {
    const name = docNames.annPrivate(cast.meetingId, versionId, cast.observer.user._id.toHexString());
    const phone = await join(name, cast.observer.cookie);
    phone.doc.getMap('notes').set('p1', 'hỏi lại số liệu');
    // A second device of the same user follows.
    const tablet = await join(name, await login(app, cast.observer.user.username, 'MatKhau123'));
    await until(tablet.doc, () => tablet.doc.getMap('notes').get('p1') === 'hỏi lại số liệu');
    expect((await storedDoc(app, name)).doc.getMap('notes').get('p1')).toBe('hỏi lại số liệu');
  });

  it('lets organisers draft minutes and other participants only read them', async () => {
    const name = docNames.minutes(cast.meetingId);
    const secretary = await join(name, cast.secretary.cookie);
    const member = await join(name, cast.member.cookie);
    secretary.doc.getText('body').insert(0, 'Kết luận của chủ tọa');
    await until(member.doc, () => member.doc.getText('body').toString() === 'Kết luận của chủ tọa');
    const dropped = once(app.collab, 'dropped');
    member.doc.getText('body').insert(0, 'X');
    await dropped;
    expect((await storedDoc(app, name)).doc.getText('body').toString()).toBe('Kết luận của chủ tọa');
  });

  it('merges marks made offline when the client reconnects', async () => {
    const name = docNames.annShared(cast.meetingId, versionId);
    const a = await join(name, cast.member.cookie);
    const b = await join(name, cast.chair.cookie);
    a.provider.disconnect();
    strokes(a).push(['offline stroke']);
    a.provider.connect();
    await until(b.doc, () => strokes(b).toArray().includes('offline stroke'));
    expect((await storedDoc(app, name)).doc.getArray('strokes').toArray()).toContain('offline stroke');
  });

  it('relays presence between peers', async () => {
    const name = docNames.annShared(cast.meetingId, versionId);
    const a = await join(name, cast.member.cookie);
    const b = await join(name, cast.chair.cookie);
    const seen = new Promise<void>((resolve) => {
      const on = () => {
        if (b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name !== 'A') return;
        b.provider.awareness.off('change', on);
        resolve();
      };
      b.provider.awareness.on('change', on);
    });
    a.provider.awareness.setLocalStateField('user', { name: 'A' });
    await seen;
  });

  it('echoes an empty presence renewal to its sender only, and relays presence with content to all', async () => {
    const name = docNames.minutes(cast.meetingId);
    const a = await join(name, cast.secretary.cookie);
    const b = await join(name, cast.chair.cookie);
    await new Promise<void>((resolve) => {
      const on = () => {
        if (!b.provider.awareness.getStates().has(a.doc.clientID)) return;
        b.provider.awareness.off('update', on);
        resolve();
      };
      b.provider.awareness.on('update', on);
      on();
    });
    // From here, every awareness update B hears about A.
    const heardByB: unknown[] = [];
    b.provider.awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => {
      for (const id of [...added, ...updated]) if (id === a.doc.clientID) heardByB.push(b.provider.awareness.getStates().get(id));
    });
    // The frames A's socket receives: the renewal's echo is an awareness message (type 1).
    const ws = a.provider.ws as unknown as { on(event: 'message', fn: (data: ArrayBuffer) => void): void; off(event: 'message', fn: (data: ArrayBuffer) => void): void };
    const echoed = new Promise<void>((resolve) => {
      // y-websocket asks for ArrayBuffers.
      const on = (data: ArrayBuffer) => {
        if (new Uint8Array(data)[0] !== 1) return;
        ws.off('message', on);
        resolve();
      };
      ws.on('message', on);
    });
    // What y-websocket does every 15 s: the same (empty) state, a higher clock.
    a.provider.awareness.setLocalState({});
    await echoed;
    a.provider.awareness.setLocalStateField('user', { name: 'A' });
    await new Promise<void>((resolve) => {
      const on = () => {
        if (b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name !== 'A') return;
        b.provider.awareness.off('change', on);
        resolve();
      };
      b.provider.awareness.on('change', on);
      on();
    });
    // The server handles A's frames in order: had the renewal reached B, it would come first.
    expect(heardByB).toEqual([{ user: { name: 'A' } }]);
  });

  it("closes a user's collab sockets with SESSION_REVOKED when their sessions are revoked", async () => {
    const name = docNames.annShared(cast.meetingId, versionId);
    const { user } = cast.invitee;
    const other = await login(app, user.username, 'MatKhau123');
    const kept = await join(name, cast.invitee.cookie);
    const revoked = await join(name, other);
    const session = await app.sessions.resolve(decodeURIComponent(cast.invitee.cookie.split('=')[1]!));
    // Revoke every session but the first device's, as a password change does.
    await revokeUserSessions(app, user._id, { exceptSessionId: session!._id });
    expect((await revoked.closed).code).toBe(CloseCode.SESSION_REVOKED);
    expect(revoked.provider.shouldConnect).toBe(false);
    expect(kept.provider.wsconnected).toBe(true);
    await revokeUserSessions(app, user._id);
    expect((await kept.closed).code).toBe(CloseCode.SESSION_REVOKED);
    // And the old cookie cannot come back.
    const retry = connectCollab(baseUrl, name, cast.invitee.cookie);
    clients.add(retry);
    expect((await retry.closed).code).toBe(CloseCode.UNAUTHENTICATED);
  });
});
