import { setTimeout as sleep } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { PROTOCOL_VERSION, type ClientToServerEvents, type Me, type Meeting, type Poll, type PollDetail, type PollResultPayload, type ServerToClientEvents, type User } from '@e-cabinet/protocol';
import { defineCase, type CaseContext, type Measurement } from '../case.ts';
import { positiveInt } from '../env.ts';
import { ADMIN, api, signIn } from '../http.ts';
import { mapLimit } from '../load.ts';
import { rssKb } from '../proc.ts';
import { measurement, round2, summarize } from '../stats.ts';
import { ratio } from '../stroke-latency.ts';
import { startBareBroadcast, startClients, type ClientPool } from '../vote/clients.ts';
import { wallNow, type ToClients } from '../vote/messages.ts';
import { elapsedSince, kbPerDelegate, perRound, resultPayloadJson, roundSizes, splitEvenly } from '../vote/round-math.ts';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Seeded by SEED_DEMO=true (server/src/seed/demo-data.ts). */
const SECRETARY = { username: 'thuky', password: 'ThuKy@2026' };
const CHAIR = { username: 'chutich', password: 'ChuTich@2026' };
const DELEGATE_PASSWORD = 'DaiBieu@Bench2026';

const DEFAULT_ROUNDS = [500, 1000];
const DEFAULT_CLIENT_PROCESSES = 2;
/** Each delegate votes at a random moment this long after the poll opened. */
const VOTE_WINDOW_MS = 2000;
/** Per client process: delegates arrive in a wave, not all in the same millisecond. */
const CONNECT_CONCURRENCY = 20;
/** argon2 (creating users, signing in) is the slow part of setting up; 2 cores, a few at a time. */
const ARGON_CONCURRENCY = 4;
/** Lets the server's heap settle (sockets closed, buffers freed) before reading its RSS. */
const SETTLE_MS = 1000;
const CONNECT_TIMEOUT_MS = 900_000;
const ROUND_TIMEOUT_MS = 60_000;
const TIMEOUT_MS = 30_000;
/** A yes/no/abstain motion, named ballots, absolute majority of members: what the client's poll form starts with. */
const DEFINITION = { kind: 'yesNoAbstain', secrecy: 'named', rule: { kind: 'absolute' }, base: 'members' } as const;

interface Setup {
  secretary: string;
  chair: string;
  chairId: string;
  delegates: { id: string; cookie: string }[];
}

/**
 * Every delegate is a real account the admin creates (argon2 hash) and signs in once over HTTP
 * (argon2 verify), with a session of its own; the rounds reuse those sessions, each with a fresh
 * socket. No session is written to the database behind the server's back.
 */
async function setUp(ctx: CaseContext, delegates: number): Promise<Setup> {
  const base = ctx.baseUrl;
  const [admin, secretary, chair] = await Promise.all([signIn(base, ADMIN), signIn(base, SECRETARY), signIn(base, CHAIR)]);
  ctx.log(`  creating ${delegates} delegate accounts`);
  const users = await mapLimit(delegates, ARGON_CONCURRENCY, (i) =>
    api<User>(base, admin, 'POST', '/api/users', { username: `bench.voter${String(i + 1).padStart(4, '0')}`, fullName: `Đại biểu biểu quyết ${i + 1}`, role: 'delegate', password: DELEGATE_PASSWORD }),
  );
  ctx.log(`  signing in ${delegates} delegates`);
  const cookies = await mapLimit(delegates, ARGON_CONCURRENCY, (i) => signIn(base, { username: users[i]!.username, password: DELEGATE_PASSWORD }));
  const { user } = await api<Me>(base, chair, 'GET', '/api/auth/me');
  return { secretary, chair, chairId: user.id, delegates: users.map((u, i) => ({ id: u.id, cookie: cookies[i]! })) };
}

