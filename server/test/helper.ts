import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { io as ioClient, type Socket } from 'socket.io-client';
import { ObjectId } from 'mongodb';
import { PROTOCOL_VERSION, type ClientToServerEvents, type CreateUser, type MeetingStatus, type ServerToClientEvents } from '@e-cabinet/protocol';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import type { UserDoc } from '../src/db/collections.ts';

export interface TestApp extends FastifyInstance {
  /** Drops this file's database and closes the app. */
  teardown(): Promise<void>;
}

/** The app on its own fresh database in the shared test server. */
export async function buildTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const config: Config = { ...loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false' }), serveClient: false, ...overrides };
  const dbName = `test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const app = (await buildApp({ config, mongoUri: inject('mongoUri'), dbName })) as TestApp;
  app.teardown = async () => {
    await app.db.dropDatabase().catch(() => {});
    await app.close();
  };
  return app;
}

let counter = 0;
/** Creates a user through the service; every field can be overridden. */
export async function makeUser(app: FastifyInstance, overrides: Partial<CreateUser> = {}): Promise<UserDoc & { password: string }> {
  counter++;
  const input: CreateUser = {
    username: `user${counter}.${randomUUID().slice(0, 6)}`,
    fullName: `Người dùng ${counter}`,
    role: 'delegate',
    password: 'MatKhau123',
    ...overrides,
  };
  const doc = await app.users.create(input);
  return { ...doc, password: input.password };
}

/** Signs in over HTTP and returns the cookie header to send back. */
export async function login(app: FastifyInstance, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'ecab_sid');
  if (!cookie) throw new Error('no session cookie');
  return `ecab_sid=${cookie.value}`;
}

/** Makes a user of the given role and signs in. */
export async function signedIn(app: FastifyInstance, overrides: Partial<CreateUser> = {}) {
  const user = await makeUser(app, overrides);
  return { user, cookie: await login(app, user.username, user.password) };
}

/** Starts listening on a random loopback port (for real sockets) and returns the base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A Socket.io client with its own connection (forceNew), sending the given cookie. */
export function connectSocket(baseUrl: string, cookie: string | null, protocolVersion = PROTOCOL_VERSION): ClientSocket {
  return ioClient(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { protocolVersion },
    extraHeaders: cookie ? { cookie } : {},
  });
}

/** Resolves with the first emission of an event (no timers: the test timeout bounds it). */
export function once<T = unknown>(emitter: { once: (event: never, fn: never) => unknown }, event: string): Promise<T> {
  const on = emitter.once as unknown as (event: string, fn: (arg: T) => void) => unknown;
  return new Promise((resolve) => on.call(emitter, event, resolve));
}

/** A unit for tests, created through the service. */
export async function makeUnit(app: FastifyInstance, overrides: Partial<{ code: string; name: string }> = {}) {
  counter++;
  return app.units.create({ code: overrides.code ?? `U${counter}-${randomUUID().slice(0, 6)}`, name: overrides.name ?? `Đơn vị ${counter}`, kind: 'department' });
}

export interface MeetingCast {
  meetingId: string;
  itemId: string;
  secretary: { user: UserDoc; cookie: string };
  chair: { user: UserDoc; cookie: string };
  member: { user: UserDoc; cookie: string };
  invitee: { user: UserDoc; cookie: string };
  observer: { user: UserDoc; cookie: string };
  outsider: { user: UserDoc; cookie: string };
}

/**
 * A meeting with one agenda item and one signed-in user per meeting role, plus an outsider,
 * created over HTTP as the secretariat would. `status` moves it along by direct update.
 */
export async function makeMeeting(app: FastifyInstance, opts: { status?: MeetingStatus; title?: string } = {}): Promise<MeetingCast> {
  const secretary = await signedIn(app, { role: 'secretary' });
  const chair = await signedIn(app, { role: 'chair' });
  const member = await signedIn(app, { email: `member${counter}@example.gov.vn` });
  const invitee = await signedIn(app);
  const observer = await signedIn(app);
  const outsider = await signedIn(app);
  const start = new Date(Date.now() + 7 * 86400_000);
  const res = await app.inject({
    method: 'POST',
    url: '/api/meetings',
    headers: { cookie: secretary.cookie },
    payload: {
      title: opts.title ?? 'Phiên họp thường kỳ UBND tỉnh',
      kind: 'regular',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3 * 3600_000).toISOString(),
      place: 'Phòng họp số 1',
      participants: [
        { userId: chair.user._id.toHexString(), role: 'chair' },
        { userId: member.user._id.toHexString(), role: 'member' },
        { userId: invitee.user._id.toHexString(), role: 'invitee' },
        { userId: observer.user._id.toHexString(), role: 'observer' },
      ],
    },
  });
  if (res.statusCode !== 201) throw new Error(`meeting: ${res.statusCode} ${res.body}`);
  const meetingId = res.json().id as string;
  const agenda = await app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/agenda`, headers: { cookie: secretary.cookie }, payload: { title: 'Báo cáo kinh tế - xã hội', durationMinutes: 30 } });
  if (agenda.statusCode !== 201) throw new Error(`agenda: ${agenda.statusCode} ${agenda.body}`);
  const itemId = agenda.json().items[0].id as string;
  if (opts.status && opts.status !== 'draft') {
    await app.db.collection('meetings').updateOne({ _id: new ObjectId(meetingId) }, { $set: { status: opts.status } });
  }
  return { meetingId, itemId, secretary, chair, member, invitee, observer, outsider };
}

/** Uploads bytes as a document of an agenda item. */
export function upload(app: FastifyInstance, cookie: string, meetingId: string, itemId: string, bytes: Buffer, filename = 'tai-lieu.pdf') {
  return app.inject({
    method: 'POST',
    url: `/api/meetings/${meetingId}/agenda/${itemId}/documents?filename=${encodeURIComponent(filename)}`,
    headers: { cookie, 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
}

/**
 * The app on a database the caller names, e.g. `other.db.databaseName`: a new app on the name
 * of a closed one sees what it stored, as after a restart. `teardown` drops that database.
 */
export async function buildTestAppOn(dbName: string, overrides: Partial<Config> = {}): Promise<TestApp> {
  const config: Config = { ...loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false' }), serveClient: false, ...overrides };
  const app = (await buildApp({ config, mongoUri: inject('mongoUri'), dbName })) as TestApp;
  app.teardown = async () => {
    await app.db.dropDatabase().catch(() => {});
    await app.close();
  };
  return app;
}
