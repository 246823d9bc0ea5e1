import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import * as Y from 'yjs';
import { docNames } from '@e-cabinet/protocol';
import { buildTestApp, buildTestAppOn, listen, makeMeeting, upload, type TestApp } from '../../test/helper.ts';
import { makePdf } from '../../test/files.ts';
import { clientPool, connectCollab, storedDoc, until } from '../../test/collab-client.ts';

const SERVER_DIR = path.resolve(import.meta.dirname, '../..');
const STROKES = 60;

interface ServerProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<NodeJS.Signals | null>;
}

/** The real server (src/server.ts) in its own process on an existing database. */
async function startServerProcess(dbName: string, dataDir: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      MONGODB_URI: inject('mongoUri'),
      MONGODB_DB: dbName,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      SERVE_CLIENT: 'false',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = /listening at (http:\/\/127\.0\.0\.1:\d+)/i.exec(line);
      if (m) resolve(m[1]!);
    });
    void exited.then(() => reject(new Error(`the server process exited before listening: ${errors}`)));
  });
  return { url, child, exited };
}

const clients = clientPool();
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  clients.destroyAll();
  for (const fn of cleanup.reverse()) await fn();
});

describe('collab across a crash', () => {
  it('loses no stroke when the server is killed with SIGKILL right after relaying it: the writer resends', async () => {
    // Users, meeting and document are made in-process; a separate process then serves that database.
    const setup = await buildTestApp();
    const m = await makeMeeting(setup, { status: 'published' });
    const versionId = (await upload(setup, m.secretary.cookie, m.meetingId, m.itemId, await makePdf(1))).json().current.id as string;
    const dbName = setup.db.databaseName;
    await setup.close();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ecab-crash-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));

    const server = await startServerProcess(dbName, dataDir);
    cleanup.push(async () => {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    });
    const name = docNames.annShared(m.meetingId, versionId);
    // The writer's doc outlives its connection, as y-indexeddb keeps it in the browser.
    const kept = new Y.Doc();
    const writer = connectCollab(server.url, name, m.member.cookie, { doc: kept });
    const reader = connectCollab(server.url, name, m.chair.cookie);
    clients.add(reader);
    await Promise.all([writer.synced, reader.synced]);

    for (let i = 0; i < STROKES; i++) kept.getArray<string>('strokes').push([`nét ${i}`]);
    await until(reader.doc, (d) => d.getArray('strokes').length === STROKES);
    // Killed the moment the last stroke was relayed: some may not have reached the database.
    server.child.kill('SIGKILL');
    expect(await server.exited).toBe('SIGKILL');
    writer.provider.destroy();

    const restarted: TestApp = await buildTestAppOn(dbName);
    cleanup.push(() => restarted.teardown());
    const url = await listen(restarted);
    const back = connectCollab(url, name, m.member.cookie, { doc: kept });
    clients.add(back);
    await back.synced;
    // A reader who joins after the writer is back sees every stroke, and so does the database.
    const late = connectCollab(url, name, m.invitee.cookie);
    clients.add(late);
    await late.synced;
    await until(late.doc, (d) => d.getArray('strokes').length === STROKES);
    const stored = await storedDoc(restarted, name);
    expect(stored.doc.getArray<string>('strokes').toArray()).toEqual(Array.from({ length: STROKES }, (_, i) => `nét ${i}`));
  });
});
