import { afterAll, describe, expect, it } from 'vitest';
import { ObjectId } from 'mongodb';
import type { Poll } from '@e-cabinet/protocol';
import { buildTestApp, buildTestAppOn, listen, type TestApp } from '../../test/helper.ts';
import { Client, makeLiveMeeting, transition, type LiveCast, type Person } from '../live/live-cast.ts';
import { newBallotKey, receiptOf } from './ballot-keys.ts';
import { checkIn, choice, closePoll, createPoll, motion, nextEvent, openPoll, vote, votersOf } from './polls-cast.ts';

let before: TestApp | null = null;
let after: TestApp | null = null;
const clients: Client[] = [];

afterAll(async () => {
  for (const c of clients) c.close();
  await before?.close();
  await after?.teardown();
});

async function connect(baseUrl: string, who: Person): Promise<Client> {
  const client = await Client.connect(baseUrl, who);
  clients.push(client);
  return client;
}

describe('polls across a server restart', () => {
  let cast: LiveCast;
  let named: Poll;
  let secret: Poll;
  let timed: Poll;
  const keys = { named: newBallotKey(), secret: newBallotKey() };

  it('keeps every acknowledged ballot, takes retries and new ballots after it, and counts them at close', async () => {
    before = await buildTestApp();
    const first = await listen(before);
    cast = await makeLiveMeeting(before);
    await transition(before, cast, 'start');
    const chair = await connect(first, cast.chair);
    await checkIn((await connect(first, cast.secretary)).socket, cast.meetingId, [cast.chair.id, ...cast.members.map((m) => m.id)]);
    named = await createPoll(before, cast, motion());
    secret = await createPoll(before, cast, choice(['a', 'b'], { secrecy: 'secret' }));
    timed = await createPoll(before, cast, motion(), { durationSec: 600 });
    for (const p of [named, secret, timed]) await openPoll(chair.socket, p.id);

    const [m0, m1] = [cast.members[0]!, cast.members[1]!];
    const voter = await connect(first, m0);
    expect(await vote(voter.socket, named.id, { choice: ['yes'], ballotKey: keys.named })).toMatchObject({ ok: true, retry: false });
    expect(await vote(voter.socket, secret.id, { choice: ['a'], ballotKey: keys.secret })).toMatchObject({ ok: true, retry: false, receipt: receiptOf(keys.secret) });
    // The timed poll's time runs out while the server is down.
    await before.db.collection('polls').updateOne({ _id: new ObjectId(timed.id) }, { $set: { closesAt: new Date(Date.now() - 1000) } });

    const dbName = before.db.databaseName;
    await before.close();
    before = null;
    after = await buildTestAppOn(dbName);
    const second = await listen(after);

    const again = await connect(second, m0);
    expect(await vote(again.socket, named.id, { choice: ['yes'], ballotKey: keys.named })).toMatchObject({ ok: true, retry: true, choice: ['yes'] });
    expect(await vote(again.socket, secret.id, { choice: ['a'], ballotKey: keys.secret })).toMatchObject({ ok: true, retry: true, choice: ['a'], receipt: receiptOf(keys.secret) });
    expect(await vote(again.socket, secret.id, { choice: ['b'] })).toMatchObject({ ok: false, code: 'ALREADY_VOTED', ballot: { choice: null } });
    const m1Key = newBallotKey();
    expect(await vote((await connect(second, m1)).socket, secret.id, { choice: ['b'], ballotKey: m1Key })).toMatchObject({ ok: true, retry: false });

    const chairAfter = await connect(second, cast.chair);
    const closedNamed = await closePoll(chairAfter.socket, named.id);
    expect(closedNamed.result).toMatchObject({ cast: 1, options: [{ id: 'yes', votes: 1 }, { id: 'no', votes: 0 }, { id: 'abstain', votes: 0 }] });
    // Counted from what the restart brought back into memory, plus the retry (counted once).
    expect(closedNamed.result).toMatchObject({ voters: null, voterCount: 1 });
    expect(await votersOf(after, cast, named.id)).toEqual([expect.objectContaining({ principalId: m0.id, choice: ['yes'] })]);
    const closedSecret = await closePoll(chairAfter.socket, secret.id);
    expect(closedSecret.result!.bulletin).toEqual(
      [
        { receipt: receiptOf(keys.secret), choice: ['a'] },
        { receipt: receiptOf(m1Key), choice: ['b'] },
      ].sort((x, y) => (x.receipt < y.receipt ? -1 : 1)),
    );
  });

  it('closes a poll whose timer ran out while the server was down, as the timer', async () => {
    const watcher = await connect(`http://127.0.0.1:${(after!.server.address() as { port: number }).port}`, cast.observer);
    const result = nextEvent(watcher.socket, 'poll:result', (p) => p.poll.id === timed.id);
    const state = await watcher.sync(cast.meetingId);
    if (state.polls.find((p) => p.id === timed.id)?.status !== 'closed') await result;
    const doc = await after!.db.collection('polls').findOne({ _id: new ObjectId(timed.id) });
    expect(doc).toMatchObject({ status: 'closed', closedBy: null, result: { cast: 0, outcome: { reason: 'NO_VOTES' } } });
    expect(await after!.db.collection('auditLog').findOne({ action: 'poll.closed', target: timed.id })).toMatchObject({ actorId: null, data: { by: 'timer' } });
    const res = await vote(watcher.socket, timed.id, { choice: ['yes'] });
    expect(res).toMatchObject({ ok: false, code: 'POLL_CLOSED' });
  });
});
