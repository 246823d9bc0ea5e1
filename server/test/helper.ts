import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { io as ioClient, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type CreateUser, type ServerToClientEvents } from '@e-cabinet/protocol';
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
export function once<T = unknown>(emitter: { once(event: string, fn: (arg: T) => void): unknown }, event: string): Promise<T> {
  return new Promise((resolve) => emitter.once(event, resolve));
}
