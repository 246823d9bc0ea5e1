/**
 * One client process of the vote case, forked by `clients.ts` (never the server's process): it
 * holds its share of the delegates, each a Socket.io client with its own session, and, for the
 * baseline, as many plain `ws` clients. It reports to the coordinator over the IPC channel and
 * exits when that channel closes.
 *
 * A delegate "has" the result when the `poll:result` frame has arrived and been read as text,
 * before socket.io-client decodes its JSON: here hundreds of clients share one event loop, and
 * decoding each copy in turn would add every earlier client's parse time to the later ones'
 * latency (in a meeting each browser parses its own copy at the same time). The bare clients are
 * timed at the same point, so both runs measure delivery by the server, not this process.
 */
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { PROTOCOL_VERSION, type ClientToServerEvents, type PollOpenedPayload, type ServerToClientEvents } from '@e-cabinet/protocol';
import { mapLimit } from '../load.ts';
import { wallNow, type FromClients, type ToClients } from './messages.ts';
import { RESULT_FRAME_PREFIX } from './round-math.ts';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const TIMEOUT_MS = 30_000;
/** Checking in and joining are set-up, not measured: under a busy machine they may queue long. */
const SETUP_TIMEOUT_MS = 300_000;

const send = (msg: FromClients) => process.send!(msg);

interface Delegate {
  socket: ClientSocket;
  resultAt: number;
  frame: string | null;
}

let delegates: Delegate[] = [];
let results = 0;
let ackMs: number[] = [];
let voted = 0;

let bare: { ws: WebSocket; at: number; data: string | null }[] = [];
let bareArrived = 0;

function fail(err: unknown): void {
  send({ t: 'failed', error: (err as Error).message ?? String(err) });
}

/** Connects, then lets the `poll:result` frame stop at `onResultFrame` instead of the decoder. */
function connect(baseUrl: string, cookie: string): Promise<Delegate> {
  const socket: ClientSocket = io(baseUrl, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: TIMEOUT_MS,
    auth: { protocolVersion: PROTOCOL_VERSION },
    extraHeaders: { cookie },
  });
  const delegate: Delegate = { socket, resultAt: Number.NaN, frame: null };
  // The Manager hands every text frame to its parser's add(); `decoder` is private in the typings.
  const decoder = (socket.io as unknown as { decoder: { add(chunk: unknown): void } }).decoder;
  const add = decoder.add.bind(decoder);
  decoder.add = (chunk) => {
    if (typeof chunk === 'string' && chunk.startsWith(RESULT_FRAME_PREFIX)) onResultFrame(delegate, chunk);
    else add(chunk);
  };
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(delegate));
    socket.once('connect_error', (err) => {
      socket.disconnect();
      reject(new Error(`socket connect refused: ${err.message}`));
    });
  });
}

function onResultFrame(delegate: Delegate, frame: string): void {
  const at = wallNow();
  if (delegate.frame !== null) return fail(new Error('a delegate received poll:result twice'));
  delegate.resultAt = at;
  delegate.frame = frame;
  if (++results < delegates.length) return;
  const first = delegates[0]!.frame!;
  send({ t: 'results', at: delegates.map((d) => d.resultAt), frame: first, identical: delegates.every((d) => d.frame === first) });
}

/** At a random moment of the window after the poll opened, as a delegate reading the ballot would. */
function voteLater(delegate: Delegate, payload: PollOpenedPayload, windowMs: number): void {
  const options = payload.poll.options;
  const choice = options[Math.floor(Math.random() * options.length)]!.id;
  setTimeout(() => {
    const t0 = performance.now();
    delegate.socket
      .timeout(TIMEOUT_MS)
      .emitWithAck('poll:vote', { pollId: payload.poll.id, choice: [choice], ballotKey: randomBytes(16).toString('base64url') })
      .then((res) => {
        const ms = performance.now() - t0;
        if (!res.ok) throw new Error(`poll:vote refused: ${res.code} ${res.message}`);
        ackMs.push(ms);
        if (++voted === delegates.length) send({ t: 'voted', ackMs });
      })
      .catch(fail);
  }, Math.random() * windowMs);
}