/** A live meeting of the chair and `n` members with one agenda item, and a draft poll on it. */
async function liveMeetingWithPoll(ctx: CaseContext, setup: Setup, n: number): Promise<{ meetingId: string; pollId: string }> {
  const base = ctx.baseUrl;
  const { secretary, chair } = setup;
  const start = new Date(Date.now() + 3600_000);
  const meeting = await api<Meeting>(base, secretary, 'POST', '/api/meetings', {
    title: `Kỳ họp thử tải biểu quyết (${n} đại biểu)`,
    kind: 'regular',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3 * 3600_000).toISOString(),
    participants: [{ userId: setup.chairId, role: 'chair' }, ...setup.delegates.slice(0, n).map((d) => ({ userId: d.id, role: 'member' }))],
  });
  const agenda = await api<{ items: { id: string }[] }>(base, secretary, 'POST', `/api/meetings/${meeting.id}/agenda`, { title: 'Thông qua nghị quyết', durationMinutes: 30 });
  for (const [who, transition] of [[secretary, 'submit'], [chair, 'approve'], [secretary, 'publish'], [chair, 'start']] as const) {
    await api(base, who, 'POST', `/api/meetings/${meeting.id}/transitions/${transition}`);
  }
  const poll = await api<Poll>(base, chair, 'POST', `/api/meetings/${meeting.id}/polls`, {
    itemId: agenda.items[0]!.id,
    question: 'Thông qua Nghị quyết về kế hoạch đầu tư công năm 2027?',
    definition: DEFINITION,
  });
  return { meetingId: meeting.id, pollId: poll.id };
}

function connectChair(baseUrl: string, cookie: string): Promise<ClientSocket> {
  const socket: ClientSocket = io(baseUrl, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: TIMEOUT_MS, auth: { protocolVersion: PROTOCOL_VERSION }, extraHeaders: { cookie } });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.disconnect();
      reject(new Error(`the chair's socket was refused: ${err.message}`));
    });
  });
}


interface Round {
  measurements: Record<string, Measurement>;
  values: Record<string, number>;
  ballotsStored: number;
  /** The real `poll:result` payload as JSON, for the bare baseline. */
  payload: string;
}

