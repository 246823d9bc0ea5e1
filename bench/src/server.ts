import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { descendants } from './proc.ts';
import { startWatchdog } from './watchdog.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningServer {
  baseUrl: string;
  /** The Node process that runs server.ts (below pnpm and the tsx launcher): measure this one. */
  pid: number;
  /** What the server printed after "Database:". */
  db: string;
  /** SIGTERM, wait for a graceful exit (SIGKILL after 30 s), then delete the data directory. */
  stop(): Promise<StopResult>;
}

export interface StopResult {
  exitCode: number | null;
  shutdownMs: number;
  /** It had already exited before it was asked to stop: it crashed during the run. */
  exitedEarly: boolean;
}

export interface StartOptions {
  /** Where server output goes (stderr): its warnings and errors always, all of it when verbose. */
  log: (line: string) => void;
  verbose: boolean;
  readyTimeoutMs?: number;
  /** Added to (and overriding) the environment below, e.g. a case's connector settings. */
  env?: Record<string, string>;
}

const SERVER_SCRIPT = 'server/src/server.ts';
const STOP_TIMEOUT_MS = 30_000;

/**
 * Starts the app in its own process, exactly as `pnpm start` would but on a free port with its
 * own data directory and demo data, and waits until /readyz answers 200.
 */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = path.join(REPO_ROOT, '.data', `bench-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    SERVE_CLIENT: 'false',
    LOG_LEVEL: 'warn',
    // The highest values config.ts accepts; every bench login succeeds, so neither ever bites.
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_MAX_ATTEMPTS: '100',
    ...opts.env,
  };
  // Its own process group, so Ctrl-C reaches only the bench, which then stops the server cleanly,
  // and a last-resort SIGKILL of the group also takes the database with it.
  const child = spawn('pnpm', ['exec', 'tsx', SERVER_SCRIPT], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const group = child.pid;
  if (group === undefined) throw new Error('Could not run pnpm to start the server (is it on PATH?).');
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const killGroup = () => {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  // If the bench dies some other way, do not leave a server and its database running.
  const onExit = () => {
    if (child.exitCode === null && child.signalCode === null) killGroup();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  startWatchdog(group, dataDir);

  const tail: string[] = [];
  let db = process.env.MONGODB_URI ? 'MongoDB at MONGODB_URI' : 'unknown (the server printed no "Database:" line)';
  const onLine = (line: string, fromStderr: boolean) => {
    tail.push(line);
    if (tail.length > 80) tail.shift();
    if (line.startsWith('Database: ')) db = line.slice('Database: '.length);
    // Pino writes JSON lines to stdout; at LOG_LEVEL=warn every one of them matters.
    if (opts.verbose || fromStderr || line.startsWith('{')) opts.log(`server| ${line}`);
  };
  readline.createInterface({ input: child.stdout! }).on('line', (l) => onLine(l, false));
  readline.createInterface({ input: child.stderr! }).on('line', (l) => onLine(l, true));

  const baseUrl = `http://127.0.0.1:${port}`;
  const cleanUp = () => {
    process.removeListener('exit', onExit);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  let pid: number;
  try {
    await waitReady(baseUrl, child, opts.readyTimeoutMs ?? 300_000);
    pid = serverPid(group);
  } catch (err) {
    killGroup();
    await Promise.race([exited, sleep(5000)]);
    cleanUp();
    throw new Error(`${(err as Error).message}\n--- last server output ---\n${tail.join('\n')}`, { cause: err });
  }

  // Idempotent: a second SIGTERM would make close-with-grace exit without closing anything.
  let stopped: Promise<StopResult> | undefined;
  return {
    baseUrl,
    pid,
    db,
    stop() {
      stopped ??= stopOnce();
      return stopped;
    },
  };

  async function stopOnce(): Promise<StopResult> {
    const started = performance.now();
    let exitedEarly = child.exitCode !== null || child.signalCode !== null;
    if (!exitedEarly) {
      try {
        // Only the server itself: a second SIGTERM (from tsx relaying one sent to the group)
        // makes close-with-grace exit at once, without closing the database.
        process.kill(pid, 'SIGTERM');
      } catch {
        exitedEarly = true; // gone, and its launchers are about to follow
      }
      const timer = setTimeout(killGroup, STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    // A server that exits without closing (close-with-grace's 10 s limit) leaves its database
    // running in the group; nothing else is in it.
    killGroup();
    cleanUp();
    return { exitCode: child.exitCode, shutdownMs: performance.now() - started, exitedEarly };
  }
}

async function waitReady(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let last = 'no answer yet';
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited (${child.signalCode ?? `code ${child.exitCode}`}) before it was ready.`);
    }
    try {
      const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(200);
  }
  throw new Error(`The server was not ready after ${Math.round(timeoutMs / 1000)} s (last /readyz: ${last}).`);
}

/** pnpm starts tsx's launcher, which starts the Node process that runs server.ts: the deepest one. */
function serverPid(launcherPid: number): number {
  const candidates = descendants(launcherPid).filter((p) => p.cmdline.includes(SERVER_SCRIPT));
  const deepest = candidates.sort((a, b) => b.depth - a.depth)[0];
  if (!deepest) throw new Error(`No process running ${SERVER_SCRIPT} below pid ${launcherPid}.`);
  return deepest.pid;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
