import { describe, expect, it } from 'vitest';
import { throttle, type Timers } from './throttle';

/** A clock and timers the test moves by hand. */
function manualTimers() {
  let now = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  const timers: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      due.set(next, { at: now + ms, fn });
      return next++;
    },
    clearTimeout: (h) => void due.delete(h as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [h, t] of [...due]) {
      if (t.at <= now) {
        due.delete(h);
        t.fn();
      }
    }
  };
  return { timers, advance };
}

describe('throttle', () => {
  it('sends the first page at once and the last one after the interval, skipping those between', () => {
    const { timers, advance } = manualTimers();
    const sent: number[] = [];
    const send = throttle((p: number) => sent.push(p), 300, timers);
    send(1);
    send(2);
    send(3);
    expect(sent).toEqual([1]);
    advance(299);
    expect(sent).toEqual([1]);
    advance(1);
    expect(sent).toEqual([1, 3]);
    advance(1_000);
    send(4);
    expect(sent).toEqual([1, 3, 4]);
  });

  it('drops a pending page when cancelled', () => {
    const { timers, advance } = manualTimers();
    const sent: number[] = [];
    const send = throttle((p: number) => sent.push(p), 300, timers);
    send(1);
    send(2);
    send.cancel();
    advance(1_000);
    expect(sent).toEqual([1]);
  });
});
