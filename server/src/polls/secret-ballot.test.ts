import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { ObjectId } from 'mongodb';
import { tally, type PollDefinition } from '@e-cabinet/voting';
import type { Poll } from '@e-cabinet/protocol';
import { app as eCabinet, serverOptions } from '../app.ts';
import { loadConfig } from '../config.ts';
import { listen, login, type TestApp } from '../../test/helper.ts';
import { Client, makeLiveMeeting, transition, type LiveCast, type Person } from '../live/live-cast.ts';
import { newBallotKey, receiptOf } from './ballot-keys.ts';
import { checkIn, choice, closePoll, createPoll, openPoll, vote } from './polls-cast.ts';
import type { SecretUrnDoc } from '../db/collections.ts';

/** The app with every log line at trace level captured, to show that none links a voter to a choice. */
async function buildLoggedApp(lines: string[]): Promise<TestApp> {
  const config = { ...loadConfig({ LOG_LEVEL: 'trace', SEED_DEMO: 'false' }), serveClient: false };
  const instance = Fastify({ ...serverOptions(config), logger: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } } });
  await instance.register(eCabinet, { config, mongoUri: inject('mongoUri'), dbName: `test_${randomUUID().replace(/-/g, '').slice(0, 12)}` });
  await instance.ready();
  const app = instance as unknown as TestApp;
  app.teardown = async () => {
    await app.db.dropDatabase().catch(() => {});
    await app.close();
  };
  return app;
}

const OPTIONS = ['phuongAnMot', 'phuongAnHai', 'phuongAnBa'];
const logs: string[] = [];
let app: TestApp;
let baseUrl: string;
let cast: LiveCast;
const clients: Client[] = [];

interface Ballot {
  voter: Person;
  principalId: string;
  choice: string;
  key: string;
  receipt: string;
}
const cast_: Ballot[] = [];

