import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectId } from 'mongodb';
import { CloseCode, docNames, isFinalCloseCode } from '@e-cabinet/protocol';
import { makeMeeting, upload, type MeetingCast, type TestApp } from '../../test/helper.ts';
import { makePdf } from '../../test/files.ts';
import { clientPool, collabMeeting, connectCollab, type CollabClient } from '../../test/collab-client.ts';

let app: TestApp;
let baseUrl: string;
let cast: MeetingCast;
let versionId: string;
const clients = clientPool();

beforeAll(async () => {
  ({ app, baseUrl, cast, versionId } = await collabMeeting());
});
afterAll(() => app.teardown());

function open(docName: string, cookie: string | null, opts: Parameters<typeof connectCollab>[3] = {}): CollabClient {
  const client = connectCollab(baseUrl, docName, cookie, opts);
  clients.add(client);
  return client;
}

/** The close code the server ends this connection with; the client must then stop retrying. */
async function refusal(docName: string, cookie: string | null, opts: Parameters<typeof connectCollab>[3] = {}): Promise<number> {
  const client = open(docName, cookie, opts);
  const { code } = await client.closed;
  expect(client.provider.shouldConnect).toBe(false);
  return code;
}

const id = () => new ObjectId().toHexString();
const shared = () => docNames.annShared(cast.meetingId, versionId);

