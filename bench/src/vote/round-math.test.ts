import { describe, expect, it } from 'vitest';
import { RESULT_FRAME_PREFIX, elapsedSince, kbPerDelegate, perRound, resultPayloadJson, roundSizes, splitEvenly } from './round-math.ts';

describe('roundSizes', () => {
  it('falls back when VOTE_N is unset or blank', () => {
    expect(roundSizes(undefined, [500, 1000])).toEqual([500, 1000]);
    expect(roundSizes('  ', [500, 1000])).toEqual([500, 1000]);
  });

  it('reads one size or a comma-separated list', () => {
    expect(roundSizes('100', [500])).toEqual([100]);
    expect(roundSizes(' 200, 400 ', [500])).toEqual([200, 400]);
  });

  it('refuses anything but distinct whole numbers above 0', () => {
    for (const bad of ['0', '-5', '1.5', 'abc', '100,', '100,100', '1e3']) expect(() => roundSizes(bad, [500]), bad).toThrow(RangeError);
  });
});

describe('splitEvenly', () => {
  it('keeps every item once, in order, in slices differing by at most one', () => {
    const items = Array.from({ length: 1001 }, (_, i) => i);
    const parts = splitEvenly(items, 3);
    expect(parts.map((p) => p.length)).toEqual([334, 334, 333]);
    expect(parts.flat()).toEqual(items);
  });

  it('makes no empty slice when there are fewer items than parts', () => {
    expect(splitEvenly([1, 2], 4)).toEqual([[1], [2]]);
  });

  it('refuses a part count that is not a whole number above 0', () => {
    expect(() => splitEvenly([1], 0)).toThrow(RangeError);
    expect(() => splitEvenly([1], 1.5)).toThrow(RangeError);
  });
});

describe('elapsedSince', () => {
  it('measures each arrival from the trigger', () => {
    expect(elapsedSince(1000.5, [1001.5, 1010, 1000.5])).toEqual([1, 9.5, 0]);
  });

  it('reads a sub-millisecond skew between processes as 0', () => {
    expect(elapsedSince(1000, [999.4])).toEqual([0]);
  });

  it('refuses an arrival well before its trigger', () => {
    expect(() => elapsedSince(1000, [990])).toThrow(/before its trigger/);
  });
});

describe('kbPerDelegate', () => {
  it('divides the RSS growth by the delegates, to one decimal', () => {
    expect(kbPerDelegate(100_000, 150_000, 500)).toBe(100);
    expect(kbPerDelegate(100_000, 100_333, 1000)).toBe(0.3);
  });

  it('refuses zero delegates', () => {
    expect(() => kbPerDelegate(1, 2, 0)).toThrow(RangeError);
  });
});

describe('resultPayloadJson', () => {
  it('takes the payload out of a socket.io event frame', () => {
    const payload = { meetingId: 'm1', poll: { id: 'p1', result: { cast: 3 } } };
    const frame = `${RESULT_FRAME_PREFIX}${JSON.stringify(payload)}]`;
    expect(JSON.parse(resultPayloadJson(frame))).toEqual(payload);
  });

  it('refuses another event or a frame with more than one argument', () => {
    expect(() => resultPayloadJson('2["poll:progress",{}]')).toThrow(/not a poll:result/);
    expect(() => resultPayloadJson(`${RESULT_FRAME_PREFIX}{},{}]`)).toThrow(/exactly one payload/);
  });
});

describe('perRound', () => {
  it('suffixes every key with the round size', () => {
    expect(perRound({ voteAckP99Ms: 12.5, ballotsLost: 0 }, 500)).toEqual({ voteAckP99Ms_500: 12.5, ballotsLost_500: 0 });
  });
});
