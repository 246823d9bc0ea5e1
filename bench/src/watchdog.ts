import { spawn } from 'node:child_process';

/**
 * Runs in its own process: once the bench is gone, SIGTERM the server's process group, SIGKILL it
 * 10 s later, delete the data directory. Exits as soon as the server's group is gone.
 */
const WATCHDOG = `
const [bench, group] = process.argv.slice(1, 3).map(Number);
const dir = process.argv[3];
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const signal = (sig) => { try { process.kill(-group, sig); } catch {} };
const timer = setInterval(() => {
  if (!alive(-group)) process.exit(0);
  if (alive(bench)) return;
  clearInterval(timer);
  signal('SIGTERM');
  setTimeout(() => {
    signal('SIGKILL');
    require('node:fs').rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }, 10000);
}, 500);
`;

/**
 * A bench killed outright (tsx SIGKILLs its child when Ctrl-C is not acknowledged within 60 ms,
 * easily missed under full load) runs no exit handler, and the server, in its own process group,
 * would keep the port, the database and .data/bench-<pid>. This outside process cleans up then.
 */
export function startWatchdog(groupPid: number, dataDir: string): void {
  const child = spawn(process.execPath, ['-e', WATCHDOG, String(process.pid), String(groupPid), dataDir], { detached: true, stdio: 'ignore' });
  child.unref();
}