async function command<T extends object>(what: string, ack: Promise<{ ok: true } & T | { ok: false; code: string; message: string }>): Promise<void> {
  const res = await ack;
  if (!res.ok) throw new Error(`${what} refused: ${res.code} ${res.message}`);
}

async function connectDelegates(msg: Extract<ToClients, { t: 'connect' }>): Promise<void> {
  results = 0;
  voted = 0;
  ackMs = [];
  const started = performance.now();
  delegates = await mapLimit(msg.cookies.length, msg.concurrency, async (i) => {
    const d = await connect(msg.baseUrl, msg.cookies[i]!);
    d.socket.on('poll:opened', (payload) => voteLater(d, payload, msg.voteWindowMs));
    return d;
  });
  const log = (what: string, since: number) => process.stderr.write(`${what} ${delegates.length} in ${((performance.now() - since) / 1000).toFixed(1)} s\n`);
  log('connected', started);
  const ref = { meetingId: msg.meetingId };
  // Everyone checks in before anyone joins the room: the check-ins' live events then reach only
  // those already in, as when delegates arrive one by one, not all N to all N.
  const checkIn = performance.now();
  await mapLimit(delegates.length, msg.concurrency, (i) => command('live:attendance:checkIn', delegates[i]!.socket.timeout(SETUP_TIMEOUT_MS).emitWithAck('live:attendance:checkIn', ref)));
  log('checked in', checkIn);
  send({ t: 'connected', count: delegates.length });
}

async function joinMeeting(meetingId: string, concurrency: number): Promise<void> {
  const ref = { meetingId };
  const sync = performance.now();
  await mapLimit(delegates.length, concurrency, (i) => command('live:sync', delegates[i]!.socket.timeout(SETUP_TIMEOUT_MS).emitWithAck('live:sync', ref)));
  process.stderr.write(`joined ${delegates.length} in ${((performance.now() - sync) / 1000).toFixed(1)} s\n`);
  send({ t: 'joined' });
}

function connectBare(url: string): Promise<void> {
  const entry: (typeof bare)[number] = { ws: new WebSocket(url), at: Number.NaN, data: null };
  bare.push(entry);
  entry.ws.on('message', (data, isBinary) => {
    const at = wallNow();
    if (entry.data !== null) return fail(new Error('a bare client received the broadcast twice'));
    // A text frame, read as text: the same work engine.io-client does before its decoder.
    entry.data = isBinary ? '' : (data as Buffer).toString();
    entry.at = at;
    if (++bareArrived < bare.length) return;
    const first = bare[0]!.data;
    send({ t: 'bareResults', at: bare.map((b) => b.at), identical: bare.every((b) => b.data === first) });
  });
  return new Promise((resolve, reject) => {
    entry.ws.once('open', () => resolve());
    entry.ws.once('error', reject);
  });
}

process.on('message', (msg: ToClients) => {
  const run = async () => {
    switch (msg.t) {
      case 'connect':
        return connectDelegates(msg);
      case 'join':
        return joinMeeting(msg.meetingId, msg.concurrency);
      case 'disconnect':
        for (const d of delegates) d.socket.disconnect();
        delegates = [];
        return send({ t: 'disconnected' });
      case 'bareConnect':
        bareArrived = 0;
        await mapLimit(msg.count, msg.concurrency, () => connectBare(msg.url));
        return send({ t: 'bareConnected', count: bare.length });
      case 'bareReset':
        bareArrived = 0;
        for (const b of bare) b.data = null;
        return send({ t: 'bareReady' });
      case 'bareDisconnect':
        for (const b of bare) b.ws.terminate();
        bare = [];
        return send({ t: 'disconnected' });
    }
  };
  run().catch(fail);
});
process.on('disconnect', () => process.exit(0));
