/**
 * Sends reorderings one at a time, and only the latest waiting one: after five quick Alt+↓ the
 * server sees the first order and then the last, never an older order arriving after a newer
 * one. `onSettled` runs when nothing is left to send, with the last answer or error.
 */
export class ReorderQueue<R> {
  private sending = false;
  private waiting: readonly string[] | null = null;

  constructor(
    private readonly send: (ids: readonly string[]) => Promise<R>,
    private readonly onSettled: (result: { ok: true; value: R } | { ok: false; error: unknown }) => void,
  ) {}

  /** True while an order is being sent or waits to be. */
  get busy(): boolean {
    return this.sending || this.waiting !== null;
  }

  push(ids: readonly string[]): void {
    this.waiting = ids;
    if (!this.sending) void this.drain();
  }

  private async drain(): Promise<void> {
    this.sending = true;
    let last: { ok: true; value: R } | { ok: false; error: unknown } | null = null;
    while (this.waiting) {
      const ids = this.waiting;
      this.waiting = null;
      try {
        last = { ok: true, value: await this.send(ids) };
      } catch (error) {
        last = { ok: false, error };
        // A failed step makes any later order built on it meaningless: drop it.
        this.waiting = null;
      }
    }
    this.sending = false;
    if (last) this.onSettled(last);
  }
}
