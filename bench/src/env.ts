/**
 * A positive integer setting from the environment, e.g. BENCH_ANNOTATION_VIEWERS=10 for a quick
 * run; `fallback` when unset or empty. Anything else throws rather than running a bench that
 * silently measures something other than what was asked.
 */
export function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name}: expected a whole number above 0, got "${raw}"`);
  return value;
}
