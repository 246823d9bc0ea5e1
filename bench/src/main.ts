import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchCase, CaseResult, Prepared } from './case.ts';
import { cpuMeter, databasePids, type CpuPercent } from './proc.ts';
import { loadCases } from './registry.ts';
import { renderCase, renderMachine, type Machine } from './report.ts';
import { startServer, type RunningServer } from './server.ts';

const USAGE = `Usage: pnpm bench [--case <name>[,<name>…]] [--duration <seconds>] [--json] [--out <file>] [--verbose]
  --case      run only these cases (repeatable); default: all
  --duration  length of each measured load phase, default 5
  --json      print only one JSON object on stdout: { machine, cases }
  --out       also write that JSON object to a file
  --verbose   pass all server output through to stderr
Environment: BENCH_ANNOTATION_VIEWERS, BENCH_ANNOTATION_STROKES and BENCH_ANNOTATION_INTERVAL_MS
  resize the annotation case (defaults 100, 200 and 20) for a quick run; BENCH_ANNOTATION_THREADS
  sets how many worker threads hold its viewers (default: one per core) and BENCH_ANNOTATION_REPEATS
  how many turns each server gets (default 4); BENCH_ANNOTATION_VIEWER=yjs gives every viewer a Yjs doc
  (default: viewers take updates on the wire, see bench/src/viewer-worker.ts)
  VOTE_N (e.g. 100, or 200,400: one round per size; default 500,1000) and VOTE_CLIENT_PROCESSES
  (default 2) resize the vote case`;

type CaseOutcome = (CaseResult & { cpuPercent: CpuPercent }) | { error: string };

interface Options {
  cases: BenchCase[];
  durationMs: number;
  json: boolean;
  out: string | undefined;
  verbose: boolean;
}

const log = (line: string) => void process.stderr.write(`${line}\n`);

/** The message with its causes: undici's "fetch failed" says why only in `cause`. */
function describe(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err; e instanceof Error && parts.length < 4; e = e.cause) parts.push(e.message);
  return parts.length ? parts.join(': ') : String(err);
}

/** Parses the command line; a number is the exit code to stop with (usage error or --help). */
async function parseCli(argv: string[]): Promise<Options | number> {
  let values;
  try {
    // pnpm may pass a literal "--" before the script's own arguments.
    const args = argv[0] === '--' ? argv.slice(1) : argv;
    values = parseArgs({
      args,
      options: {
        case: { type: 'string', multiple: true },
        duration: { type: 'string', default: '5' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (err) {
    log(`${describe(err)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    log(USAGE);
    return 0;
  }
  const durationMs = Number(values.duration) * 1000;
  if (!(durationMs > 0)) {
    log(`--duration: expected a number of seconds above 0, got "${values.duration}"`);
    return 2;
  }
  const all = await loadCases();
  const wanted = values.case?.flatMap((c) => c.split(',')).map((c) => c.trim()).filter(Boolean);
  const unknown = wanted?.filter((name) => !all.some((c) => c.name === name)) ?? [];
  if (unknown.length) {
    log(`Unknown case ${unknown.join(', ')}. Cases: ${all.map((c) => c.name).join(', ')}`);
    return 2;
  }
  const cases = wanted ? all.filter((c) => wanted.includes(c.name)) : all;
  return { cases, durationMs, json: values.json, out: values.out, verbose: values.verbose };
}

async function main(): Promise<number> {
  const opts = await parseCli(process.argv.slice(2));
  if (typeof opts === 'number') return opts;

  // Ctrl-C reaches only the bench (the server has its own process group): stop the server first.
  let server: RunningServer | undefined;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the server`);
      void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
    });
  }

  // Taken before any server starts, so it shows what else the machine is doing.
  const loadAverage = Math.round(os.loadavg()[0]! * 100) / 100;
  let machine: Machine | undefined;
  const cases: Record<string, CaseOutcome> = {};
  let failed = false;
  for (const c of opts.cases) {
    // A fresh server and database per case: no case inherits another's sessions, garbage or
    // heap, so each figure means the same whatever else was selected.
    let prepared: Prepared | undefined;
    try {
      prepared = await c.prepare?.(log);
      log(`▶ ${c.name}: starting the server`);
      server = await startServer({ log, verbose: opts.verbose, env: prepared?.env });
    } catch (err) {
      await prepared?.dispose();
      log(`The server did not start: ${describe(err)}`);
      return 1;
    }
    if (!machine) {
      machine = { cores: os.cpus().length, node: process.version, db: server.db, loadAverage };
      if (!opts.json) process.stdout.write(`${renderMachine(machine)}\n`);
    }
    log(`▶ ${c.name}: ${c.description}`);
    const cpu = cpuMeter(server.pid, databasePids(server.pid));
    try {
      const ctx = { baseUrl: server.baseUrl, serverPid: server.pid, durationMs: opts.durationMs, warmupMs: Math.min(1000, opts.durationMs / 5), log };
      const result = await c.run(ctx);
      const cpuPercent = cpu();
      cases[c.name] = { ...result, cpuPercent };
      if (!opts.json) process.stdout.write(`${renderCase(c.name, c.description, result, cpuPercent)}\n`);
    } catch (err) {
      failed = true;
      cases[c.name] = { error: describe(err) };
      log(`✖ ${c.name} failed: ${(err as Error).stack ?? String(err)}`);
      if (!opts.json) process.stdout.write(`== ${c.name}: FAILED: ${describe(err)}\n\n`);
    }
    const { exitCode, shutdownMs, exitedEarly } = await server.stop();
    await prepared?.dispose();
    if (exitedEarly) {
      failed = true;
      log(`✖ The server exited by itself during ${c.name} (exit code ${exitCode}).`);
    } else {
      log(`  server stopped (exit code ${exitCode}) in ${Math.round(shutdownMs)} ms`);
    }
  }

  const json = JSON.stringify({ machine, cases }, null, 2);
  if (opts.json) process.stdout.write(`${json}\n`);
  if (opts.out) {
    // pnpm runs the script in bench/; resolve the path from where the user typed the command.
    const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), opts.out);
    fs.writeFileSync(file, `${json}\n`);
    log(`Wrote ${file}`);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(`bench: ${(err as Error).stack ?? String(err)}`);
    process.exit(1);
  },
);
