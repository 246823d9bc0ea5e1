// Starts the E-Cabinet server for the browser tests, on an empty database with the demo data:
// removes `.data/e2e` (`.data/e2e-<port>` on another E2E_PORT), then runs `server/src/server.ts` with tsx from the repository root.
// Playwright's `webServer` runs this and stops it with SIGTERM when the suite ends.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.E2E_PORT ?? '3100';
// Runs on other ports (E2E_PORT) get their own folder, so parallel runs never delete each other's database.
const dataDir = port === '3100' ? '.data/e2e' : `.data/e2e-${port}`;
const absDataDir = path.join(repoRoot, dataDir);

// A database server left behind by a killed run would keep its (deleted) files open: stop it.
const appDir = path.join(absDataDir, 'app');
for (const name of fs.existsSync(appDir) ? fs.readdirSync(appDir) : []) {
  if (!name.endsWith('.pid')) continue;
  const pid = Number(fs.readFileSync(path.join(appDir, name), 'utf8'));
  try {
    if (pid > 0) process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
fs.rmSync(absDataDir, { recursive: true, force: true });

// Without a built client the server only answers the API, and every test would fail on a blank page.
const clientDist = process.env.CLIENT_DIST ?? 'client/dist';
if (!fs.existsSync(path.resolve(repoRoot, clientDist, 'index.html'))) {
  console.error(`${clientDist} has no index.html: build the client first (pnpm --filter @e-cabinet/client build).`);
  process.exit(1);
}

// `node --import tsx` rather than `pnpm exec tsx`: same server, but no pnpm and tsx processes in
// between that relay the stop signal a second time (the server exits at once on a second one,
// skipping its graceful close).
const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: port,
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    SERVE_CLIENT: 'true',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    // Every test signs in several times; the production limit would throttle the suite.
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
  },
});

// Playwright (and Ctrl-C in a terminal) signal the whole process group, so the server already
// has the signal and is closing gracefully; a second one would make it exit at once. Only if it
// is still running later was this script signalled alone.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    setTimeout(() => child.kill(signal), 10_000).unref();
  });
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
