import fs from 'node:fs';

/** Linux reports CPU times in clock ticks of 1/USER_HZ s; USER_HZ is 100 on every mainstream kernel. */
const TICKS_PER_SECOND = 100;

/** Fields after the `(comm)` of /proc/<pid>/stat; comm may hold spaces and parentheses. */
function statFields(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** Every live process's parent, read from /proc. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields) map.set(Number(entry), Number(fields[1]));
  }
  return map;
}

/** Descendants of `root` (not `root` itself), each with its depth below it, parents first. */
export function descendants(root: number): { pid: number; depth: number; cmdline: string }[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: { pid: number; depth: number; cmdline: string }[] = [];
  const queue = [{ pid: root, depth: 0 }];
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const pid of children.get(next.pid) ?? []) {
      out.push({ pid, depth: next.depth + 1, cmdline: cmdline(pid) });
      queue.push({ pid, depth: next.depth + 1 });
    }
  }
  return out;
}

/** Resident set size in KB (VmRSS of /proc/<pid>/status). */
export function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]);
}

/** User + system CPU time the process has used, in ms; 0 once it has gone. */
export function cpuMs(pid: number): number {
  const fields = statFields(pid);
  // utime and stime are fields 14 and 15 of stat, 11 and 12 after the comm.
  if (!fields) return 0;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** CPU used over an interval, in % of one core (200 = both cores of a 2-core machine). */
export interface CpuPercent {
  server: number;
  /** null when the database is not a child of the server (MONGODB_URI). */
  database: number | null;
  bench: number;
}

/** Starts measuring; the returned function gives the CPU used since. */
export function cpuMeter(serverPid: number, databasePids: number[]): () => CpuPercent {
  const started = performance.now();
  const bench0 = process.cpuUsage();
  const server0 = cpuMs(serverPid);
  const db0 = databasePids.map(cpuMs);
  return () => {
    const wallMs = performance.now() - started;
    const pct = (usedMs: number) => Math.round((usedMs / wallMs) * 100);
    const bench = process.cpuUsage(bench0);
    const dbUsed = databasePids.reduce((sum, pid, i) => sum + cpuMs(pid) - db0[i]!, 0);
    return {
      server: pct(cpuMs(serverPid) - server0),
      database: databasePids.length ? pct(dbUsed) : null,
      bench: pct((bench.user + bench.system) / 1000),
    };
  };
}

/** The database processes the server started (FerretDB or mongod), if any. */
export function databasePids(serverPid: number): number[] {
  return descendants(serverPid)
    .filter((p) => /\b(ferretdb|mongod)\b/.test(p.cmdline.split(' ')[0] ?? ''))
    .map((p) => p.pid);
}
