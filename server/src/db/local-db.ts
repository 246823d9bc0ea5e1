import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { ensureFerretDb, findOnPath, isAlive, type Log } from './ferretdb-build.ts';

export type LocalDbKind = 'uri' | 'mongod' | 'ferretdb' | 'mongodb-memory-server';

export interface LocalDb {
  uri: string;
  kind: LocalDbKind;
  /** One line for the start-up log: which server, where its data lives. */
  description: string;
  stop(): Promise<void>;
}

export interface LocalDbOptions {
  /** `MONGODB_URI` when set; it wins over everything else. */
  uri?: string | null;
  /** Data lives under this directory (`.data/<name>`). */
  dataDir: string;
  /** Sub-directory of `dataDir`, so the app and the tests keep separate data. */
  name: string;
  /** Start from empty data (tests). */
  fresh?: boolean;
  log: Log;
}

/**
 * Finds or starts a MongoDB-compatible server, in the order ARCHITECTURE.md gives:
 * `MONGODB_URI`, a `mongod` on PATH, `ferretdb` (built once per machine when Go is present),
 * then mongodb-memory-server. Never a mock.
 */
export async function startLocalDb(opts: LocalDbOptions): Promise<LocalDb> {
  if (opts.uri) {
    return { uri: opts.uri, kind: 'uri', description: `MongoDB at MONGODB_URI (${redact(opts.uri)})`, stop: async () => {} };
  }
  const dir = path.join(opts.dataDir, opts.name);
  if (opts.fresh) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });

  const mongod = findOnPath('mongod');
  if (mongod) {
    const dbPath = path.join(dir, 'mongod');
    fs.mkdirSync(dbPath, { recursive: true });
    return startChild('mongod', mongod, (port) => ['--dbpath', dbPath, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet'], dir, opts.log, `mongod (${mongod}), data in ${dbPath}`);
  }

  const ferretdb = await ensureFerretDb(opts.log);
  if (ferretdb) {
    const sqliteDir = path.join(dir, 'ferretdb');
    fs.mkdirSync(sqliteDir, { recursive: true });
    return startChild(
      'ferretdb',
      ferretdb,
      (port) => [
        '--handler=sqlite',
        `--sqlite-url=file:${sqliteDir}/`,
        `--listen-addr=127.0.0.1:${port}`,
        '--telemetry=disable',
        // Its debug HTTP server defaults to :8088 and would collide between instances.
        '--debug-addr=127.0.0.1:0',
        `--state-dir=${sqliteDir}`,
        '--log-level=warn',
      ],
      dir,
      opts.log,
      `FerretDB (${ferretdb}) with SQLite in ${sqliteDir}`,
    );
  }

  opts.log('Neither mongod nor FerretDB is available; trying mongodb-memory-server (downloads mongod, needs the internet).');
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const server = await MongoMemoryServer.create({ instance: { dbPath: path.join(dir, 'memory-server'), storageEngine: 'wiredTiger' } });
  return {
    uri: server.getUri(),
    kind: 'mongodb-memory-server',
    description: `mongodb-memory-server at ${server.getUri()}`,
    stop: async () => {
      await server.stop();
    },
  };
}

async function startChild(kind: LocalDbKind, bin: string, args: (port: number) => string[], dir: string, log: Log, description: string): Promise<LocalDb> {
  // A server left running by a killed parent would hold the data files; stop it first.
  const pidFile = path.join(dir, `${kind}.pid`);
  killStale(pidFile);
  const port = await freePort();
  const child = spawn(bin, args(port), { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  fs.writeFileSync(pidFile, String(child.pid));
  const output: string[] = [];
  const keep = (buf: Buffer) => {
    output.push(buf.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const uri = `mongodb://127.0.0.1:${port}/`;
  try {
    await waitReady(uri, child);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${kind} did not start: ${(err as Error).message}\n${output.join('').slice(-3000)}`, { cause: err });
  }
  log(`Database: ${description}, listening on 127.0.0.1:${port}`);
  return {
    uri,
    kind,
    description,
    stop: () => stopChild(child, pidFile),
  };
}

function killStale(pidFile: string) {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
  } catch {
    // no stale server
  }
}

function stopChild(child: ChildProcess, pidFile: string): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      fs.rmSync(pidFile, { force: true });
      resolve();
    };
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

async function waitReady(uri: string, child: ChildProcess): Promise<void> {
  let exited: string | null = null;
  child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? code}`;
  });
  const deadline = Date.now() + 30_000;
  let lastError = '';
  while (Date.now() < deadline) {
    if (exited) throw new Error(exited);
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, connectTimeoutMS: 500 });
    try {
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (err) {
      lastError = (err as Error).message;
    } finally {
      await client.close().catch(() => {});
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not reachable after 30 s: ${lastError}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function redact(uri: string): string {
  return uri.replace(/\/\/([^@/]+)@/, '//***@');
}
