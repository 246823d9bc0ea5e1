import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectId } from 'mongodb';
import type { BallotAck, Poll } from '@e-cabinet/protocol';
import type { SecretUrnDoc } from '../db/collections.ts';
import { buildTestApp, connectSocket, listen, login, once, type ClientSocket, type TestApp } from '../../test/helper.ts';
import { Client, makeLiveMeeting, transition, type LiveCast, type Person } from '../live/live-cast.ts';
import { newBallotKey, receiptOf } from './ballot-keys.ts';
import { checkIn, choice, closePoll, createPoll, motion, nextEvent, openPoll, vote, votersOf } from './polls-cast.ts';

let app: TestApp;
let baseUrl: string;
let cast: LiveCast;
let chair: Client;
let watcher: Client;
let named: Poll;
let secret: Poll;
const open: Client[] = [];

beforeAll(async () => {
  app = await buildTestApp();
  baseUrl = await listen(app);
  cast = await makeLiveMeeting(app);
  await transition(app, cast, 'start');
  chair = await connect(cast.chair);
  watcher = await connect(cast.observer);
  await watcher.sync(cast.meetingId);
  await checkIn((await connect(cast.secretary)).socket, cast.meetingId, [cast.chair.id, ...cast.members.map((m) => m.id)]);
  named = await createPoll(app, cast, motion());
  secret = await createPoll(app, cast, choice(['a', 'b', 'c'], { secrecy: 'secret' }));
  await openPoll(chair.socket, named.id);
  await openPoll(chair.socket, secret.id);
});
afterAll(async () => {
  for (const c of open) c.close();
  await app.teardown();
});

async function connect(who: Person): Promise<Client> {
  const client = await Client.connect(baseUrl, who);
  open.push(client);
  return client;
}

const oid = (id: string) => new ObjectId(id);
const storedFor = async (poll: Poll, who: Person): Promise<number> =>
  poll === named
    ? app.db.collection('ballots').countDocuments({ pollId: oid(poll.id), principalId: who.user._id })
    : app.db.collection('secretVoters').countDocuments({ pollId: oid(poll.id), principalId: who.user._id });
const filledSlots = async (poll: Poll): Promise<number> => {
  const urns = await app.db.collection<SecretUrnDoc>('secretUrns').find({ pollId: oid(poll.id) }).toArray();
  return urns.flatMap((u) => u.slots.filter((s) => s.r !== null)).length;
};
const options = (poll: Poll) => poll.options.map((o) => o.id);
const accepted = (acks: BallotAck[]) => acks.flatMap((a) => (a.ok ? [a] : []));

