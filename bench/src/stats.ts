import type { Measurement } from './case.ts';
/** A latency distribution in milliseconds. */
export interface Summary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/**
 * Nearest-rank percentile of samples sorted ascending: the smallest sample such that at least
 * `p` % of the samples are less than or equal to it. No interpolation, so the answer is always a
 * value that was measured, and p99 of fewer than 100 samples is the maximum.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of no samples');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be from 0 to 100, got ${p}`);
  // p * n / 100 rather than p / 100 * n: 7 / 100 * 100 is 7.000000000000001 and would round up.
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100 - 1e-9));
  return sorted[rank - 1]!;
}

/** Summarises unsorted samples (milliseconds). Throws on an empty list: a case that measured nothing failed. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    min: percentile(sorted, 0),
    mean: sum / sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: percentile(sorted, 100),
  };
}

/** One measured operation from its samples (ms) over `seconds` of wall time. */
export function measurement(samples: readonly number[], seconds: number): Measurement {
  return { count: samples.length, seconds, perSecond: seconds > 0 ? samples.length / seconds : 0, latencyMs: summarize(samples) };
}

/** Rounded to two decimals, as figures are reported. */
export const round2 = (v: number) => Math.round(v * 100) / 100;
