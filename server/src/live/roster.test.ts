import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveState, PollDetail } from '@e-cabinet/protocol';
import { buildTestApp, listen, makeUser, signedIn, type TestApp } from '../../test/helper.ts';
import { checkIn, createPoll, motion, openPoll, vote } from '../polls/polls-cast.ts';
import { Client, makeLiveMeeting, transition, type LiveCast, type Person } from './live-cast.ts';

/*
 * The roll and presence are built once per meeting and kept (see `RosterCache`): these check
 * that what changes them is seen at once by the next join, event and ballot.
 */

let app: TestApp;
let baseUrl: string;
let cast: LiveCast;
let secretary: Client;
const clients: Client[] = [];

beforeAll(async () => {
  app = await buildTestApp();
  baseUrl = await listen(app);
  cast = await makeLiveMeeting(app, { crowd: 1 });
  await transition(app, cast, 'start');
  secretary = await connect(cast.secretary);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await app.teardown();
});

async function connect(who: Person): Promise<Client> {
  const client = await Client.connect(baseUrl, who);
  clients.push(client);
  return client;
}

const onRoll = (state: LiveState) => state.attendance.map((a) => a.userId);

describe('the roll kept per meeting', () => {
  it('puts a substitute named during the meeting on the next join’s roll, in place of the member', async () => {
    const before = await secretary.sync(cast.meetingId);
    const replaced = cast.members[4]!;
    expect(onRoll(before)).toContain(replaced.id);
    const substitute = await makeUser(app, { fullName: 'Phạm Thị Thay Thế' });
    const res = await app.inject({ method: 'POST', url: `/api/meetings/${cast.meetingId}/rsvp`, headers: { cookie: replaced.cookie }, payload: { response: 'substitute', substituteUserId: substitute._id.toHexString() } });
    expect(res.statusCode, res.body).toBe(200);

    const after = await secretary.sync(cast.meetingId);
    expect(onRoll(after)).not.toContain(replaced.id);
    expect(after.attendance.find((a) => a.userId === substitute._id.toHexString())).toMatchObject({ name: 'Phạm Thị Thay Thế', role: 'member', votes: true, status: 'unknown' });
    expect(after.quorum.members).toBe(before.quorum.members);
    // The secretary can check the substitute in straight away: they are on the roll.
    await checkIn(secretary.socket, cast.meetingId, [substitute._id.toHexString()]);
    expect((await secretary.sync(cast.meetingId)).quorum.present).toBe(1);
  });

  it('takes a deactivated member off the roll, the quorum and the ballot rights at once', async () => {
    const admin = await signedIn(app, { role: 'admin' });
    const [m0, m1, gone] = [cast.members[0]!, cast.members[1]!, cast.members[2]!];
    await checkIn(secretary.socket, cast.meetingId, [cast.chair.id, m0.id, m1.id, gone.id]);
    const poll = await createPoll(app, cast, motion());
    await openPoll((await connect(cast.chair)).socket, poll.id);
    expect(await vote((await connect(m0)).socket, poll.id, { choice: ['yes'] })).toMatchObject({ ok: true });
    const detail = async () => (await app.inject({ method: 'GET', url: `/api/meetings/${cast.meetingId}/polls/${poll.id}`, headers: { cookie: m0.cookie } })).json() as PollDetail;
    const before = await secretary.sync(cast.meetingId);
    expect(before.quorum).toMatchObject({ members: 7, present: 5 });
    expect(await detail()).toMatchObject({ voted: 1, eligible: 5 });

    const res = await app.inject({ method: 'PATCH', url: `/api/users/${gone.id}`, headers: { cookie: admin.cookie }, payload: { active: false } });
    expect(res.statusCode, res.body).toBe(200);

    const after = await secretary.sync(cast.meetingId);
    expect(onRoll(after)).not.toContain(gone.id);
    expect(after.quorum).toMatchObject({ members: 6, present: 4 });
    expect(await detail()).toMatchObject({ voted: 1, eligible: 4 });
    // The one who voted stays counted; those still present still vote.
    expect(await vote((await connect(m1)).socket, poll.id, { choice: ['no'] })).toMatchObject({ ok: true });
  });

  it('finds a user added meanwhile to a unit taking part, when they are checked in', async () => {
    await secretary.sync(cast.meetingId);
    const newcomer = await makeUser(app, { fullName: 'Đỗ Văn Mới', unitId: cast.crowd[0]!.unitId!.toHexString() });
    await checkIn(secretary.socket, cast.meetingId, [newcomer._id.toHexString()]);
    const state = await secretary.sync(cast.meetingId);
    expect(state.attendance.find((a) => a.userId === newcomer._id.toHexString())).toMatchObject({ name: 'Đỗ Văn Mới', role: 'member', status: 'present' });
    expect(state.quorum).toMatchObject({ members: 7, present: 5 });
  });
});