/** One vote round on the app: connect and check in, open, everyone votes, close, everyone has the result. */
async function voteRound(ctx: CaseContext, setup: Setup, n: number, pool: ClientPool): Promise<Round> {
  const { meetingId, pollId } = await liveMeetingWithPoll(ctx, setup, n);
  const chair = await connectChair(ctx.baseUrl, setup.chair);
  try {
    await sleep(SETTLE_MS);
    const rssBeforeKb = rssKb(ctx.serverPid);
    ctx.log(`  ${n} delegates: connecting and checking in, then joining the meeting`);
    const shares = splitEvenly(setup.delegates.slice(0, n), pool.processes.length);
    const connectMessages: ToClients[] = shares.map((share) => ({ t: 'connect', baseUrl: ctx.baseUrl, meetingId, cookies: share.map((d) => d.cookie), concurrency: CONNECT_CONCURRENCY, voteWindowMs: VOTE_WINDOW_MS }));
    await pool.all(connectMessages, 'connected', CONNECT_TIMEOUT_MS, 'connected delegates');
    await sleep(SETTLE_MS);
    const rssCheckedInKb = rssKb(ctx.serverPid);
    await pool.all(pool.processes.map(() => ({ t: 'join', meetingId, concurrency: CONNECT_CONCURRENCY })), 'joined', CONNECT_TIMEOUT_MS, 'delegates in the meeting');
    await sleep(SETTLE_MS);
    const rssAfterKb = rssKb(ctx.serverPid);

    ctx.log(`  ${n} delegates: the chair opens the poll; each votes within ${VOTE_WINDOW_MS / 1000} s`);
    const votes = pool.all([], 'voted', ROUND_TIMEOUT_MS, 'votes');
    const opened = performance.now();
    const open = await chair.timeout(TIMEOUT_MS).emitWithAck('poll:open', { pollId });
    if (!open.ok) throw new Error(`poll:open refused: ${open.code} ${open.message}`);
    const ackMs = (await votes).flatMap((m) => m.ackMs);
    const votingSeconds = (performance.now() - opened) / 1000;

    ctx.log(`  ${n} delegates: the chair closes the poll`);
    const results = pool.all([], 'results', ROUND_TIMEOUT_MS, 'poll:result at every delegate');
    const closedAt = wallNow();
    const close = await chair.timeout(TIMEOUT_MS).emitWithAck('poll:close', { pollId });
    const closeAckMs = wallNow() - closedAt;
    if (!close.ok) throw new Error(`poll:close refused: ${close.code} ${close.message}`);
    const arrivals = await results;
    const resultMs = elapsedSince(closedAt, arrivals.flatMap((m) => m.at));
    const lastArrival = Math.max(...arrivals.flatMap((m) => m.at));
    if (!arrivals.every((m) => m.identical && m.frame === arrivals[0]!.frame)) throw new Error('the delegates did not all receive the same poll:result');

    // What the server stored, read back through its API, and what every delegate was sent.
    const stored = await api<PollDetail>(ctx.baseUrl, setup.chair, 'GET', `/api/meetings/${meetingId}/polls/${pollId}`);
    if (stored.status !== 'closed' || !stored.result) throw new Error(`the poll is ${stored.status} with no result after poll:close`);
    const payload = resultPayloadJson(arrivals[0]!.frame);
    const sent = JSON.parse(payload) as PollResultPayload;
    if (sent.poll.id !== pollId || sent.poll.result?.cast !== stored.result.cast) throw new Error('the poll:result sent differs from the stored result');
    if (stored.result.voters?.length !== stored.result.cast) throw new Error(`${stored.result.cast} ballots counted but ${stored.result.voters?.length} named voters`);

    await pool.all(pool.processes.map(() => ({ t: 'disconnect' })), 'disconnected', TIMEOUT_MS, 'disconnected delegates');
    return {
      measurements: {
        [`poll:vote send → ack (${n} delegates)`]: measurement(ackMs, votingSeconds),
        [`poll:close → poll:result at each delegate (${n})`]: measurement(resultMs, (lastArrival - closedAt) / 1000),
      },
      values: {
        voteAckP50Ms: round2(summarize(ackMs).p50),
        voteAckP99Ms: round2(summarize(ackMs).p99),
        voteResultP99Ms: round2(summarize(resultMs).p99),
        voteResultMaxMs: round2(summarize(resultMs).max),
        // The first arrival bounds the server's own work before the broadcast (drain, count,
        // durable write); the rest of the spread is the fan-out.
        voteResultFirstMs: round2(summarize(resultMs).min),
        voteCloseAckMs: round2(closeAckMs),
        voteResultPayloadKB: round2(Buffer.byteLength(payload) / 1024),
        voteMemPerDelegateKB: kbPerDelegate(rssBeforeKb, rssAfterKb, n),
        // Before joining: RSS also keeps the high-water of the N live states built for live:sync.
        voteMemPerDelegateCheckedInKB: kbPerDelegate(rssBeforeKb, rssCheckedInKb, n),
        voteRssBeforeKB: rssBeforeKb,
        voteRssAfterKB: rssAfterKb,
        ballotsStored: stored.result.cast,
        ballotsLost: n - stored.result.cast,
      },
      ballotsStored: stored.result.cast,
      payload,
    };
  } finally {
    chair.disconnect();
  }
}

/**
 * The same fan-out through a bare `ws` server in its own process: n plain clients in the same
 * client processes, one broadcast of the real payload to warm up, then the measured one.
 */
