import fp from 'fastify-plugin';
import { Server, type Socket } from 'socket.io';
import {
  DisconnectReason,
  ErrorCode,
  HandshakeAuthSchema,
  MeetingRefSchema,
  PresenterUpdateSchema,
  PROTOCOL_VERSION,
  PingPayloadSchema,
  compileValidator,
  errorMessage,
  pickLocale,
  rooms,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '@e-cabinet/protocol';
import { ObjectId } from 'mongodb';
import { SESSION_COOKIE } from '../auth/session-store.ts';
import { AppError } from '../http/app-error.ts';
import { collections, type UserDoc } from '../db/collections.ts';
import { PresenterService } from './presenter.ts';
import { SocketAuthCache } from './socket-auth-cache.ts';
import { registerLiveCommands } from '../live/live-socket.ts';
import { registerPollCommands } from '../polls/poll-socket.ts';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

declare module 'fastify' {
  interface FastifyInstance {
    io: IoServer;
    /** Sessions and users as socket commands check them; revocations go through `revoke.ts`. */
    socketAuth: SocketAuthCache;
  }
}

/** Error passed to `next()` in the handshake; the client sees `err.message` and `err.data`. */
function handshakeError(code: ErrorCode, locale: 'vi' | 'en'): Error & { data: { code: ErrorCode; message: string } } {
  const message = errorMessage(code, locale);
  return Object.assign(new Error(message), { data: { code, message } });
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

const checkHandshake = compileValidator(HandshakeAuthSchema);
const checkPing = compileValidator(PingPayloadSchema);
const checkMeetingRef = compileValidator(MeetingRefSchema);
const checkPresenter = compileValidator(PresenterUpdateSchema);

/**
 * Socket.io on the app's own HTTP server. The handshake checks the protocol version and the
 * session cookie; every later command re-checks that the session is still live and the user
 * active, through a short-lived cache that revocations in this process clear at once
 * (`SocketAuthCache`).
 */
export default fp(
  async (app) => {
    const io: IoServer = new Server(app.server, {
      path: '/socket.io',
      serveClient: false,
      // Per-message deflate defeats broadcast pre-encoding (4× memory, 3× CPU).
      perMessageDeflate: false,
      // The collab endpoint shares this HTTP server; engine.io must leave its upgrades alone.
      destroyUpgrade: false,
      cors: app.config.corsOrigins.length ? { origin: app.config.corsOrigins, credentials: true } : undefined,
      maxHttpBufferSize: 1e6,
    });
    app.decorate('io', io);
    const authCache = new SocketAuthCache(collections(app.db));
    app.decorate('socketAuth', authCache);

    io.use(async (socket, next) => {
      const locale = pickLocale(socket.handshake.headers['accept-language']);
      const auth = checkHandshake(socket.handshake.auth);
      if (!auth.ok || auth.value.protocolVersion !== PROTOCOL_VERSION) {
        return next(handshakeError(ErrorCode.PROTOCOL_MISMATCH, locale));
      }
      try {
        const session = await app.sessions.resolve(readCookie(socket.handshake.headers.cookie, SESSION_COOKIE));
        const user = session ? await app.users.byId(session.userId) : null;
        if (!session || !user?.active) return next(handshakeError(ErrorCode.UNAUTHENTICATED, locale));
        authCache.remember(session, user);
        socket.data = { userId: user._id.toHexString(), sessionId: session._id, locale: user.locale };
        next();
      } catch (err) {
        app.log.error({ err }, 'socket handshake failed');
        next(handshakeError(ErrorCode.UNAVAILABLE, locale));
      }
    });

    const presenter = new PresenterService(app);

    io.on('connection', (socket) => {
      void socket.join([rooms.user(socket.data.userId), rooms.session(socket.data.sessionId)]);

      // Revocation normally disconnects at once; this catches a revocation made by a process
      // that could not reach this one (within the cache's TTL), and a command racing one here.
      socket.use(([event, ...args], next) => {
        // The command's user check (`asUser`) reads alongside, not after, when the cache has expired.
        authCache.user(socket.data.userId).catch(() => undefined);
        authCache
          .sessionLive(socket.data.sessionId, socket.data.userId)
          .then((live) => {
            if (live) return next();
            const ack = args.at(-1);
            if (typeof ack === 'function') ack({ ok: false, code: ErrorCode.SESSION_REVOKED, message: errorMessage(ErrorCode.SESSION_REVOKED, socket.data.locale) });
            socket.emit('session:ended', { reason: DisconnectReason.SESSION_REVOKED });
            socket.disconnect(true);
            app.log.info({ event }, 'command on a revoked session refused');
          })
          .catch(() => next(new Error(errorMessage(ErrorCode.UNAVAILABLE, socket.data.locale))));
      });

      socket.on('sys:ping', (payload, ack) => {
        if (typeof ack !== 'function') return;
        const checked = checkPing(payload, socket.data.locale);
        if (!checked.ok) return ack({ ok: false, code: ErrorCode.VALIDATION, message: errorMessage(ErrorCode.VALIDATION, socket.data.locale) });
        ack({ ok: true, serverTime: Date.now() });
      });

      const fail = (code: ErrorCode) => ({ ok: false as const, code, message: errorMessage(code, socket.data.locale) });

      /** Runs a command for the socket's (still active) user, answering every outcome. */
      const asUser = async <T extends object>(ack: (res: { ok: true } & T | ReturnType<typeof fail>) => void, fn: (user: UserDoc) => Promise<T>) => {
        try {
          const user = await authCache.user(socket.data.userId);
          if (!user?.active) return ack(fail(ErrorCode.SESSION_REVOKED));
          ack({ ok: true, ...(await fn(user)) });
        } catch (err) {
          if (err instanceof AppError) return ack(fail(err.code));
          app.log.error({ err }, 'socket command failed');
          ack(fail(ErrorCode.INTERNAL));
        }
      };

      // Joining a meeting's room is checked like any read of the meeting: a non-participant
      // gets NOT_FOUND, the same answer as for a meeting that does not exist.
      socket.on('meeting:join', async (payload, ack) => {
        if (typeof ack !== 'function') return;
        const checked = checkMeetingRef(payload, socket.data.locale);
        if (!checked.ok) return ack(fail(ErrorCode.VALIDATION));
        await asUser(ack, async (user) => {
          const { meeting } = await app.meetings.access(new ObjectId(checked.value.meetingId), user);
          const id = meeting._id.toHexString();
          await socket.join(rooms.meeting(id));
          return { seq: meeting.seq, presenter: await presenter.current(id) };
        });
      });

      socket.on('presenter:update', async (payload, ack) => {
        if (typeof ack !== 'function') return;
        const checked = checkPresenter(payload, socket.data.locale);
        if (!checked.ok) return ack(fail(ErrorCode.VALIDATION));
        await asUser(ack, async (user) => ({ state: await presenter.update(user, checked.value.meetingId, checked.value.documentId, checked.value.page) }));
      });

      socket.on('presenter:stop', async (payload, ack) => {
        if (typeof ack !== 'function') return;
        const checked = checkMeetingRef(payload, socket.data.locale);
        if (!checked.ok) return ack(fail(ErrorCode.VALIDATION));
        await asUser(ack, async (user) => {
          await presenter.stop(user, checked.value.meetingId);
          return {};
        });
      });

      registerLiveCommands(app, socket, asUser);
      registerPollCommands(app, socket, asUser);

      socket.on('meeting:leave', async (payload, ack) => {
        if (typeof ack !== 'function') return;
        const checked = checkMeetingRef(payload, socket.data.locale);
        if (!checked.ok) return ack(fail(ErrorCode.VALIDATION));
        await socket.leave(rooms.meeting(checked.value.meetingId));
        ack({ ok: true });
      });
    });

    app.addHook('preClose', async () => {
      io.disconnectSockets(true);
    });
    app.addHook('onClose', async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
    });
  },
  { name: 'socket-server', dependencies: ['services'] },
);
