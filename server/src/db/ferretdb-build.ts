import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Per-machine cache, outside any clone, so fresh clones and CI reuse one build. */
export const CACHE_BIN_DIR = path.join(os.homedir(), '.cache', 'e-cabinet', 'bin');
export const FERRETDB_CACHED = path.join(CACHE_BIN_DIR, 'ferretdb');

const MODULE = 'github.com/FerretDB/FerretDB';
/** Tried in order; the issue asks for v1.24.2 first, then the older Go toolchain, then v1.24.0. */
const ATTEMPTS: { version: string; toolchain?: string }[] = [
  { version: 'v1.24.2' },
  { version: 'v1.24.2', toolchain: 'go1.24.3' },
  { version: 'v1.24.0' },
];

export type Log = (line: string) => void;

function which(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, cmd);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

export function findOnPath(cmd: string): string | null {
  return which(cmd);
}

/** A `ferretdb` on PATH or in the cache, without building anything. */
export function findFerretDb(): string | null {
  const onPath = which('ferretdb');
  if (onPath) return onPath;
  return fs.existsSync(FERRETDB_CACHED) ? FERRETDB_CACHED : null;
}

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; log: Log }): Promise<{ code: number; tail: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const onData = (buf: Buffer) => {
      for (const line of buf.toString().split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 40) tail.shift();
        opts.log(`  ${line}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, tail: tail.join('\n') }));
  });
}

/**
 * Builds FerretDB into the per-machine cache when Go is present and no binary exists yet.
 *
 * Not a plain `go install …@v1.24.2`: on these machines the module proxy refuses `@v/list`, and a
 * binary built that way panics at start because `build/version/version.txt` (written by FerretDB's
 * Taskfile) is missing. So this downloads the exact module version, writes that file and builds.
 * Returns the binary path, or null with the reasons logged when no attempt succeeds.
 */
export async function ensureFerretDb(log: Log): Promise<string | null> {
  const existing = findFerretDb();
  if (existing) return existing;
  const go = which('go');
  if (!go) {
    log('FerretDB: Go is not installed, so FerretDB cannot be built here.');
    return null;
  }
  fs.mkdirSync(CACHE_BIN_DIR, { recursive: true });
  const lockDir = path.join(CACHE_BIN_DIR, '.ferretdb-build.lock');
  await acquireLock(lockDir, log);
  try {
    if (fs.existsSync(FERRETDB_CACHED)) return FERRETDB_CACHED;
    const errors: string[] = [];
    for (const attempt of ATTEMPTS) {
      const label = `${MODULE}@${attempt.version}${attempt.toolchain ? ` with GOTOOLCHAIN=${attempt.toolchain}` : ''}`;
      log(`FerretDB: building ${label} into ${CACHE_BIN_DIR} (first time on this machine, takes a few minutes)…`);
      const result = await buildFromSource(go, attempt.version, attempt.toolchain, log);
      if (result.ok) {
        log(`FerretDB: built ${FERRETDB_CACHED}`);
        return FERRETDB_CACHED;
      }
      errors.push(`${label}: ${result.error}`);
      log(`FerretDB: ${label} failed: ${result.error}`);
    }
    log(`FerretDB: no build succeeded:\n${errors.join('\n')}`);
    return null;
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

async function buildFromSource(go: string, version: string, toolchain: string | undefined, log: Log): Promise<{ ok: true } | { ok: false; error: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, GOFLAGS: '-mod=mod', ...(toolchain ? { GOTOOLCHAIN: toolchain } : {}) };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ecab-ferretdb-'));
  try {
    // `go mod download` needs no module of our own and fetches the exact version, no listing.
    log('FerretDB: downloading the module source…');
    let dir: string;
    try {
      const out = execFileSync(go, ['mod', 'download', '-json', `${MODULE}@${version}`], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
      dir = (JSON.parse(out.toString()) as { Dir?: string }).Dir ?? '';
      if (!dir) return { ok: false, error: 'go mod download returned no directory' };
    } catch (err) {
      const e = err as { stdout?: Buffer; stderr?: Buffer; message: string };
      return { ok: false, error: (e.stdout?.toString() || e.stderr?.toString() || e.message).trim().slice(-2000) };
    }
    const src = path.join(work, 'src');
    fs.cpSync(dir, src, { recursive: true });
    execFileSync('chmod', ['-R', 'u+w', src]);
    fs.writeFileSync(path.join(src, 'build', 'version', 'version.txt'), `${version}\n`);
    log('FerretDB: compiling (each package is listed as it builds)…');
    const tmpOut = path.join(CACHE_BIN_DIR, `ferretdb.tmp-${process.pid}`);
    const built = await run(go, ['build', '-v', '-o', tmpOut, './cmd/ferretdb'], { cwd: src, env, log });
    if (built.code !== 0) return { ok: false, error: built.tail.slice(-2000) };
    fs.renameSync(tmpOut, FERRETDB_CACHED);
    return { ok: true };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** mkdir is atomic, so two processes starting at once do not both build. Stale locks expire. */
async function acquireLock(lockDir: string, log: Log): Promise<void> {
  let warned = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return;
    } catch {
      let pid: number;
      try {
        pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8').trim());
      } catch {
        // the other process has made the directory but not yet written its pid
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      if (!pid || !isAlive(pid)) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!warned) log(`FerretDB: another process (pid ${pid}) is building it; waiting…`);
      warned = true;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
