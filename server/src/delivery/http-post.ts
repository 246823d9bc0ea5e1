import { PermanentDeliveryError } from '../distribution/outbox.ts';

/**
 * POSTs one attempt and decides what a failure means. 2xx: delivered. 408, 429, 5xx, a network
 * error or the timeout: retry later (a plain Error). Any other status, redirects included: the
 * receiver refuses this request as such and would refuse it again, so it is dead at once
 * (`PermanentDeliveryError`) until an admin retries it.
 */
export async function postOnce(url: string, body: Buffer, headers: Record<string, string>, timeoutMs: number): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    throw new Error(`${(err as Error).name === 'TimeoutError' ? 'timed out' : 'network error'}${cause ? ` (${cause})` : ''}: ${(err as Error).message}`, { cause: err });
  }
  // Read the answer fully so the connection can be reused, and keep a little of it for the log.
  const text = (await res.text().catch(() => '')).slice(0, 200);
  if (res.ok) return;
  const message = `HTTP ${res.status}${text ? `: ${text}` : ''}`;
  if (res.status === 408 || res.status === 429 || res.status >= 500) throw new Error(message);
  throw new PermanentDeliveryError(message);
}