async function bareRound(ctx: CaseContext, n: number, payload: string, pool: ClientPool): Promise<{ measurement: Measurement; p99: number }> {
  const bare = await startBareBroadcast(ctx.log);
  try {
    const counts = splitEvenly(Array.from({ length: n }, (_, i) => i), pool.processes.length).map((s) => s.length);
    await pool.all(counts.map((count) => ({ t: 'bareConnect', url: bare.url, count, concurrency: CONNECT_CONCURRENCY })), 'bareConnected', CONNECT_TIMEOUT_MS, 'connected bare clients');
    const trigger = new WebSocket(`${bare.url}/trigger`);
    await new Promise((resolve, reject) => {
      trigger.once('open', resolve);
      trigger.once('error', reject);
    });
    try {
      trigger.send(payload);
      const warm = pool.all([], 'bareResults', ROUND_TIMEOUT_MS, 'the warm-up broadcast');
      trigger.send('go');
      await warm;
      await pool.all(pool.processes.map(() => ({ t: 'bareReset' })), 'bareReady', TIMEOUT_MS, 'reset bare clients');

      const done = pool.all([], 'bareResults', ROUND_TIMEOUT_MS, 'the broadcast at every bare client');
      const sentAt = wallNow();
      trigger.send('go');
      const arrivals = await done;
      if (!arrivals.every((m) => m.identical)) throw new Error('the bare clients did not all receive the same payload');
      const at = arrivals.flatMap((m) => m.at);
      const ms = elapsedSince(sentAt, at);
      return { measurement: measurement(ms, (Math.max(...at) - sentAt) / 1000), p99: summarize(ms).p99 };
    } finally {
      trigger.close();
      await pool.all(pool.processes.map(() => ({ t: 'bareDisconnect' })), 'disconnected', TIMEOUT_MS, 'disconnected bare clients');
    }
  } finally {
    await bare.stop();
  }
}

function settings() {
  return {
    rounds: roundSizes(process.env.VOTE_N, DEFAULT_ROUNDS),
    clientProcesses: positiveInt(process.env, 'VOTE_CLIENT_PROCESSES', DEFAULT_CLIENT_PROCESSES),
  };
}

/**
 * Issue #5: a vote round as a meeting has it. N delegates, real accounts with their own sessions
 * and Socket.io connections held by client processes apart from the server, check in and join;
 * the chair opens a poll, each delegate votes at a random moment within 2 s, the chair closes.
 * Figures: ballot ack latency (the ack follows the durable write), close → result at every
 * delegate against a bare `ws` broadcast of the same payload, server RSS per delegate.
 * Close → result crosses processes on the wall clock (`performance.timeOrigin + now()`, see
 * vote/messages.ts); the coordinator stamps the close before sending it.
 */
export default defineCase({
  name: 'vote',
  description: `Vote rounds of ${DEFAULT_ROUNDS.join(' and ')} signed-in delegates on Socket.io from ${DEFAULT_CLIENT_PROCESSES} client processes: open, vote within ${VOTE_WINDOW_MS / 1000} s, close; then a bare ws broadcast of the same result (VOTE_N=100 or VOTE_N=200,400 and VOTE_CLIENT_PROCESSES override)`,
  async run(ctx) {
    const { rounds, clientProcesses } = settings();
    const setup = await setUp(ctx, Math.max(...rounds));
    const pool = startClients(clientProcesses, ctx.log);
    const measurements: Record<string, Measurement> = {};
    let values: Record<string, number> = {};
    let ballotsStored = 0;
    let ballotsLost = 0;
    try {
      for (const n of rounds) {
        const round = await voteRound(ctx, setup, n, pool);
        ctx.log(`  ${n} clients: bare ws broadcast of the same ${Math.round(Buffer.byteLength(round.payload) / 1024)} KB payload`);
        const bare = await bareRound(ctx, n, round.payload, pool);
        Object.assign(measurements, round.measurements, { [`bare ws: trigger → each client (${n})`]: bare.measurement });
        const ours = round.values.voteResultP99Ms!;
        values = { ...values, ...perRound({ ...round.values, voteBareResultP99Ms: round2(bare.p99), voteFanoutRatio: ratio(ours, bare.p99) }, n) };
        ballotsStored += round.ballotsStored;
        ballotsLost += n - round.ballotsStored;
      }
    } finally {
      await pool.stop();
    }
    return { measurements, values: { ...values, ballotsStored, ballotsLost, clientProcesses } };
  },
});
