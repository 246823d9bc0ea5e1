import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectId } from 'mongodb';
import { decide, explain, tally, type PollDefinition } from '@e-cabinet/voting';
import type { LiveState, Poll, PollDetail } from '@e-cabinet/protocol';
import { buildTestApp, listen, type TestApp } from '../../test/helper.ts';
import { applyEvent, Client, makeLiveMeeting, transition, type LiveCast, type Person } from '../live/live-cast.ts';
import { newBallotKey } from './ballot-keys.ts';
import { checkIn, choice, closePoll, createPoll, motion, nextEvent, openPoll, record, vote, votersOf } from './polls-cast.ts';

let app: TestApp;
let baseUrl: string;
let cast: LiveCast;
let watcher: Client;
let initial: LiveState;
const clients = new Map<string, Client>();
const m = (i: number): Person => cast.members[i]!;

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

const url = (path = '') => `/api/meetings/${cast.meetingId}/polls${path}`;
const http = (who: Person, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path = '', payload?: object) => app.inject({ method, url: url(path), headers: { cookie: who.cookie }, ...(payload ? { payload } : {}) });
const ballots = (pollId: string) => app.db.collection('ballots').countDocuments({ pollId: new ObjectId(pollId) });
const audit = (action: string, pollId: string) => app.db.collection('auditLog').find({ action, target: pollId }).toArray();

