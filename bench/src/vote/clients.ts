import { fork, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { REPO_ROOT } from '../server.ts';
import type { FromClients, ToClients } from './messages.ts';

type Kind = FromClients['t'];
type Message<K extends Kind> = Extract<FromClients, { t: K }>;

const CLIENT_SCRIPT = path.join(import.meta.dirname, 'client-process.ts');
const BARE_SCRIPT = path.join(import.meta.dirname, 'bare-broadcast-server.ts');
const READY_TIMEOUT_MS = 60_000;

/**
 * One forked client process (its own Node, its own event loop, never the server's). Messages it
 * sends are queued by kind until `expect` takes them, so none is missed for arriving early. A
 * failure it reports, or its exit, rejects whatever is awaited.
 */
class ClientProcess {
  private readonly arrived = new Map<Kind, FromClients[]>();
  private readonly waiting = new Map<Kind, { resolve: (m: FromClients) => void; reject: (e: Error) => void }>();
  private failure: Error | null = null;
  private stopping = false;
  private readonly exited: Promise<void>;

  constructor(
    private readonly child: ChildProcess,
    readonly index: number,
    log: (line: string) => void,
  ) {
    readline.createInterface({ input: child.stdout! }).on('line', (l) => log(`clients${index}| ${l}`));
    readline.createInterface({ input: child.stderr! }).on('line', (l) => log(`clients${index}| ${l}`));
    child.on('message', (m: FromClients) => {
      if (m.t === 'failed') return this.fail(new Error(`client process ${index}: ${m.error}`));
      const waiter = this.waiting.get(m.t);
      if (waiter) {
        this.waiting.delete(m.t);
        waiter.resolve(m);
      } else {
        this.arrived.set(m.t, [...(this.arrived.get(m.t) ?? []), m]);
      }
    });
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        if (!this.stopping) this.fail(new Error(`client process ${index} exited (${signal ?? `code ${code}`})`));
        resolve();
      }),
    );
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }

  send(msg: ToClients): void {
    this.child.send(msg);
  }

  expect<K extends Kind>(kind: K, timeoutMs: number, what: string): Promise<Message<K>> {
    if (this.failure) return Promise.reject(this.failure);
    const queued = this.arrived.get(kind)?.shift();
    if (queued) return Promise.resolve(queued as Message<K>);
    if (this.waiting.has(kind)) return Promise.reject(new Error(`already waiting for ${kind}`));
    return new Promise<Message<K>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(kind);
        reject(new Error(`client process ${this.index}: no ${what} after ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      this.waiting.set(kind, {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Message<K>);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.child.connected) this.child.disconnect();
    await this.exited;
  }
}

export interface ClientPool {
  processes: ClientProcess[];
  /** Sends one message to each process (`messages[i]` to process i) and waits for `kind` from all. */
  all<K extends Kind>(messages: (ToClients | null)[], kind: K, timeoutMs: number, what: string): Promise<Message<K>[]>;
  stop(): Promise<void>;
}

/** Forks `count` client processes (TypeScript through tsx, as the server runs). */
export function startClients(count: number, log: (line: string) => void): ClientPool {
  const processes = Array.from(
    { length: count },
    (_, i) => new ClientProcess(fork(CLIENT_SCRIPT, [], { cwd: REPO_ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] }), i, log),
  );
  return {
    processes,
    async all(messages, kind, timeoutMs, what) {
      const waits = processes.map((p) => p.expect(kind, timeoutMs, what));
      processes.forEach((p, i) => {
        const msg = messages[i];
        if (msg) p.send(msg);
      });
      return Promise.all(waits);
    },
    async stop() {
      await Promise.all(processes.map((p) => p.stop()));
    },
  };
}

export interface BareBroadcastServer {
  /** ws://127.0.0.1:<port>; the trigger connects to `${url}/trigger`. */
  url: string;
  stop(): Promise<void>;
}

/** Starts `bare-broadcast-server.ts` in its own process and waits for its "ready <port>". */
export async function startBareBroadcast(log: (line: string) => void): Promise<BareBroadcastServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', BARE_SCRIPT], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  readline.createInterface({ input: child.stderr }).on('line', (l) => log(`bare| ${l}`));
  let timer: NodeJS.Timeout | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the bare ws server was not ready after ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    child.once('exit', (code, signal) => reject(new Error(`the bare ws server exited (${signal ?? `code ${code}`}) before it was ready`)));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^ready (\d+)$/.exec(line);
      if (match) resolve(Number(match[1]));
      else log(`bare| ${line}`);
    });
  })
    .catch((err: unknown) => {
      child.kill('SIGKILL');
      throw err;
    })
    .finally(() => clearTimeout(timer));
  return {
    url: `ws://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
