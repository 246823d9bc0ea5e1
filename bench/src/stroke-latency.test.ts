import { describe, expect, it } from 'vitest';
import { positiveInt } from './env.ts';
import { StrokeLatency, dueAt, partition, ratio } from './stroke-latency.ts';

describe('StrokeLatency', () => {
  it('measures each (stroke, viewer) pair from the stroke’s send time', () => {
    const t = new StrokeLatency(2, 3);
    t.sent(0, 100);
    t.sent(1, 120);
    t.seen(0, 0, 105);
    t.seen(0, 1, 110);
    t.seen(0, 2, 101);
    t.seen(1, 2, 150);
    expect(t.latencies().sort((a, b) => a - b)).toEqual([1, 5, 10, 30]);
    expect(t.lost).toBe(2);
  });

  it('keeps only the first sighting of a pair (a resync sends the stroke again)', () => {
    const t = new StrokeLatency(1, 1);
    t.sent(0, 0);
    t.seen(0, 0, 7);
    t.seen(0, 0, 500);
    expect(t.latencies()).toEqual([7]);
    expect(t.lost).toBe(0);
  });

  it('gives each stroke the time of its last viewer, only for strokes every viewer saw', () => {
    const t = new StrokeLatency(3, 2);
    t.sent(0, 0);
    t.sent(1, 20);
    t.sent(2, 40);
    t.seen(0, 0, 3);
    t.seen(0, 1, 9);
    t.seen(1, 1, 22);
    t.seen(1, 0, 21);
    t.seen(2, 0, 41);
    expect(t.lastViewerLatencies()).toEqual([9, 2]);
  });

  it('resolves `complete` when the last pair arrives, not before', async () => {
    const t = new StrokeLatency(2, 2);
    let done = false;
    void t.complete.then(() => {
      done = true;
    });
    t.sent(0, 0);
    t.sent(1, 0);
    t.seen(0, 0, 1);
    t.seen(0, 1, 1);
    t.seen(1, 0, 1);
    t.seen(1, 0, 2);
    await Promise.resolve();
    expect(done).toBe(false);
    t.seen(1, 1, 1);
    await t.complete;
    expect(done).toBe(true);
    expect(t.lost).toBe(0);
  });

  it('counts every pair as lost before anything is seen', () => {
    const t = new StrokeLatency(4, 25);
    expect(t.lost).toBe(100);
    expect(t.latencies()).toEqual([]);
    expect(t.lastViewerLatencies()).toEqual([]);
  });

  it('refuses bookkeeping bugs: unknown indexes, a stroke sent twice or seen before it was sent', () => {
    const t = new StrokeLatency(2, 2);
    expect(() => t.sent(2, 0)).toThrow(RangeError);
    expect(() => t.sent(-1, 0)).toThrow(RangeError);
    expect(() => t.seen(0, 0, 1)).toThrow(/before it was sent/);
    t.sent(0, 0);
    expect(() => t.sent(0, 1)).toThrow(/twice/);
    expect(() => t.seen(0, 2, 1)).toThrow(RangeError);
    expect(() => t.seen(0.5, 0, 1)).toThrow(RangeError);
    expect(() => new StrokeLatency(0, 1)).toThrow(RangeError);
    expect(() => new StrokeLatency(1, 0)).toThrow(RangeError);
  });
});

describe('dueAt', () => {
  it('puts event i at a fixed slot from the start, however late the previous one ran', () => {
    expect(dueAt(1000, 20, 0)).toBe(1000);
    expect(dueAt(1000, 20, 1)).toBe(1020);
    expect(dueAt(1000, 20, 199)).toBe(4980);
  });
});

describe('partition', () => {
  it('covers every item once, in order, with sizes differing by at most one', () => {
    expect(partition(100, 2)).toEqual([[0, 50], [50, 100]]);
    expect(partition(7, 3)).toEqual([[0, 3], [3, 5], [5, 7]]);
    expect(partition(5, 1)).toEqual([[0, 5]]);
  });

  it('leaves parts empty when there are fewer items than parts', () => {
    expect(partition(1, 3)).toEqual([[0, 1], [1, 1], [1, 1]]);
  });

  it('refuses no parts and fractional counts', () => {
    expect(() => partition(10, 0)).toThrow(RangeError);
    expect(() => partition(2.5, 2)).toThrow(RangeError);
  });
});

describe('ratio', () => {
  it('divides and rounds to two decimals', () => {
    expect(ratio(13, 10)).toBe(1.3);
    expect(ratio(10, 3)).toBe(3.33);
    expect(ratio(2, 3)).toBe(0.67);
  });

  it('refuses a baseline that is not a positive number', () => {
    expect(() => ratio(1, 0)).toThrow(RangeError);
    expect(() => ratio(1, Number.NaN)).toThrow(RangeError);
    expect(() => ratio(Number.POSITIVE_INFINITY, 1)).toThrow(RangeError);
  });
});

describe('positiveInt', () => {
  it('reads a whole number above 0, or the fallback when unset or blank', () => {
    expect(positiveInt({ N: '10' }, 'N', 100)).toBe(10);
    expect(positiveInt({ N: ' 7 ' }, 'N', 100)).toBe(7);
    expect(positiveInt({}, 'N', 100)).toBe(100);
    expect(positiveInt({ N: '' }, 'N', 100)).toBe(100);
  });

  it('refuses anything else, naming the variable', () => {
    for (const raw of ['0', '-3', '2.5', 'ten', '1e400']) expect(() => positiveInt({ N: raw }, 'N', 1)).toThrow(/^N: /);
  });
});