describe('polls', () => {
  it('lets the organisers prepare, edit and delete drafts that only they see', async () => {
    const draft = await createPoll(app, cast, motion({ rule: { kind: 'absolute' }, base: 'present' }), { question: '  Thông qua báo cáo  ' });
    expect(draft).toMatchObject({ status: 'draft', question: 'Thông qua báo cáo', itemId: cast.itemIds[0], maxChoices: 1, hideTallyUntilClose: false, durationSec: null, result: null });
    expect(draft.options.map((o) => o.id)).toEqual(['yes', 'no', 'abstain']);

    const bad = await http(cast.secretary, 'POST', '', { itemId: cast.itemIds[0], question: 'Bầu', definition: choice(['a']) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION', fields: { '/definition/options': 'TOO_FEW_OPTIONS' } });
    const noItem = await http(cast.secretary, 'POST', '', { itemId: new ObjectId().toHexString(), question: 'Bầu', definition: motion() });
    expect(noItem.json()).toMatchObject({ code: 'VALIDATION', fields: { '/itemId': 'Không tìm thấy.' } });
    expect((await http(cast.secretary, 'POST', '', { itemId: cast.itemIds[0], question: 'x'.repeat(1001), definition: motion() })).statusCode).toBe(400);
    expect((await http(m(0), 'POST', '', { itemId: cast.itemIds[0], question: 'Bầu', definition: motion() })).statusCode).toBe(403);
    expect((await http(cast.outsider, 'POST', '', { itemId: cast.itemIds[0], question: 'Bầu', definition: motion() })).statusCode).toBe(404);

    expect((await http(m(0), 'GET')).json().polls).toEqual([]);
    expect((await http(m(0), 'GET', `/${draft.id}`)).statusCode).toBe(404);
    expect((await http(m(0), 'GET', `/${draft.id}/voters`)).statusCode).toBe(404);
    expect((await http(cast.chair, 'GET', `/${draft.id}/voters`)).json()).toMatchObject({ code: 'POLL_NOT_OPEN' });
    expect((await http(cast.chair, 'GET')).json().polls.map((p: Poll) => p.id)).toEqual([draft.id]);

    const edited = await http(cast.chair, 'PATCH', `/${draft.id}`, { question: 'Thông qua báo cáo kinh tế - xã hội', durationSec: 120, itemId: cast.itemIds[1] });
    expect(edited.json()).toMatchObject({ question: 'Thông qua báo cáo kinh tế - xã hội', durationSec: 120, itemId: cast.itemIds[1] });
    expect((await http(m(0), 'PATCH', `/${draft.id}`, { question: 'x' })).statusCode).toBe(404);
    expect((await http(cast.secretary, 'DELETE', `/${draft.id}`)).statusCode).toBe(204);
    expect((await http(cast.secretary, 'GET', `/${draft.id}`)).statusCode).toBe(404);
    expect((await audit('poll.deleted', draft.id)).length).toBe(1);
  });

  it('opens only for the chair of a live meeting with quorum, or by an override that is audited', async () => {
    const draft = await createPoll(app, cast, motion());
    const chair = await as(cast.chair);
    expect(await chair.socket.emitWithAck('poll:open', { pollId: draft.id })).toMatchObject({ ok: false, code: 'MEETING_NOT_LIVE' });
    await transition(app, cast, 'start');
    expect(await (await as(cast.secretary)).socket.emitWithAck('poll:open', { pollId: draft.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await (await as(m(0))).socket.emitWithAck('poll:open', { pollId: draft.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await chair.socket.emitWithAck('poll:open', { pollId: draft.id })).toMatchObject({ ok: false, code: 'NO_QUORUM' });
    expect(await app.db.collection('polls').findOne({ _id: new ObjectId(draft.id) })).toMatchObject({ status: 'draft' });

    const opened = nextEvent(watcher.socket, 'poll:opened');
    const res = await chair.socket.emitWithAck('poll:open', { pollId: draft.id, override: true });
    expect(res).toMatchObject({ ok: true, poll: { status: 'open', quorumAtOpen: { present: 0, members: 6, required: 4, met: false, overridden: true } } });
    expect((await opened).poll.id).toBe(draft.id);
    const event = await watcher.event(res.ok ? res.seq : null);
    expect(event.polls).toEqual([expect.objectContaining({ id: draft.id, status: 'open', outcome: null })]);
    expect(await audit('poll.quorumOverride', draft.id)).toEqual([expect.objectContaining({ actorId: cast.chair.id, data: expect.objectContaining({ present: 0, required: 4, overridden: true }) })]);
    expect(await chair.socket.emitWithAck('poll:open', { pollId: draft.id })).toMatchObject({ ok: false, code: 'POLL_NOT_DRAFT' });
    expect((await http(cast.secretary, 'PATCH', `/${draft.id}`, { question: 'x' })).json()).toMatchObject({ code: 'POLL_NOT_DRAFT' });
    expect((await http(cast.secretary, 'DELETE', `/${draft.id}`)).statusCode).toBe(409);

    // Nobody is present, so nobody may vote. The poll has no attendance rule of its own, so
    // its result is decided on the ballots alone.
    expect(await vote((await as(m(0))).socket, draft.id, { choice: ['yes'] })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    const closed = await closePoll(chair.socket, draft.id);
    expect(closed.result).toMatchObject({ cast: 0, present: 0, members: 6, outcome: { passed: false, reason: 'NO_VOTES' } });
  });

  it('takes one named ballot from each member present and counts them by the voting rules', async () => {
    const secretary = await as(cast.secretary);
    await checkIn(secretary.socket, cast.meetingId, [cast.chair.id, m(0).id, m(1).id, m(2).id, cast.invitee.id]);
    const chair = await as(cast.chair);
    // The meeting has its quorum (4 of 6), but this poll asks for 5 members present.
    const strict = await createPoll(app, cast, motion({ quorum: { kind: 'minPresent', count: 5 } }));
    expect(await chair.socket.emitWithAck('poll:open', { pollId: strict.id })).toMatchObject({ ok: false, code: 'NO_QUORUM' });
    expect((await http(cast.secretary, 'DELETE', `/${strict.id}`)).statusCode).toBe(204);

    const def = motion({ rule: { kind: 'absolute' }, base: 'present' });
    const draft = await createPoll(app, cast, def);
    await openPoll(chair.socket, draft.id);
    const tallies = record(chair.socket, 'poll:tally');
    const memberTallies = record((await as(m(0))).socket, 'poll:tally');
    const progress = nextEvent(watcher.socket, 'poll:progress', (p) => p.pollId === draft.id && p.voted === 4);

    const choices: [Person, string][] = [[cast.chair, 'yes'], [m(0), 'yes'], [m(1), 'no'], [m(2), 'abstain']];
    for (const [who, c] of choices) expect(await vote((await as(who)).socket, draft.id, { choice: [c] })).toMatchObject({ ok: true, choice: [c], receipt: null, retry: false, principalId: who.id });
    expect(await progress).toEqual({ meetingId: cast.meetingId, pollId: draft.id, voted: 4, eligible: 4 });

    // Refusals store nothing.
    const m0 = (await as(m(0))).socket;
    expect(await vote((await as(cast.invitee)).socket, draft.id, { choice: ['yes'] })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    expect(await vote((await as(cast.observer)).socket, draft.id, { choice: ['yes'] })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    expect(await vote((await as(cast.secretary)).socket, draft.id, { choice: ['yes'] })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    expect(await vote((await as(m(3))).socket, draft.id, { choice: ['yes'] })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    expect(await vote(m0, draft.id, { choice: ['yes'], onBehalfOf: m(3).id })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    const outsider = await Client.connect(baseUrl, cast.outsider);
    expect(await vote(outsider.socket, draft.id, { choice: ['yes'] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    outsider.close();
    expect(await vote(m0, draft.id, { choice: ['maybe'] })).toMatchObject({ ok: false, code: 'BALLOT_INVALID', reason: 'UNKNOWN_OPTION', message: 'Phiếu biểu quyết không hợp lệ.' });
    expect(await vote(m0, draft.id, { choice: ['yes', 'no'] })).toMatchObject({ ok: false, code: 'BALLOT_INVALID', reason: 'NOT_SINGLE' });
    expect(await vote(m0, draft.id, { choice: [] })).toMatchObject({ ok: false, code: 'BALLOT_INVALID', reason: 'EMPTY' });
    expect(await vote(m0, draft.id, { choice: ['no'] })).toEqual({ ok: false, code: 'ALREADY_VOTED', message: 'Phiếu biểu quyết này đã được ghi nhận trước đó.', ballot: { principalId: m(0).id, choice: ['yes'] } });
    expect(await ballots(draft.id)).toBe(4);

    const mine = (await http(m(0), 'GET', `/${draft.id}`)).json() as PollDetail;
    expect(mine).toMatchObject({ status: 'open', voted: 4, eligible: 4, myBallots: [{ principalId: m(0).id, viaProxy: false, voted: true, choice: ['yes'] }] });
    expect(tallies.at(-1)).toEqual({ meetingId: cast.meetingId, pollId: draft.id, cast: 4, counts: { yes: 2, no: 1, abstain: 1 } });
    expect(memberTallies).toEqual([]);

    // Who voted what is published with the result, not before.
    expect((await http(m(0), 'GET', `/${draft.id}/voters`)).json()).toMatchObject({ code: 'CONFLICT' });
    expect(await m0.emitWithAck('poll:close', { pollId: draft.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const resultEvent = nextEvent(watcher.socket, 'poll:result', (p) => p.poll.id === draft.id);
    const closed = await chair.socket.emitWithAck('poll:close', { pollId: draft.id });
    if (!closed.ok) throw new Error(closed.code);
    const expected = decide(def as PollDefinition, tally(def as PollDefinition, choices.map(([, c]) => [c])), { present: 4, members: 6 });
    expect(closed.poll.result).toMatchObject({
      cast: 4,
      present: 4,
      members: 6,
      options: [
        { id: 'yes', votes: 2, percent: 50 },
        { id: 'no', votes: 1, percent: 25 },
        { id: 'abstain', votes: 1, percent: 25 },
      ],
      outcome: { passed: expected.passed, reason: expected.reason, threshold: expected.threshold, base: 4, yes: 2, no: 1, abstain: 1 },
      explanation: { vi: explain(expected, 'vi'), en: explain(expected, 'en') },
      voters: null,
      voterCount: 4,
      bulletin: null,
    });
    expect(closed.poll.result!.outcome.passed).toBe(false);
    const sent = await resultEvent;
    expect(sent.poll).toEqual(closed.poll);
    // Everyone gets the counts; the names go only to whoever opens the list.
    for (const [who] of choices) expect(JSON.stringify(sent)).not.toContain(who.user.fullName);
    const voters = await votersOf(app, cast, draft.id, m(3));
    expect(new Set(voters.map((v) => `${v.principalId}:${v.choice.join()}:${v.viaProxy}`))).toEqual(new Set(choices.map(([who, c]) => `${who.id}:${c}:false`)));
    expect(voters.map((v) => v.principalName)).toEqual(choices.map(([who]) => who.user.fullName).sort((a, b) => a.localeCompare(b, 'vi')));
    // The poll asked for by itself carries them too; outsiders learn nothing.
    expect(((await http(m(0), 'GET', `/${draft.id}`)).json() as PollDetail).result).toMatchObject({ voters, voterCount: 4 });
    expect((await http(cast.outsider, 'GET', `/${draft.id}/voters`)).statusCode).toBe(404);
    expect((await http(m(0), 'GET', `/${new ObjectId().toHexString()}/voters`)).statusCode).toBe(404);
    expect((await watcher.event(closed.seq)).polls?.find((p) => p.id === draft.id)).toMatchObject({ status: 'closed', outcome: { passed: false, reason: 'MAJORITY_NOT_REACHED' } });
    expect(await audit('poll.closed', draft.id)).toEqual([expect.objectContaining({ actorId: cast.chair.id, data: expect.objectContaining({ by: 'chair', cast: 4, voters: expect.arrayContaining([expect.objectContaining({ principalId: m(1).id, choice: ['no'] })]) }) })]);
    expect((await audit('poll.voted', draft.id)).length).toBe(4);

    expect(await vote(m0, draft.id, { choice: ['no'] })).toMatchObject({ ok: false, code: 'POLL_CLOSED' });
    expect(await vote((await as(m(1))).socket, draft.id, { choice: ['no'], ballotKey: newBallotKey() })).toMatchObject({ ok: false, code: 'POLL_CLOSED' });
    expect(await ballots(draft.id)).toBe(4);
    expect(await chair.socket.emitWithAck('poll:close', { pollId: draft.id })).toEqual({ ok: true, seq: null, poll: closed.poll });
  });

  it('lets a proxy holder vote for an absent principal, who cannot vote again on arriving', async () => {
    const [holder, principal, other, late] = [m(0), m(3), m(1), m(4)];
    expect(await (await as(principal)).socket.emitWithAck('live:proxy:grant', { meetingId: cast.meetingId, holderId: holder.id })).toMatchObject({ ok: true });
    expect(await (await as(late)).socket.emitWithAck('live:proxy:grant', { meetingId: cast.meetingId, holderId: other.id })).toMatchObject({ ok: true });
    const def = choice(['a', 'b', 'c'], { kind: 'multiple', maxChoices: 2 });
    const draft = await createPoll(app, cast, def, { itemId: cast.itemIds[1], hideTallyUntilClose: true });
    const chair = (await as(cast.chair)).socket;
    await openPoll(chair, draft.id);
    const tallies = record(chair, 'poll:tally');
    const progress = nextEvent(chair, 'poll:progress', (p) => p.pollId === draft.id);

    const h = (await as(holder)).socket;
    expect((await http(holder, 'GET', `/${draft.id}`)).json().myBallots).toEqual([
      { principalId: holder.id, principalName: holder.user.fullName, viaProxy: false, voted: false, choice: null },
      { principalId: principal.id, principalName: principal.user.fullName, viaProxy: true, voted: false, choice: null },
    ]);
    expect(await vote(h, draft.id, { choice: ['c', 'a'] })).toMatchObject({ ok: true, choice: ['a', 'c'] });
    expect(await vote(h, draft.id, { choice: ['b'], onBehalfOf: principal.id })).toMatchObject({ ok: true, principalId: principal.id, choice: ['b'] });
    expect(await vote(h, draft.id, { choice: ['a', 'b', 'c'] })).toMatchObject({ ok: false, code: 'BALLOT_INVALID', reason: 'TOO_MANY' });
    // The tally would follow the progress on the same connection, before the answer to a ping.
    await progress;
    expect(await chair.emitWithAck('sys:ping', { sentAt: Date.now() })).toMatchObject({ ok: true });
    expect(tallies).toEqual([]);
    expect(await vote((await as(other)).socket, draft.id, { choice: ['a'], onBehalfOf: principal.id })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });

    // The principal arrives: their proxy ends; the ballot cast for them stands.
    expect(await (await as(principal)).socket.emitWithAck('live:attendance:checkIn', { meetingId: cast.meetingId })).toMatchObject({ ok: true });
    expect(await vote((await as(principal)).socket, draft.id, { choice: ['c'] })).toEqual(expect.objectContaining({ ok: false, code: 'ALREADY_VOTED', ballot: { principalId: principal.id, choice: ['b'] } }));
    expect(await vote(h, draft.id, { choice: ['a'], onBehalfOf: principal.id })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    expect((await http(principal, 'GET', `/${draft.id}`)).json().myBallots).toEqual([{ principalId: principal.id, principalName: principal.user.fullName, viaProxy: false, voted: true, choice: ['b'] }]);

    // Another principal arrives before their holder votes: the right moves back to them at once.
    expect(await (await as(late)).socket.emitWithAck('live:attendance:checkIn', { meetingId: cast.meetingId })).toMatchObject({ ok: true });
    expect(await vote((await as(other)).socket, draft.id, { choice: ['a'], onBehalfOf: late.id })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    expect(await vote((await as(late)).socket, draft.id, { choice: ['a'] })).toMatchObject({ ok: true, principalId: late.id });

    const closed = await closePoll(chair, draft.id);
    expect(await votersOf(app, cast, draft.id, principal)).toEqual(
      expect.arrayContaining([
        { principalId: principal.id, principalName: principal.user.fullName, voterId: holder.id, voterName: holder.user.fullName, viaProxy: true, choice: ['b'] },
        expect.objectContaining({ principalId: holder.id, voterId: holder.id, viaProxy: false, choice: ['a', 'c'] }),
        expect.objectContaining({ principalId: late.id, voterId: late.id, viaProxy: false, choice: ['a'] }),
      ]),
    );
    expect(closed.result!.options.map((o) => [o.id, o.votes])).toEqual([['a', 2], ['b', 1], ['c', 1]]);
    expect(await audit('poll.voted', draft.id)).toEqual(expect.arrayContaining([expect.objectContaining({ actorId: holder.id, data: expect.objectContaining({ principalId: principal.id, viaProxy: true, choice: ['b'] }) })]));
  });

  it('refuses malformed commands and answers NOT_FOUND to outsiders, over the socket and HTTP', async () => {
    const draft = await createPoll(app, cast, motion());
    const chair = await as(cast.chair);
    const emit = chair.socket.emitWithAck.bind(chair.socket) as unknown as (event: string, payload: unknown) => Promise<unknown>;
    const bad: [string, unknown][] = [
      ['poll:open', { pollId: 'x' }],
      ['poll:open', { pollId: draft.id, override: 'yes' }],
      ['poll:open', { pollId: draft.id, durationSec: 5 }],
      ['poll:close', {}],
      ['poll:vote', { pollId: draft.id, choice: ['yes'] }],
      ['poll:vote', { pollId: draft.id, choice: ['yes'], ballotKey: 'short' }],
      ['poll:vote', { pollId: draft.id, choice: 'yes', ballotKey: newBallotKey() }],
      ['poll:vote', { pollId: draft.id, choice: ['yes'], ballotKey: newBallotKey(), extra: 1 }],
    ];
    for (const [event, payload] of bad) expect([event, await emit(event, payload)]).toEqual([event, { ok: false, code: 'VALIDATION', message: 'Dữ liệu không hợp lệ.' }]);
    expect(await app.db.collection('polls').findOne({ _id: new ObjectId(draft.id) })).toMatchObject({ status: 'draft' });
    expect(await vote(chair.socket, draft.id, { choice: ['yes'] })).toMatchObject({ ok: false, code: 'POLL_NOT_OPEN' });

    const outsider = await Client.connect(baseUrl, cast.outsider);
    const emitOut = outsider.socket.emitWithAck.bind(outsider.socket) as unknown as (event: string, payload: unknown) => Promise<unknown>;
    for (const [event, payload] of [
      ['poll:open', { pollId: draft.id }],
      ['poll:close', { pollId: draft.id }],
      ['poll:vote', { pollId: draft.id, choice: ['yes'], ballotKey: newBallotKey() }],
      ['poll:vote', { pollId: new ObjectId().toHexString(), choice: ['yes'], ballotKey: newBallotKey() }],
    ] as const) {
      expect([event, await emitOut(event, payload)]).toEqual([event, { ok: false, code: 'NOT_FOUND', message: 'Không tìm thấy.' }]);
    }
    outsider.close();
    expect((await http(cast.outsider, 'GET')).statusCode).toBe(404);
    expect((await http(cast.outsider, 'GET', `/${draft.id}`)).statusCode).toBe(404);
  });

  it('gives a late joiner the same polls every follower built from the events', async () => {
    const rebuilt = watcher.events.reduce(applyEvent, initial);
    const fresh = await (await as(m(4))).sync(cast.meetingId);
    expect({ ...rebuilt, serverTime: 0 }).toEqual({ ...fresh, serverTime: 0 });
    expect(fresh.polls.map((p) => p.status)).toEqual(['closed', 'closed', 'closed']);
    const listed = (await http(m(4), 'GET')).json().polls as Poll[];
    expect(listed.map((p) => p.status)).toEqual(['closed', 'closed', 'closed']);
    expect((await http(cast.secretary, 'GET')).json().polls.map((p: Poll) => p.status)).toEqual(['closed', 'closed', 'closed', 'draft']);
  });
});
