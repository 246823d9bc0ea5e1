/** Pure bookkeeping of the vote case, kept apart so it can be unit-tested. */

/** The rounds to run: `VOTE_N=100` or `VOTE_N=500,1000`; `fallback` when unset or empty. */
export function roundSizes(raw: string | undefined, fallback: readonly number[]): number[] {
  const text = raw?.trim();
  if (!text) return [...fallback];
  const sizes = text.split(',').map((part) => part.trim());
  if (sizes.some((s) => !/^[1-9]\d*$/.test(s))) throw new RangeError(`VOTE_N: expected whole numbers above 0 separated by commas, got "${raw}"`);
  const numbers = sizes.map(Number);
  if (new Set(numbers).size !== numbers.length) throw new RangeError(`VOTE_N: a round size appears twice in "${raw}"`);
  return numbers;
}

/** Splits `items` into `parts` contiguous slices whose lengths differ by at most one (none empty). */
export function splitEvenly<T>(items: readonly T[], parts: number): T[][] {
  if (!(Number.isInteger(parts) && parts > 0)) throw new RangeError(`parts must be a whole number above 0, got ${parts}`);
  const n = Math.min(parts, items.length);
  const out: T[][] = [];
  let start = 0;
  for (let i = 0; i < n; i++) {
    const size = Math.floor(items.length / n) + (i < items.length % n ? 1 : 0);
    out.push(items.slice(start, start + size));
    start += size;
  }
  return out;
}

/**
 * Processes on one machine can disagree by a fraction of a millisecond (each takes its own
 * `timeOrigin`); an arrival further before its trigger than this is a bookkeeping bug.
 */
const CLOCK_TOLERANCE_MS = 2;

/** Milliseconds from `from` to each arrival (all wall-clock ms); a small negative skew reads as 0. */
export function elapsedSince(from: number, arrivals: readonly number[]): number[] {
  return arrivals.map((at) => {
    const ms = at - from;
    if (ms < -CLOCK_TOLERANCE_MS) throw new Error(`an arrival ${(-ms).toFixed(2)} ms before its trigger: the clocks disagree`);
    return Math.max(0, ms);
  });
}

/** Server memory each delegate costs, in KB to one decimal. */
export function kbPerDelegate(rssBeforeKb: number, rssAfterKb: number, delegates: number): number {
  if (!(delegates > 0)) throw new RangeError(`need at least one delegate, got ${delegates}`);
  return Math.round(((rssAfterKb - rssBeforeKb) / delegates) * 10) / 10;
}

/**
 * How a `poll:result` event reaches socket.io-client's decoder: engine.io has already taken off
 * its "4" (message); socket.io's "2" (event) in the main namespace, then the JSON [name, payload].
 */
export const RESULT_FRAME_PREFIX = '2["poll:result",';

/** The payload of a `poll:result` frame, re-serialised as a plain JSON message would carry it. */
export function resultPayloadJson(frame: string): string {
  if (!frame.startsWith(RESULT_FRAME_PREFIX)) throw new Error(`not a poll:result frame: ${frame.slice(0, 40)}`);
  const decoded = JSON.parse(frame.slice(1)) as unknown;
  if (!Array.isArray(decoded) || decoded.length !== 2) throw new Error('a poll:result frame without exactly one payload');
  return JSON.stringify(decoded[1]);
}

/** Appends `_<n>` to each key: one set of figures per round size. */
export function perRound(values: Record<string, number>, n: number): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [`${k}_${n}`, v]));
}