describe('ballots under concurrency', () => {
  it('stores one ballot for 20 attempts at once with one key, and answers every attempt with it', async () => {
    const member = cast.members[0]!;
    const tablets = await Promise.all([0, 1, 2, 3].map(() => connect(member)));
    for (const poll of [named, secret]) {
      const key = newBallotKey();
      const first = options(poll)[0]!;
      const acks = await Promise.all(Array.from({ length: 20 }, (_, i) => vote(tablets[i % 4]!.socket, poll.id, { choice: [first], ballotKey: key })));
      const ok = accepted(acks);
      expect(ok).toHaveLength(20);
      expect(ok.filter((a) => !a.retry)).toHaveLength(1);
      expect(new Set(ok.map((a) => `${a.choice.join()}|${a.receipt}`))).toEqual(new Set([`${first}|${poll === secret ? receiptOf(key) : null}`]));
      expect(await storedFor(poll, member)).toBe(1);
    }
    expect(await filledSlots(secret)).toBe(1);
  });

  it('stores one ballot for 20 attempts at once with different keys, and tells the others what was stored', async () => {
    const member = cast.members[1]!;
    const tablets = await Promise.all([0, 1, 2, 3].map(() => connect(member)));
    for (const poll of [named, secret]) {
      const ids = options(poll);
      const before = await filledSlots(secret);
      const acks = await Promise.all(Array.from({ length: 20 }, (_, i) => vote(tablets[i % 4]!.socket, poll.id, { choice: [ids[i % ids.length]!] })));
      const [winner, ...rest] = accepted(acks);
      expect(rest).toEqual([]);
      expect(winner).toMatchObject({ retry: false, principalId: member.id });
      const refused = acks.filter((a) => !a.ok);
      expect(refused).toHaveLength(19);
      for (const r of refused) expect(r).toMatchObject({ code: 'ALREADY_VOTED', ballot: { principalId: member.id, choice: poll === named ? winner!.choice : null } });
      expect(await storedFor(poll, member)).toBe(1);
      expect(await filledSlots(secret)).toBe(poll === secret ? before + 1 : before);
    }
  });

  it('stores one ballot when one person votes from two devices signed in separately', async () => {
    const member = cast.members[2]!;
    const second: Person = { ...member, cookie: await login(app, member.user.username, 'MatKhau123') };
    const [phone, tablet] = await Promise.all([connect(member), connect(second)]);
    for (const poll of [named, secret]) {
      const [x, y] = options(poll);
      const acks = await Promise.all([vote(phone.socket, poll.id, { choice: [x!] }), vote(tablet.socket, poll.id, { choice: [y!] })]);
      expect(accepted(acks)).toHaveLength(1);
      expect(acks.find((a) => !a.ok)).toMatchObject({ code: 'ALREADY_VOTED' });
      expect(await storedFor(poll, member)).toBe(1);
      const seen = await app.inject({ method: 'GET', url: `/api/meetings/${cast.meetingId}/polls/${poll.id}`, headers: { cookie: second.cookie } });
      expect(seen.json().myBallots).toEqual([expect.objectContaining({ principalId: member.id, voted: true, choice: poll === named ? accepted(acks)[0]!.choice : null })]);
    }
  });

  it('answers a retry after a lost ack, or a disconnect right after sending, with the one stored ballot', async () => {
    for (const poll of [named, secret]) {
      // The ack never reaches the app (it ignores it); the ballot is stored, as everyone sees.
      const member = cast.members[3]!;
      const key = newBallotKey();
      const progressed = nextEvent(watcher.socket, 'poll:progress', (p) => p.pollId === poll.id && p.voted === 4);
      const lost = connectSocket(baseUrl, member.cookie);
      await once(lost, 'connect');
      lost.emit('poll:vote', { pollId: poll.id, choice: [options(poll)[1]!], ballotKey: key }, () => {});
      await progressed;
      lost.close();
      const again = await connect(member);
      expect(await vote(again.socket, poll.id, { choice: [options(poll)[1]!], ballotKey: key })).toMatchObject({ ok: true, retry: true, choice: [options(poll)[1]], receipt: poll === secret ? receiptOf(key) : null });
      expect(await storedFor(poll, member)).toBe(1);

      // Gone before the server may even have read it: the retry stores it or finds it, once.
      const other = cast.members[4]!;
      const otherKey = newBallotKey();
      const abrupt: ClientSocket = connectSocket(baseUrl, other.cookie);
      await once(abrupt, 'connect');
      abrupt.emit('poll:vote', { pollId: poll.id, choice: [options(poll)[2]!], ballotKey: otherKey }, () => {});
      abrupt.close();
      const back = await connect(other);
      expect(await vote(back.socket, poll.id, { choice: [options(poll)[2]!], ballotKey: otherKey })).toMatchObject({ ok: true, choice: [options(poll)[2]], receipt: poll === secret ? receiptOf(otherKey) : null });
      expect(await vote(back.socket, poll.id, { choice: [options(poll)[2]!], ballotKey: otherKey })).toMatchObject({ ok: true, retry: true });
      expect(await storedFor(poll, other)).toBe(1);
    }
  });

  it('counts exactly the ballots it acknowledged', async () => {
    expect(await filledSlots(secret)).toBe(5);
    const [n, s] = [await closePoll(chair.socket, named.id), await closePoll(chair.socket, secret.id)];
    expect(n.result!.cast).toBe(5);
    expect(n.result).toMatchObject({ voters: null, voterCount: 5 });
    expect(new Set((await votersOf(app, cast, named.id)).map((v) => v.principalId)).size).toBe(5);
    expect(s.result!.cast).toBe(5);
    expect(s.result!.bulletin).toHaveLength(5);
    expect(new Set(s.result!.bulletin!.map((e) => e.receipt)).size).toBe(5);
    // The bulletin is the record now; the slots are gone.
    expect(await app.db.collection('secretUrns').countDocuments({ pollId: oid(secret.id) })).toBe(0);
    expect(await app.db.collection('secretVoters').countDocuments({ pollId: oid(secret.id) })).toBe(5);
    expect(s).toMatchObject({ voted: 5, eligible: 6 });
  });
});
