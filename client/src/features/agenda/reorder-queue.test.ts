import { describe, expect, it, vi } from 'vitest';
import { ReorderQueue } from './reorder-queue';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('ReorderQueue', () => {
  it('sends one order at a time and skips orders overtaken while waiting', async () => {
    const calls: { ids: readonly string[]; done: ReturnType<typeof deferred<string>> }[] = [];
    const onSettled = vi.fn();
    const queue = new ReorderQueue<string>((ids) => {
      const done = deferred<string>();
      calls.push({ ids, done });
      return done.promise;
    }, onSettled);

    queue.push(['b', 'a', 'c']);
    queue.push(['b', 'c', 'a']);
    queue.push(['c', 'b', 'a']);
    expect(queue.busy).toBe(true);
    expect(calls.map((c) => c.ids)).toEqual([['b', 'a', 'c']]);

    calls[0]!.done.resolve('first');
    await flush();
    expect(calls.map((c) => c.ids)).toEqual([['b', 'a', 'c'], ['c', 'b', 'a']]);
    expect(onSettled).not.toHaveBeenCalled();

    calls[1]!.done.resolve('last');
    await flush();
    expect(queue.busy).toBe(false);
    expect(onSettled).toHaveBeenCalledTimes(1);
    expect(onSettled).toHaveBeenCalledWith({ ok: true, value: 'last' });
  });

  it('reports a failure and drops the orders built on it', async () => {
    const onSettled = vi.fn();
    const first = deferred<string>();
    const send = vi.fn(() => first.promise);
    const queue = new ReorderQueue<string>(send, onSettled);
    queue.push(['a']);
    queue.push(['b']);
    const error = new Error('409');
    first.reject(error);
    await flush();
    expect(send).toHaveBeenCalledTimes(1);
    expect(onSettled).toHaveBeenCalledWith({ ok: false, error });
    expect(queue.busy).toBe(false);
  });
});
