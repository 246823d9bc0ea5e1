import { afterAll, describe, expect, it } from 'vitest';
import { ObjectId } from 'mongodb';
import type { Poll } from '@e-cabinet/protocol';
import { buildTestApp, buildTestAppOn, listen, type TestApp } from '../../test/helper.ts';
import { Client, makeLiveMeeting, transition, type LiveCast, type Person } from '../live/live-cast.ts';
import { newBallotKey, receiptOf } from './ballot-keys.ts';
import { checkIn, choice, createPoll, motion, nextEvent, openPoll, vote, votersOf } from './polls-cast.ts';

let first: TestApp | null = null;
let second: TestApp | null = null;
const clients: Client[] = [];

afterAll(async () => {
  for (const c of clients) c.close();
  await first?.close();
  await second?.teardown();
});

async function connect(baseUrl: string, who: Person): Promise<Client> {
  const client = await Client.connect(baseUrl, who);
  clients.push(client);
  return client;
}

const audited = (app: TestApp, pollId: string) => app.db.collection('auditLog').findOne({ action: 'poll.closed', target: pollId });

describe('ending a meeting', () => {
  let cast: LiveCast;
  let dbName: string;

  it('closes its open polls with their results, and takes no ballot after', async () => {
    first = await buildTestApp();
    const baseUrl = await listen(first);
    cast = await makeLiveMeeting(first);
    dbName = first.db.databaseName;
    await transition(first, cast, 'start');
    const chair = await connect(baseUrl, cast.chair);
    const watcher = await connect(baseUrl, cast.observer);
    await watcher.sync(cast.meetingId);
    await checkIn((await connect(baseUrl, cast.secretary)).socket, cast.meetingId, [cast.chair.id, ...cast.members.map((m) => m.id)]);

    const named = await createPoll(first, cast, motion());
    const secret = await createPoll(first, cast, choice(['a', 'b'], { secrecy: 'secret' }));
    const draft = await createPoll(first, cast, motion(), { question: 'Chưa biểu quyết' });
    await openPoll(chair.socket, named.id);
    await openPoll(chair.socket, secret.id);
    const [m0, m1] = [cast.members[0]!, cast.members[1]!];
    const v0 = await connect(baseUrl, m0);
    const v1 = await connect(baseUrl, m1);
    expect(await vote(v0.socket, named.id, { choice: ['yes'] })).toMatchObject({ ok: true });
    expect(await vote(v1.socket, named.id, { choice: ['no'] })).toMatchObject({ ok: true });
    const key = newBallotKey();
    expect(await vote(v0.socket, secret.id, { choice: ['b'], ballotKey: key })).toMatchObject({ ok: true });

    const results = new Map<string, Promise<{ poll: Poll }>>([named, secret].map((p) => [p.id, nextEvent(watcher.socket, 'poll:result', (r) => r.poll.id === p.id)]));
    await transition(first, cast, 'end');
    const closedNamed = (await results.get(named.id))!.poll;
    const closedSecret = (await results.get(secret.id))!.poll;

    expect(closedNamed).toMatchObject({ status: 'closed', voted: 2, result: { cast: 2, voterCount: 2, voters: null, options: [{ id: 'yes', votes: 1 }, { id: 'no', votes: 1 }, { id: 'abstain', votes: 0 }] } });
    expect(closedSecret).toMatchObject({ status: 'closed', voted: 1, result: { cast: 1, bulletin: [{ receipt: receiptOf(key), choice: ['b'] }] } });
    // The result goes out first; its audit entries and live event follow.
    await first.polls.idle();
    expect(new Set((await votersOf(first, cast, named.id)).map((v) => `${v.principalId}:${v.choice.join()}`))).toEqual(new Set([`${m0.id}:yes`, `${m1.id}:no`]));
    for (const p of [named, secret]) {
      expect(await first.db.collection('polls').findOne({ _id: new ObjectId(p.id) })).toMatchObject({ status: 'closed', closedBy: null });
      expect(await audited(first, p.id)).toMatchObject({ actorId: null, data: { by: 'meetingEnded' } });
    }
    // A draft stays a draft; the ended meeting's state lists both polls closed.
    expect(await first.db.collection('polls').findOne({ _id: new ObjectId(draft.id) })).toMatchObject({ status: 'draft' });
    const state = await watcher.sync(cast.meetingId);
    expect(state.status).toBe('ended');
    expect(state.polls.map((p) => [p.id, p.status])).toEqual([
      [named.id, 'closed'],
      [secret.id, 'closed'],
    ]);

    const m2 = await connect(baseUrl, cast.members[2]!);
    expect(await vote(m2.socket, named.id, { choice: ['yes'] })).toMatchObject({ ok: false, code: 'POLL_CLOSED' });
    expect(await vote(m2.socket, secret.id, { choice: ['a'] })).toMatchObject({ ok: false, code: 'POLL_CLOSED' });
    expect(await chair.socket.emitWithAck('poll:open', { pollId: draft.id })).toMatchObject({ ok: false, code: 'MEETING_NOT_LIVE' });
  });

  it('closes at start-up a poll left open by a meeting that ended while the server was down', async () => {
    const baseUrl = `http://127.0.0.1:${(first!.server.address() as { port: number }).port}`;
    const meetingId = new ObjectId(cast.meetingId);
    // Back to live, with a poll open and one ballot in it.
    await first!.db.collection('meetings').updateOne({ _id: meetingId }, { $set: { status: 'live' } });
    const poll = await createPoll(first!, cast, motion(), { question: 'Còn mở khi máy chủ dừng' });
    await openPoll((await connect(baseUrl, cast.chair)).socket, poll.id);
    expect(await vote((await connect(baseUrl, cast.members[3]!)).socket, poll.id, { choice: ['abstain'] })).toMatchObject({ ok: true });
    // Ended behind this process's back (as a crash between the end and its event would leave it).
    await first!.db.collection('meetings').updateOne({ _id: meetingId }, { $set: { status: 'ended' } });
    await first!.close();
    first = null;

    second = await buildTestAppOn(dbName);
    // Start-up (`onReady`) brings open polls back, and closes those of ended meetings.
    await second.ready();
    const doc = await second.db.collection('polls').findOne({ _id: new ObjectId(poll.id) });
    expect(doc).toMatchObject({ status: 'closed', closedBy: null, result: { cast: 1, voterCount: 1 } });
    expect(await audited(second, poll.id)).toMatchObject({ actorId: null, data: { by: 'meetingEnded' } });
  });
});