describe('collab upgrade: who may open which doc', () => {
  it('refuses a connection without a session cookie, or with a dead one', async () => {
    expect(await refusal(shared(), null)).toBe(CloseCode.UNAUTHENTICATED);
    expect(await refusal(shared(), 'ecab_sid=not-a-session')).toBe(CloseCode.UNAUTHENTICATED);
    expect(isFinalCloseCode(CloseCode.UNAUTHENTICATED)).toBe(true);
  });

  it('refuses malformed and non-canonical doc names', async () => {
    for (const name of ['nonsense', `ann:${cast.meetingId}:${versionId}`, `ann:${cast.meetingId}:${versionId}:public`, `ann:${cast.meetingId.toUpperCase()}:${versionId}:shared`, `minutes:${cast.meetingId}:extra`, 'ann:%E0%A4%A:x:shared']) {
      expect(await refusal(name, cast.member.cookie), name).toBe(CloseCode.BAD_DOC_NAME);
    }
  });

  it('refuses a client speaking another protocol version, and a page from another origin', async () => {
    expect(await refusal(shared(), cast.member.cookie, { params: { v: '0' } })).toBe(CloseCode.PROTOCOL_MISMATCH);
    expect(await refusal(shared(), cast.member.cookie, { params: {} })).toBe(CloseCode.PROTOCOL_MISMATCH);
    expect(await refusal(shared(), cast.member.cookie, { origin: 'https://evil.example' })).toBe(CloseCode.FORBIDDEN);
    const sameOrigin = open(shared(), cast.member.cookie, { origin: baseUrl });
    await sameOrigin.synced;
  });

  it('answers NOT_FOUND for forged ids, a version of another meeting and a meeting the user is not in', async () => {
    expect(await refusal(docNames.annShared(id(), versionId), cast.member.cookie)).toBe(CloseCode.NOT_FOUND);
    expect(await refusal(docNames.annShared(cast.meetingId, id()), cast.member.cookie)).toBe(CloseCode.NOT_FOUND);
    expect(await refusal(docNames.minutes(id()), cast.member.cookie)).toBe(CloseCode.NOT_FOUND);
    // The version is real, but belongs to another meeting the user is in.
    const other = await makeMeeting(app, { status: 'published' });
    const otherVersion = (await upload(app, other.secretary.cookie, other.meetingId, other.itemId, await makePdf(1))).json().current.id;
    expect(await refusal(docNames.annShared(cast.meetingId, otherVersion), cast.member.cookie)).toBe(CloseCode.NOT_FOUND);
    // A non-participant, on a doc that exists, gets the same answer as for one that does not.
    expect(await refusal(shared(), cast.outsider.cookie)).toBe(CloseCode.NOT_FOUND);
    expect(await refusal(docNames.minutes(cast.meetingId), cast.outsider.cookie)).toBe(CloseCode.NOT_FOUND);
    expect(await refusal(docNames.annPrivate(cast.meetingId, versionId, cast.outsider.user._id.toHexString()), cast.outsider.cookie)).toBe(CloseCode.NOT_FOUND);
  });

  it('hides a draft meeting from its members', async () => {
    const draft = await makeMeeting(app);
    const v = (await upload(app, draft.secretary.cookie, draft.meetingId, draft.itemId, await makePdf(1))).json().current.id;
    expect(await refusal(docNames.annShared(draft.meetingId, v), draft.member.cookie)).toBe(CloseCode.NOT_FOUND);
    const secretary = open(docNames.annShared(draft.meetingId, v), draft.secretary.cookie);
    await secretary.synced;
  });

  it("refuses someone else's private doc from its name alone, and lets the owner in", async () => {
    const chairs = docNames.annPrivate(cast.meetingId, versionId, cast.chair.user._id.toHexString());
    expect(await refusal(chairs, cast.member.cookie)).toBe(CloseCode.FORBIDDEN);
    // Same answer for a meeting that does not exist: the refusal reveals nothing.
    expect(await refusal(docNames.annPrivate(id(), id(), cast.chair.user._id.toHexString()), cast.member.cookie)).toBe(CloseCode.FORBIDDEN);
    const own = open(chairs, cast.chair.cookie);
    await own.synced;
  });

  it('refuses a document restricted to others, on both layers', async () => {
    const res = await upload(app, cast.secretary.cookie, cast.meetingId, cast.itemId, await makePdf(1), 'mat.pdf');
    const doc = res.json();
    const restrict = await app.inject({
      method: 'PATCH',
      url: `/api/documents/${doc.id}`,
      headers: { cookie: cast.secretary.cookie },
      payload: { access: 'selected', allowedUserIds: [cast.chair.user._id.toHexString()] },
    });
    expect(restrict.statusCode).toBe(200);
    const v = doc.current.id as string;
    expect(await refusal(docNames.annShared(cast.meetingId, v), cast.member.cookie)).toBe(CloseCode.NOT_FOUND);
    expect(await refusal(docNames.annPrivate(cast.meetingId, v, cast.member.user._id.toHexString()), cast.member.cookie)).toBe(CloseCode.NOT_FOUND);
    const allowed = open(docNames.annShared(cast.meetingId, v), cast.chair.cookie);
    const organiser = open(docNames.annShared(cast.meetingId, v), cast.secretary.cookie);
    await Promise.all([allowed.synced, organiser.synced]);
  });

  it('grants writing by role: observers and non-organisers on minutes read only, private docs always writable', async () => {
    const grants: { docName: string; userId: string; writable: boolean }[] = [];
    const record = (e: (typeof grants)[number]) => grants.push(e);
    app.collab.on('connected', record);
    try {
      const cases = [
        { who: cast.member, docName: shared(), writable: true },
        { who: cast.invitee, docName: shared(), writable: true },
        { who: cast.observer, docName: shared(), writable: false },
        { who: cast.observer, docName: docNames.annPrivate(cast.meetingId, versionId, cast.observer.user._id.toHexString()), writable: true },
        { who: cast.chair, docName: docNames.minutes(cast.meetingId), writable: true },
        { who: cast.secretary, docName: docNames.minutes(cast.meetingId), writable: true },
        { who: cast.member, docName: docNames.minutes(cast.meetingId), writable: false },
      ];
      for (const c of cases) await open(c.docName, c.who.cookie).synced;
      expect(grants).toEqual(cases.map((c) => ({ docName: c.docName, userId: c.who.user._id.toHexString(), writable: c.writable })));
    } finally {
      app.collab.off('connected', record);
    }
  });

  it('makes the minutes read-only for everyone once the meeting is closed', async () => {
    const other = await makeMeeting(app, { status: 'closed' });
    const grants: { docName: string; userId: string; writable: boolean }[] = [];
    const record = (e: (typeof grants)[number]) => grants.push(e);
    app.collab.on('connected', record);
    try {
      const name = docNames.minutes(other.meetingId);
      for (const who of [other.chair, other.secretary, other.member]) await open(name, who.cookie).synced;
      expect(grants).toEqual([other.chair, other.secretary, other.member].map((who) => ({ docName: name, userId: who.user._id.toHexString(), writable: false })));
    } finally {
      app.collab.off('connected', record);
    }
  });

  it('leaves Socket.io upgrades to engine.io and answers other upgrade paths 404', async () => {
    const { WebSocket } = await import('ws');
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/elsewhere`);
    const status = await new Promise<number | undefined>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode));
      ws.on('error', () => resolve(undefined));
    });
    expect(status).toBe(404);
    ws.terminate();
  });
});
