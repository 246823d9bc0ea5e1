import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { REPO_ROOT } from './server.ts';

export interface BareYjsServer {
  /** ws://127.0.0.1:<port>: y-websocket clients append `/<docName>`. */
  wsUrl: string;
  pid: number;
  stop(): Promise<void>;
}

const SCRIPT = path.join(import.meta.dirname, 'bare-yjs-server.ts');
const READY_TIMEOUT_MS = 60_000;

/**
 * Starts `bare-yjs-server.ts` in its own Node process (TypeScript through tsx, as the app's
 * server runs) and waits for its "ready <port>" line. Its stdin is a pipe from this process, so
 * it exits by itself if the bench dies without stopping it.
 */
export async function startBareYjsServer(log: (line: string) => void): Promise<BareYjsServer> {
  // Neither setting may leak in from the caller's shell: the baseline has no persistence nor callback.
  const { YPERSISTENCE: _p, CALLBACK_URL: _c, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  readline.createInterface({ input: child.stderr }).on('line', (l) => log(`bare| ${l}`));
  let timer: NodeJS.Timeout | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the bare y-websocket server was not ready after ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    child.once('exit', (code, signal) => reject(new Error(`the bare y-websocket server exited (${signal ?? `code ${code}`}) before it was ready`)));
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
    wsUrl: `ws://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
