import type { Summary } from './stats.ts';

/** What every case gets from the harness. */
export interface CaseContext {
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** The server's Node process, for /proc readings (RSS, CPU). */
  serverPid: number;
  /** How long each measured load phase runs (`--duration`, default 5 s). */
  durationMs: number;
  /** Load run before each measured phase and thrown away (JIT, connection pools, caches). */
  warmupMs: number;
  /** Progress for the operator; goes to stderr so `--json` output stays clean. */
  log: (line: string) => void;
}

/** One measured operation: how many, how fast, and the latency distribution in ms. */
export interface Measurement {
  count: number;
  seconds: number;
  perSecond: number;
  latencyMs: Summary;
}

export interface CaseResult {
  /** Keyed by a readable label, e.g. "GET /api/units c=64"; shown as table rows in this order. */
  measurements: Record<string, Measurement>;
  /** Single figures that are not latencies; put the unit in the key (rssAfterKb, kbPerSocket). */
  values?: Record<string, number>;
}

export interface BenchCase {
  /** What `--case` selects and the key under `cases` in the JSON output. */
  name: string;
  description: string;
  /** Throws when anything fails: a benchmark that counts errors as fast answers lies. */
  run(ctx: CaseContext): Promise<CaseResult>;
  /**
   * Runs before the case's server starts: what the case needs outside the app (e.g. a receiver
   * of outbound deliveries) and the settings that point the server at it.
   */
  prepare?(log: (line: string) => void): Promise<Prepared>;
}

export interface Prepared {
  /** Added to the server's environment. */
  env: Record<string, string>;
  /** Runs after the server stopped, whether the case passed or not. */
  dispose(): Promise<void>;
}

/** Each file in cases/ default-exports one of these; the registry finds it there. */
export function defineCase(c: BenchCase): BenchCase {
  return c;
}
