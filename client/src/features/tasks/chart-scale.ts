/**
 * Scaling for the dashboard's bar chart, kept apart from the SVG so it can be tested: a round
 * axis maximum, its tick values, and the stacked segments of one bar.
 */

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value` (at least 1), so the axis ends on a round number. */
export function niceMax(value: number): number {
  if (!(value > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}

/** Whole-number ticks from 0 to `max`, at most `count` intervals, evenly spaced. */
export function axisTicks(max: number, count = 5): number[] {
  const step = Math.max(1, Math.ceil(max / count));
  const ticks: number[] = [];
  for (let v = 0; v <= max; v += step) ticks.push(v);
  if (ticks.at(-1) !== max) ticks.push(max);
  return ticks;
}

export interface Segment<K extends string> {
  key: K;
  value: number;
  x: number;
  width: number;
}

/**
 * Lays the values of one bar end to end along `span` pixels, where `max` fills it. Zero values
 * get no segment; the segments' ends are rounded from the running total so that they meet
 * exactly, with no gaps or overlaps from rounding.
 */
export function stackSegments<K extends string>(values: readonly { key: K; value: number }[], max: number, span: number): Segment<K>[] {
  const scale = max > 0 ? span / max : 0;
  const out: Segment<K>[] = [];
  let sum = 0;
  for (const { key, value } of values) {
    if (!(value > 0)) continue;
    const x = Math.round(sum * scale * 10) / 10;
    sum += value;
    const end = Math.round(sum * scale * 10) / 10;
    out.push({ key, value, x, width: Math.round((end - x) * 10) / 10 });
  }
  return out;
}
