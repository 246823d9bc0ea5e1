import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectId } from 'mongodb';
import type { AttendanceEntry, LiveState } from '@e-cabinet/protocol';
import { buildTestApp, listen, type TestApp } from '../../test/helper.ts';
import { applyEvent, Client, makeLiveMeeting, transition, type LiveCast, type Person } from './live-cast.ts';

let app: TestApp;
let baseUrl: string;
let cast: LiveCast;
/** Follows the whole meeting from before it starts; its events must have no gaps. */
let watcher: Client;
let initial: LiveState;
const clients = new Map<string, Client>();
const member = (i: number) => (): Person => cast.members[i]!;
const [m1, m2, m3, m4, m5] = [member(0), member(1), member(2), member(3), member(4)];

beforeAll(async () => {
  app = await buildTestApp();
  baseUrl = await listen(app);
  cast = await makeLiveMeeting(app);
  watcher = await Client.connect(baseUrl, cast.observer);
  initial = await watcher.sync(cast.meetingId);
});
afterAll(async () => {
  watcher.close();
  for (const c of clients.values()) c.close();
  await app.teardown();
});

async function as(who: Person): Promise<Client> {
  let client = clients.get(who.id);
  if (!client) {
    client = await Client.connect(baseUrl, who);
    await client.sync(cast.meetingId);
    clients.set(who.id, client);
  }
  return client;
}

const entry = (state: { attendance?: AttendanceEntry[] }, who: Person) => state.attendance?.find((a) => a.userId === who.id);
const attendanceCount = (userId: string) => app.db.collection('attendance').countDocuments({ meetingId: new ObjectId(cast.meetingId), userId: new ObjectId(userId) });

