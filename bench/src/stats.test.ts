import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './stats.ts';

const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

describe('percentile (nearest rank)', () => {
  it('returns the sample at rank ceil(p·n/100)', () => {
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 90)).toBe(90);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile(oneToHundred, 99.5)).toBe(100);
    expect(percentile([10, 20, 30], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 51)).toBe(30);
  });

  it('gives the minimum at 0 and the maximum at 100', () => {
    expect(percentile(oneToHundred, 0)).toBe(1);
    expect(percentile(oneToHundred, 100)).toBe(100);
  });

  it('is not thrown off by floating-point error in p/100', () => {
    // 7 / 100 * 100 === 7.000000000000001 in IEEE 754; the rank must still be 7.
    for (const p of [7, 14, 28, 29, 57, 58]) expect(percentile(oneToHundred, p)).toBe(p);
    const thousand = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(percentile(thousand, 99.9)).toBe(999);
  });

  it('returns a measured value, never an interpolated one', () => {
    expect(percentile([1, 1000], 50)).toBe(1);
    expect(percentile([5], 99)).toBe(5);
  });

  it('refuses no samples and a p outside 0..100', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('sorts numerically, not as strings', () => {
    const s = summarize([9, 100, 10, 1, 2]);
    expect(s).toMatchObject({ count: 5, min: 1, p50: 9, max: 100 });
    expect(s.mean).toBeCloseTo(24.4);
  });

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2];
    summarize(samples);
    expect(samples).toEqual([3, 1, 2]);
  });
});
