// Helpers for the project's own scripts. Plain Node (no dependencies), so they run on a fresh
// clone before `pnpm install`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function log(message) {
  console.log(`\x1b[36m[e-cabinet]\x1b[0m ${message}`);
}

export function which(cmd) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, cmd), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Runs a command with inherited output; rejects with its exit code. */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
    child.on('error', reject);
    child.on('close', (code, signal) => (code === 0 ? resolve() : reject(Object.assign(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? code})`), { exitCode: code ?? 1 }))));
  });
}

/** `pnpm install` when dependencies are missing or older than the lockfile. */
export async function ensureDependencies() {
  const marker = path.join(ROOT, 'node_modules', '.modules.yaml');
  const lock = path.join(ROOT, 'pnpm-lock.yaml');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  if (!which('pnpm')) {
    log('pnpm is missing; installing pnpm@10.34.8 with npm…');
    await run('npm', ['install', '-g', 'pnpm@10.34.8']);
  }
  log('Installing dependencies (pnpm install)…');
  await run('pnpm', ['install', '--frozen-lockfile']);
}

/** Installs Debian packages with apt-get when a command they provide is missing. */
export async function ensureApt(packages, reason) {
  const missing = packages.filter((p) => spawnSync('dpkg', ['-s', p.pkg], { stdio: 'ignore' }).status !== 0 && !(p.cmd && which(p.cmd)));
  if (!missing.length) return;
  const names = missing.map((p) => p.pkg);
  if (!which('apt-get')) throw new Error(`Missing ${names.join(', ')} (${reason}); install them with your package manager.`);
  if (process.getuid && process.getuid() !== 0) {
    throw new Error(`Missing ${names.join(', ')} (${reason}). Run: sudo apt-get install -y ${names.join(' ')}`);
  }
  log(`Installing ${names.join(', ')} from Debian (${reason})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env });
  await run('apt-get', ['install', '-y', '--no-install-recommends', ...names], { env });
}
