import { setTimeout as sleep } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '@e-cabinet/protocol';
import { defineCase } from '../case.ts';
import { MEMBERS, signIn } from '../http.ts';
import { mapLimit, timedBatch } from '../load.ts';
import { rssKb } from '../proc.ts';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const SOCKETS = 200;
/** Delegates arrive in a wave, not all in the same millisecond. */
const CONNECT_CONCURRENCY = 20;
/** Connected and dropped before the RSS baseline, so first-use allocations are not counted per socket. */
const WARMUP_SOCKETS = 20;
const BURST_PINGS_PER_SOCKET = 5;
const SETTLE_MS = 1000;
/** argon2 makes sign-in the slow part of setting up; this many at a time keeps both cores busy. */
const SIGN_IN_CONCURRENCY = 8;
const TIMEOUT_MS = 10_000;

function connect(baseUrl: string, cookie: string): Promise<ClientSocket> {
  const socket: ClientSocket = io(baseUrl, {
    transports: ['websocket'],
    // Without it, every client in this process would share one connection.
    forceNew: true,
    reconnection: false,
    timeout: TIMEOUT_MS,
    auth: { protocolVersion: PROTOCOL_VERSION },
    extraHeaders: { cookie },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.disconnect();
      reject(new Error(`socket connect refused: ${err.message}`));
    });
  });
}

async function ping(socket: ClientSocket): Promise<void> {
  const res = await socket.timeout(TIMEOUT_MS).emitWithAck('sys:ping', { sentAt: Date.now() });
  if (!res.ok) throw new Error(`sys:ping refused: ${res.code} ${res.message}`);
}

/**
 * Every command first re-checks its session in the database, so a ping measures that read too.
 * Each socket has its own session, as each delegate would: with one shared session the database
 * would answer the same lookup over and over and hide how it scales with the number signed in.
 */
export default defineCase({
  name: 'socket-connect',
  description: `${SOCKETS} Socket.io clients (websocket only, a session each) connect ${CONNECT_CONCURRENCY} at a time, then sys:ping`,
  async run(ctx) {
    ctx.log(`  signing in ${SOCKETS} sessions`);
    const cookies = await mapLimit(SOCKETS, SIGN_IN_CONCURRENCY, (i) => signIn(ctx.baseUrl, MEMBERS[i % MEMBERS.length]));
    const sockets: ClientSocket[] = [];
    try {
      const warm = await mapLimit(WARMUP_SOCKETS, CONNECT_CONCURRENCY, (i) => connect(ctx.baseUrl, cookies[i]!));
      await Promise.all(warm.map(ping));
      for (const s of warm) s.disconnect();
      await sleep(SETTLE_MS);
      const rssBeforeKb = rssKb(ctx.serverPid);

      ctx.log(`  connecting ${SOCKETS} sockets`);
      const connected = await timedBatch(SOCKETS, CONNECT_CONCURRENCY, async (i) => {
        sockets[i] = await connect(ctx.baseUrl, cookies[i]!);
      });
      await sleep(SETTLE_MS);
      const rssAfterKb = rssKb(ctx.serverPid);

      ctx.log('  sys:ping');
      const oneAtATime = await timedBatch(SOCKETS, 1, (i) => ping(sockets[i]!));
      const allAtOnce = await timedBatch(SOCKETS * BURST_PINGS_PER_SOCKET, SOCKETS, (i) => ping(sockets[i % SOCKETS]!));
      return {
        measurements: {
          [`connect c=${CONNECT_CONCURRENCY}`]: connected,
          'sys:ping one at a time': oneAtATime,
          [`sys:ping c=${SOCKETS}`]: allAtOnce,
        },
        values: {
          sockets: SOCKETS,
          rssBeforeKb,
          rssAfterKb,
          kbPerSocket: Math.round(((rssAfterKb - rssBeforeKb) / SOCKETS) * 10) / 10,
        },
      };
    } finally {
      for (const s of sockets) s?.disconnect();
    }
  },
});