describe('the live meeting', () => {
  it('gives everyone on the roll the state, without observers, with the default quorum rule', () => {
    expect(initial).toMatchObject({ meetingId: cast.meetingId, status: 'published', currentItemId: null, speakers: { queue: [], floor: null }, polls: [] });
    expect(initial.attendance.map((a) => a.role)).toEqual(['chair', 'member', 'member', 'member', 'member', 'member', 'invitee', 'secretary']);
    expect(initial.attendance.every((a) => a.status === 'unknown' && a.checkedInAt === null)).toBe(true);
    expect(entry(initial, cast.observer)).toBeUndefined();
    expect(initial.quorum).toEqual({ rule: { numerator: 1, denominator: 2, strict: true }, members: 6, present: 0, required: 4, met: false });
  });

  it('opens check-in on publication but keeps the agenda and speakers for the session', async () => {
    const member = await as(m1());
    expect(await member.socket.emitWithAck('live:speakers:request', { meetingId: cast.meetingId })).toMatchObject({ ok: false, code: 'MEETING_NOT_LIVE' });
    const chair = await as(cast.chair);
    expect(await chair.socket.emitWithAck('live:item:set', { meetingId: cast.meetingId, itemId: cast.itemIds[0]! })).toMatchObject({ ok: false, code: 'MEETING_NOT_LIVE' });
    const res = await member.socket.emitWithAck('live:attendance:checkIn', { meetingId: cast.meetingId });
    expect(res).toMatchObject({ ok: true, entry: { userId: m1().id, status: 'present', late: false, leftAt: null } });
    const event = await watcher.event(res.ok ? res.seq : null);
    expect(entry(event, m1())).toMatchObject({ status: 'present' });
    expect(event.quorum).toMatchObject({ present: 1, met: false });
  });

  it('lets the chair start the meeting and move the current item for everyone', async () => {
    await transition(app, cast, 'start');
    const chair = await as(cast.chair);
    const member = await as(m2());
    const res = await chair.socket.emitWithAck('live:item:set', { meetingId: cast.meetingId, itemId: cast.itemIds[0]! });
    expect(res).toMatchObject({ ok: true });
    const seq = res.ok ? res.seq : null;
    expect(await member.event(seq)).toMatchObject({ status: 'live', currentItemId: cast.itemIds[0] });
    expect(await (await as(m1())).socket.emitWithAck('live:item:set', { meetingId: cast.meetingId, itemId: cast.itemIds[1]! })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await chair.socket.emitWithAck('live:item:set', { meetingId: cast.meetingId, itemId: new ObjectId().toHexString() })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('records check-in by oneself and by the secretary, absences with reasons, late arrival and early leave', async () => {
    const secretary = await as(cast.secretary);
    const chairIn = await secretary.socket.emitWithAck('live:attendance:checkIn', { meetingId: cast.meetingId, userId: cast.chair.id });
    expect(chairIn).toMatchObject({ ok: true, entry: { userId: cast.chair.id, status: 'present', late: false } });
    const again = await (await as(cast.chair)).socket.emitWithAck('live:attendance:checkIn', { meetingId: cast.meetingId });
    expect(again).toMatchObject({ ok: true, seq: null, entry: { status: 'present' } });

    const other = await (await as(m2())).socket.emitWithAck('live:attendance:checkIn', { meetingId: cast.meetingId, userId: m3().id });
    expect(other).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await secretary.socket.emitWithAck('live:attendance:checkIn', { meetingId: cast.meetingId, userId: cast.outsider.id })).toMatchObject({ ok: false, code: 'PARTICIPANT_NOT_FOUND' });
    expect(await secretary.socket.emitWithAck('live:attendance:checkIn', { meetingId: cast.meetingId, userId: cast.observer.id })).toMatchObject({ ok: false, code: 'PARTICIPANT_NOT_FOUND' });

    const m2In = await (await as(m2())).socket.emitWithAck('live:attendance:checkIn', { meetingId: cast.meetingId });
    const m3In = await (await as(m3())).socket.emitWithAck('live:attendance:checkIn', { meetingId: cast.meetingId });
    expect(m2In.ok && m3In.ok).toBe(true);
    const fourth = await watcher.event(m3In.ok ? m3In.seq : null);
    expect(fourth.quorum).toMatchObject({ present: 4, required: 4, met: true });

    const excused = await secretary.socket.emitWithAck('live:attendance:mark', { meetingId: cast.meetingId, userId: m4().id, status: 'excused', note: '  Đi công tác  ' });
    expect(excused).toMatchObject({ ok: true, entry: { status: 'excused', note: 'Đi công tác', checkedInAt: null } });
    const absent = await secretary.socket.emitWithAck('live:attendance:mark', { meetingId: cast.meetingId, userId: m5().id, status: 'absent' });
    expect(absent).toMatchObject({ ok: true, entry: { status: 'absent' } });
    expect(await (await as(m1())).socket.emitWithAck('live:attendance:mark', { meetingId: cast.meetingId, userId: m5().id, status: 'excused' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    // The scheduled start has passed: whoever checks in now is late.
    await app.db.collection('meetings').updateOne({ _id: new ObjectId(cast.meetingId) }, { $set: { startsAt: new Date(Date.now() - 3600_000) } });
    const late = await (await as(cast.invitee)).socket.emitWithAck('live:attendance:checkIn', { meetingId: cast.meetingId });
    expect(late).toMatchObject({ ok: true, entry: { status: 'present', late: true } });

    const left = await (await as(m3())).socket.emitWithAck('live:attendance:leave', { meetingId: cast.meetingId });
    expect(left).toMatchObject({ ok: true, entry: { status: 'present' } });
    const leftEntry = left.ok ? left.entry : null;
    expect(leftEntry?.leftAt).not.toBeNull();
    expect((await watcher.event(left.ok ? left.seq : null)).quorum).toMatchObject({ present: 3, met: false });
    expect(await (await as(m3())).socket.emitWithAck('live:attendance:leave', { meetingId: cast.meetingId })).toMatchObject({ ok: true, seq: null });
    expect(await secretary.socket.emitWithAck('live:attendance:leave', { meetingId: cast.meetingId, userId: m5().id })).toMatchObject({ ok: false, code: 'NOT_CHECKED_IN' });

    const back = await (await as(m3())).socket.emitWithAck('live:attendance:checkIn', { meetingId: cast.meetingId });
    expect(back).toMatchObject({ ok: true, entry: { leftAt: null, late: false, checkedInAt: m3In.ok ? m3In.entry.checkedInAt : 'x' } });
    expect((await watcher.event(back.ok ? back.seq : null)).quorum).toMatchObject({ present: 4, met: true });
    expect(await attendanceCount(m3().id)).toBe(1);
  });

  it('records proxies between voting members only, one given and one held each, without chains', async () => {
    const secretary = await as(cast.secretary);
    const given = await (await as(m4())).socket.emitWithAck('live:proxy:grant', { meetingId: cast.meetingId, holderId: m1().id });
    expect(given).toMatchObject({ ok: true });
    const event = await watcher.event(given.ok ? given.seq : null);
    expect(entry(event, m4())?.proxyTo).toEqual({ userId: m1().id, name: m1().user.fullName });
    expect(entry(event, m1())?.proxyFrom).toEqual({ userId: m4().id, name: m4().user.fullName });

    const m5c = await as(m5());
    expect(await (await as(m4())).socket.emitWithAck('live:proxy:grant', { meetingId: cast.meetingId, holderId: m2().id })).toMatchObject({ ok: false, code: 'PROXY_ALREADY_GIVEN' });
    expect(await m5c.socket.emitWithAck('live:proxy:grant', { meetingId: cast.meetingId, holderId: m1().id })).toMatchObject({ ok: false, code: 'PROXY_HOLDER_TAKEN' });
    expect(await m5c.socket.emitWithAck('live:proxy:grant', { meetingId: cast.meetingId, holderId: m4().id })).toMatchObject({ ok: false, code: 'PROXY_CHAIN' });
    expect(await m5c.socket.emitWithAck('live:proxy:grant', { meetingId: cast.meetingId, holderId: cast.invitee.id })).toMatchObject({ ok: false, code: 'PROXY_NOT_VOTING' });
    expect(await m5c.socket.emitWithAck('live:proxy:grant', { meetingId: cast.meetingId, holderId: m5().id })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await (await as(m2())).socket.emitWithAck('live:proxy:grant', { meetingId: cast.meetingId, holderId: m5().id })).toMatchObject({ ok: false, code: 'PROXY_PRINCIPAL_PRESENT' });
    expect(await (await as(cast.invitee)).socket.emitWithAck('live:proxy:grant', { meetingId: cast.meetingId, holderId: m2().id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await (await as(m2())).socket.emitWithAck('live:proxy:grant', { meetingId: cast.meetingId, holderId: m2().id, principalId: m5().id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    // The secretary records a proxy given on paper; the holder may decline it.
    const paper = await secretary.socket.emitWithAck('live:proxy:grant', { meetingId: cast.meetingId, principalId: m5().id, holderId: m2().id });
    expect(paper).toMatchObject({ ok: true });
    expect(await (await as(m3())).socket.emitWithAck('live:proxy:revoke', { meetingId: cast.meetingId, principalId: m5().id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const declined = await (await as(m2())).socket.emitWithAck('live:proxy:revoke', { meetingId: cast.meetingId, principalId: m5().id });
    expect(declined).toMatchObject({ ok: true });
    const after = await watcher.event(declined.ok ? declined.seq : null);
    expect(entry(after, m5())?.proxyTo).toBeNull();
    expect(entry(after, m2())?.proxyFrom).toBeNull();
    expect(await m5c.socket.emitWithAck('live:proxy:revoke', { meetingId: cast.meetingId })).toMatchObject({ ok: true, seq: null });

    const rights = await app.live.ballotRights(new ObjectId(cast.meetingId));
    expect(rights.filter((r) => r.viaProxy)).toEqual([{ voterId: m1().id, voterName: m1().user.fullName, principalId: m4().id, principalName: m4().user.fullName, viaProxy: true }]);
    expect(rights.filter((r) => !r.viaProxy).map((r) => r.voterId).sort()).toEqual([cast.chair.id, m1().id, m2().id, m3().id].sort());

    // The principal arrives: their proxy ends, and they vote in person.
    const arrived = await (await as(m4())).socket.emitWithAck('live:attendance:checkIn', { meetingId: cast.meetingId });
    const arrival = await watcher.event(arrived.ok ? arrived.seq : null);
    expect(entry(arrival, m4())).toMatchObject({ status: 'present', proxyTo: null });
    expect(entry(arrival, m1())).toMatchObject({ proxyFrom: null });
    expect(arrival.quorum).toMatchObject({ present: 5 });
    expect((await app.live.ballotRights(new ObjectId(cast.meetingId))).filter((r) => r.viaProxy)).toEqual([]);
    const stored = await app.db.collection('proxies').find({ meetingId: new ObjectId(cast.meetingId) }).toArray();
    expect(stored.map((p) => p.revokeReason).sort()).toEqual(['present', 'revoked']);
  });

  it('lets the organisers change the quorum rule, and recomputes it for everyone', async () => {
    expect(await (await as(m1())).socket.emitWithAck('live:quorum:setRule', { meetingId: cast.meetingId, rule: { numerator: 2, denominator: 3, strict: false } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const chair = await as(cast.chair);
    expect(await chair.socket.emitWithAck('live:quorum:setRule', { meetingId: cast.meetingId, rule: { numerator: 1, denominator: 1, strict: true } })).toMatchObject({ ok: false, code: 'VALIDATION' });
    const res = await chair.socket.emitWithAck('live:quorum:setRule', { meetingId: cast.meetingId, rule: { numerator: 2, denominator: 3, strict: false } });
    expect(res).toMatchObject({ ok: true, quorum: { members: 6, present: 5, required: 4, met: true } });
    expect((await watcher.event(res.ok ? res.seq : null)).quorum).toEqual({ rule: { numerator: 2, denominator: 3, strict: false }, members: 6, present: 5, required: 4, met: true });
    expect(await app.live.quorum(new ObjectId(cast.meetingId))).toMatchObject({ required: 4, met: true });
  });

  it('queues speakers for the current item, reorders, gives and ends the floor', async () => {
    const chair = await as(cast.chair);
    const a = await (await as(m1())).socket.emitWithAck('live:speakers:request', { meetingId: cast.meetingId });
    const again = await (await as(m1())).socket.emitWithAck('live:speakers:request', { meetingId: cast.meetingId });
    expect(a).toMatchObject({ ok: true, request: { userId: m1().id, itemId: cast.itemIds[0] } });
    expect(again).toMatchObject({ ok: true, seq: null, request: { id: a.ok ? a.request.id : 'x' } });
    const b = await (await as(m2())).socket.emitWithAck('live:speakers:request', { meetingId: cast.meetingId });
    const c = await (await as(cast.invitee)).socket.emitWithAck('live:speakers:request', { meetingId: cast.meetingId });
    if (!a.ok || !b.ok || !c.ok) throw new Error('request refused');
    expect((await watcher.event(c.seq)).speakers?.queue.map((r) => r.userId)).toEqual([m1().id, m2().id, cast.invitee.id]);
    expect(await (await as(cast.observer)).socket.emitWithAck('live:speakers:request', { meetingId: cast.meetingId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const order = [c.request.id, b.request.id, a.request.id];
    expect(await (await as(m1())).socket.emitWithAck('live:speakers:reorder', { meetingId: cast.meetingId, requestIds: order })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await chair.socket.emitWithAck('live:speakers:reorder', { meetingId: cast.meetingId, requestIds: [c.request.id, b.request.id] })).toMatchObject({ ok: false, code: 'SPEAKERS_QUEUE_CHANGED' });
    const reordered = await chair.socket.emitWithAck('live:speakers:reorder', { meetingId: cast.meetingId, requestIds: order });
    expect((await watcher.event(reordered.ok ? reordered.seq : null)).speakers?.queue.map((r) => r.id)).toEqual(order);

    expect(await (await as(m1())).socket.emitWithAck('live:speakers:withdraw', { meetingId: cast.meetingId, requestId: b.request.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const withdrawn = await (await as(m2())).socket.emitWithAck('live:speakers:withdraw', { meetingId: cast.meetingId, requestId: b.request.id });
    expect((await watcher.event(withdrawn.ok ? withdrawn.seq : null)).speakers?.queue.map((r) => r.id)).toEqual([c.request.id, a.request.id]);

    const given = await chair.socket.emitWithAck('live:floor:give', { meetingId: cast.meetingId, userId: cast.invitee.id, durationSec: 120 });
    expect(given).toMatchObject({ ok: true, floor: { userId: cast.invitee.id, name: cast.invitee.user.fullName, durationSec: 120, itemId: cast.itemIds[0] } });
    const floorEvent = await watcher.event(given.ok ? given.seq : null);
    expect(floorEvent.speakers).toMatchObject({ queue: [{ id: a.request.id }], floor: { userId: cast.invitee.id, durationSec: 120 } });
    expect(Date.parse(floorEvent.speakers!.floor!.startedAt)).toBeLessThanOrEqual(Date.now());

    expect(await (await as(m1())).socket.emitWithAck('live:floor:end', { meetingId: cast.meetingId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const yielded = await (await as(cast.invitee)).socket.emitWithAck('live:floor:end', { meetingId: cast.meetingId });
    expect((await watcher.event(yielded.ok ? yielded.seq : null)).speakers?.floor).toBeNull();

    const next = await chair.socket.emitWithAck('live:floor:give', { meetingId: cast.meetingId, userId: m1().id });
    expect(next).toMatchObject({ ok: true, floor: { userId: m1().id, durationSec: 180 } });
    expect((await watcher.event(next.ok ? next.seq : null)).speakers?.queue).toEqual([]);

    // The next item: the floor ends and the queue is that item's.
    const moved = await chair.socket.emitWithAck('live:item:set', { meetingId: cast.meetingId, itemId: cast.itemIds[1]! });
    expect(await watcher.event(moved.ok ? moved.seq : null)).toMatchObject({ currentItemId: cast.itemIds[1], speakers: { queue: [], floor: null } });
  });

  it('refuses malformed payloads before anything changes', async () => {
    const secretary = await as(cast.secretary);
    const before = await secretary.sync(cast.meetingId);
    const bad: [string, unknown][] = [
      ['live:sync', { meetingId: 'nope' }],
      ['live:item:set', { meetingId: cast.meetingId }],
      ['live:attendance:checkIn', { meetingId: cast.meetingId, extra: true }],
      ['live:attendance:leave', null],
      ['live:attendance:mark', { meetingId: cast.meetingId, userId: m5().id, status: 'present' }],
      ['live:attendance:mark', { meetingId: cast.meetingId, userId: m5().id, status: 'excused', note: 'x'.repeat(501) }],
      ['live:proxy:grant', { meetingId: cast.meetingId }],
      ['live:proxy:revoke', { meetingId: cast.meetingId, principalId: 42 }],
      ['live:quorum:setRule', { meetingId: cast.meetingId, rule: { numerator: 0, denominator: 2, strict: true } }],
      ['live:speakers:request', {}],
      ['live:speakers:withdraw', { meetingId: cast.meetingId, requestId: 'abc' }],
      ['live:speakers:reorder', { meetingId: cast.meetingId, requestIds: 'all' }],
      ['live:floor:give', { meetingId: cast.meetingId, userId: m1().id, durationSec: 5 }],
      ['live:floor:end', 'meeting'],
    ];
    const emit = secretary.socket.emitWithAck.bind(secretary.socket) as unknown as (event: string, payload: unknown) => Promise<unknown>;
    for (const [event, payload] of bad) expect([event, await emit(event, payload)]).toEqual([event, { ok: false, code: 'VALIDATION', message: 'Dữ liệu không hợp lệ.' }]);
    const after = await secretary.sync(cast.meetingId);
    expect({ ...after, serverTime: 0 }).toEqual({ ...before, serverTime: 0 });
  });

  it('answers NOT_FOUND to a non-participant for every command, over the socket and HTTP', async () => {
    const outsider = await Client.connect(baseUrl, cast.outsider);
    const meetingId = cast.meetingId;
    const commands: [string, unknown][] = [
      ['live:sync', { meetingId }],
      ['live:item:set', { meetingId, itemId: cast.itemIds[0] }],
      ['live:attendance:checkIn', { meetingId }],
      ['live:attendance:leave', { meetingId }],
      ['live:attendance:mark', { meetingId, userId: m5().id, status: 'excused' }],
      ['live:proxy:grant', { meetingId, holderId: m1().id }],
      ['live:proxy:revoke', { meetingId }],
      ['live:quorum:setRule', { meetingId, rule: { numerator: 1, denominator: 2, strict: true } }],
      ['live:speakers:request', { meetingId }],
      ['live:speakers:withdraw', { meetingId, requestId: new ObjectId().toHexString() }],
      ['live:speakers:reorder', { meetingId, requestIds: [] }],
      ['live:floor:give', { meetingId, userId: m1().id }],
      ['live:floor:end', { meetingId }],
    ];
    const emit = outsider.socket.emitWithAck.bind(outsider.socket) as unknown as (event: string, payload: unknown) => Promise<unknown>;
    for (const [event, payload] of commands) expect([event, await emit(event, payload)]).toEqual([event, { ok: false, code: 'NOT_FOUND', message: 'Không tìm thấy.' }]);
    const http = await app.inject({ method: 'GET', url: `/api/meetings/${meetingId}/live`, headers: { cookie: cast.outsider.cookie } });
    expect(http.statusCode).toBe(404);
    outsider.close();
  });

  it('refuses observers everything but reading, and invitees what needs a vote or the chair', async () => {
    const meetingId = cast.meetingId;
    const forbiddenToObserver: [string, unknown][] = [
      ['live:item:set', { meetingId, itemId: cast.itemIds[0] }],
      ['live:attendance:checkIn', { meetingId }],
      ['live:attendance:leave', { meetingId }],
      ['live:attendance:mark', { meetingId, userId: m5().id, status: 'excused' }],
      ['live:proxy:grant', { meetingId, holderId: m1().id }],
      ['live:proxy:revoke', { meetingId }],
      ['live:quorum:setRule', { meetingId, rule: { numerator: 1, denominator: 2, strict: true } }],
      ['live:speakers:request', { meetingId }],
      ['live:speakers:reorder', { meetingId, requestIds: [] }],
      ['live:floor:give', { meetingId, userId: m1().id }],
      ['live:floor:end', { meetingId }],
    ];
    const emitAs = (c: Client) => c.socket.emitWithAck.bind(c.socket) as unknown as (event: string, payload: unknown) => Promise<unknown>;
    const observer = emitAs(await as(cast.observer));
    for (const [event, payload] of forbiddenToObserver) expect([event, await observer(event, payload)]).toMatchObject([event, { ok: false, code: 'FORBIDDEN' }]);
    const invitee = emitAs(await as(cast.invitee));
    const forbiddenToInvitee = forbiddenToObserver.filter(([event]) => !['live:attendance:checkIn', 'live:attendance:leave', 'live:speakers:request'].includes(event));
    for (const [event, payload] of forbiddenToInvitee) expect([event, await invitee(event, payload)]).toMatchObject([event, { ok: false, code: 'FORBIDDEN' }]);
    const http = await app.inject({ method: 'GET', url: `/api/meetings/${meetingId}/live`, headers: { cookie: cast.observer.cookie } });
    expect(http.statusCode).toBe(200);
  });

  it('gives a late joiner the state every follower built from the events, which came without gaps', async () => {
    const late = await Client.connect(baseUrl, m5());
    const fresh = await late.sync(cast.meetingId);
    const rebuilt = watcher.events.reduce(applyEvent, initial);
    expect(watcher.events.map((e) => e.seq)).toEqual(watcher.events.map((_, i) => initial.seq + 1 + i));
    expect({ ...rebuilt, serverTime: 0 }).toEqual({ ...fresh, serverTime: 0 });
    const http = await app.inject({ method: 'GET', url: `/api/meetings/${cast.meetingId}/live`, headers: { cookie: m5().cookie } });
    expect({ ...http.json(), serverTime: 0 }).toEqual({ ...fresh, serverTime: 0 });
    late.close();
  });

  it('closes the session’s commands when the meeting ends', async () => {
    await transition(app, cast, 'end');
    const member = await as(m5());
    expect(await member.socket.emitWithAck('live:attendance:checkIn', { meetingId: cast.meetingId })).toMatchObject({ ok: false, code: 'MEETING_NOT_LIVE' });
    expect(await (await as(cast.chair)).socket.emitWithAck('live:quorum:setRule', { meetingId: cast.meetingId, rule: { numerator: 1, denominator: 2, strict: true } })).toMatchObject({ ok: false, code: 'MEETING_NOT_EDITABLE' });
    expect(await member.sync(cast.meetingId)).toMatchObject({ status: 'ended', speakers: { queue: [], floor: null } });
  });
});
