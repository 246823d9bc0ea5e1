export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Throttled<T> {
  (value: T): void;
  /** Drops a pending trailing call. */
  cancel(): void;
}

/**
 * Calls `fn` at once, then at most every `ms`, always ending with the latest value: a presenter
 * flicking through pages sends the first and the last page, not every one in between.
 */
export function throttle<T>(fn: (value: T) => void, ms: number, timers: Timers = realTimers): Throttled<T> {
  let lastAt = -Infinity;
  let pending: { value: T } | null = null;
  let timer: unknown = null;
  const fire = () => {
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    lastAt = timers.now();
    fn(value);
  };
  const call = (value: T) => {
    pending = { value };
    const wait = lastAt + ms - timers.now();
    if (wait <= 0 && timer === null) fire();
    else if (timer === null) timer = timers.setTimeout(fire, Math.max(0, wait));
  };
  call.cancel = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return call;
}
