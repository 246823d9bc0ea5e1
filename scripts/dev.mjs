// `pnpm dev`: the server (restarting on change) and Vite's dev server with hot reload.
// Open http://localhost:5173; API and sockets are proxied to the server on :3000.
import { spawn } from 'node:child_process';
import { ensureDependencies, run, ROOT } from './lib.mjs';

await ensureDependencies();
await run('node', ['scripts/setup.mjs', '--db']);
const children = [
  spawn('pnpm', ['exec', 'tsx', 'watch', 'server/src/server.ts'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, SERVE_CLIENT: 'false' } }),
  spawn('pnpm', ['--filter', '@e-cabinet/client', 'dev'], { cwd: ROOT, stdio: 'inherit' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => { stop(); process.exitCode = code ?? 1; });