beforeAll(async () => {
  app = await buildLoggedApp(logs);
  baseUrl = await listen(app);
  cast = await makeLiveMeeting(app, { crowd: 12 });
  await transition(app, cast, 'start');
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

const hasDate = (v: unknown): boolean => v instanceof Date || (typeof v === 'object' && v !== null && Object.values(v).some(hasDate));
const urnsInNaturalOrder = () => app.db.collection<SecretUrnDoc>('secretUrns').find({}).toArray();

describe('a secret poll', () => {
  let poll: Poll;
  let atOpen: string[];

  it('takes ballots in a known order into slots whose order and fields say nothing of it', async () => {
    const crowd: Person[] = await Promise.all(cast.crowd.map(async (user) => ({ user, id: user._id.toHexString(), cookie: await login(app, user.username, 'MatKhau123') })));
    const [absent, ...present] = crowd;
    const voters = [...cast.members, ...present];
    await checkIn((await connect(cast.secretary)).socket, cast.meetingId, voters.map((v) => v.id));
    const holder = present[0]!;
    expect(await (await connect(absent!)).socket.emitWithAck('live:proxy:grant', { meetingId: cast.meetingId, holderId: holder.id })).toMatchObject({ ok: true });

    poll = await createPoll(app, cast, choice(OPTIONS, { secrecy: 'secret' }));
    await openPoll((await connect(cast.chair)).socket, poll.id);
    const blank = await urnsInNaturalOrder();
    atOpen = blank.map((u) => u._id);
    expect(blank.flatMap((u) => u.slots)).toHaveLength(1 + cast.members.length + crowd.length);

    const ballots = [...voters.map((v) => ({ voter: v, principalId: v.id })), { voter: holder, principalId: absent!.id }];
    for (const [i, b] of ballots.entries()) {
      const key = newBallotKey();
      const c = OPTIONS[i % OPTIONS.length]!;
      const socket = (await connect(b.voter)).socket;
      if (b.principalId !== b.voter.id) {
        // A key already used for the holder's own ballot cannot carry their principal's.
        const reused = cast_.find((x) => x.voter.id === b.voter.id)!.key;
        expect(await vote(socket, poll.id, { choice: [c], ballotKey: reused, onBehalfOf: b.principalId })).toMatchObject({ ok: false, code: 'VALIDATION' });
      }
      const ack = await vote(socket, poll.id, { choice: [c], ballotKey: key, ...(b.principalId !== b.voter.id ? { onBehalfOf: b.principalId } : {}) });
      expect(ack).toMatchObject({ ok: true, retry: false, choice: [c], receipt: receiptOf(key) });
      cast_.push({ ...b, choice: c, key, receipt: receiptOf(key) });
    }

    const urns = await urnsInNaturalOrder();
    expect(urns.map((u) => u._id)).toEqual(atOpen);
    for (const u of urns) {
      expect(Object.keys(u).sort()).toEqual(['_id', 'pollId', 'slots']);
      for (const s of u.slots) expect(Object.keys(s).sort()).toEqual(['c', 'r']);
      expect(hasDate(u)).toBe(false);
    }
    // Each ballot was acknowledged before the next was cast: one write each, at a random position.
    const filledOrder = urns.flatMap((u) => u.slots.flatMap((s) => (s.r ? [s.r] : [])));
    expect(new Set(filledOrder)).toEqual(new Set(cast_.map((b) => b.receipt)));
    // Filled at random positions: 17 ballots in voting order would be a 1 in 17! coincidence.
    expect(filledOrder).not.toEqual(cast_.map((b) => b.receipt));
  });

  it('publishes every receipt with its choice, and nothing stored or logged links a voter to a choice', async () => {
    const closed = await closePoll((await connect(cast.chair)).socket, poll.id);
    const result = closed.result!;
    expect(result.bulletin).toHaveLength(cast_.length);
    expect(result.voters).toBeNull();
    expect(result.voterCount).toBeUndefined();
    // No list of who voted what exists for a secret poll.
    expect((await app.inject({ method: 'GET', url: `/api/meetings/${cast.meetingId}/polls/${poll.id}/voters`, headers: { cookie: cast.chair.cookie } })).statusCode).toBe(404);
    const bulletin = new Map(result.bulletin!.map((e) => [e.receipt, e.choice]));
    for (const b of cast_) expect([b.receipt, bulletin.get(b.receipt)]).toEqual([b.receipt, [b.choice]]);
    const expected = tally(closed.definition as PollDefinition, cast_.map((b) => [b.choice]));
    expect(result.options.map((o) => [o.id, o.votes])).toEqual(OPTIONS.map((id) => [id, expected.counts[id]]));
    expect(closed).toMatchObject({ voted: cast_.length });

    const people = [...new Set(cast_.flatMap((b) => [b.voter.id, b.principalId]))];
    const secrets = [...OPTIONS, ...cast_.map((b) => b.receipt)];
    const keys = cast_.map((b) => b.key);
    const links = (text: string): string[] => (people.some((p) => text.includes(p)) ? secrets.filter((s) => text.includes(s)) : []);

    const names = (await app.db.listCollections().toArray()).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['secretUrns', 'secretVoters', 'auditLog', 'polls']));
    let documents = 0;
    for (const name of names) {
      for (const doc of await app.db.collection(name).find({}).toArray()) {
        const text = JSON.stringify(doc);
        documents++;
        expect([name, links(text)]).toEqual([name, []]);
        expect([name, keys.filter((k) => text.includes(k))]).toEqual([name, []]);
      }
    }
    expect(documents).toBeGreaterThan(100);
    // The voters are on record (audit and voter records), just never next to a choice.
    const voted = await app.db.collection('auditLog').find({ action: 'poll.voted', target: poll.id }).toArray();
    expect(voted.map((e) => e.data.principalId).sort()).toEqual(cast_.map((b) => b.principalId).sort());
    expect(await app.db.collection('secretVoters').countDocuments({ pollId: new ObjectId(poll.id) })).toBe(cast_.length);

    expect(logs.some((line) => line.includes(`/polls`))).toBe(true);
    for (const line of logs) {
      expect(links(line)).toEqual([]);
      expect(keys.filter((k) => line.includes(k))).toEqual([]);
    }
  });
});
