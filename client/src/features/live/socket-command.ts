import { ErrorCode, type Ack, type ClientToServerEvents } from '@e-cabinet/protocol';
import { ApiRequestError } from '../../api/client';
import { getLocale, translate } from '../../i18n';
import type { AppSocket } from '../connection/socket';

export type Command = keyof ClientToServerEvents;
export type PayloadOf<E extends Command> = Parameters<ClientToServerEvents[E]>[0];
type AckFn<E extends Command> = Parameters<ClientToServerEvents[E]>[1];
export type AckOf<E extends Command> = AckFn<E> extends (res: infer R) => void ? R : never;

/** How long an answer may take before the command is reported as unanswered. */
export const COMMAND_TIMEOUT_MS = 10_000;

/** Either side can fail this way without the server having said no: offline, or no answer in time. */
export type Unanswered = { ok: false; code: typeof ErrorCode.UNAVAILABLE; message: string; unanswered: true };

function unanswered(): Unanswered {
  return { ok: false, code: ErrorCode.UNAVAILABLE, message: translate(getLocale(), 'error.network'), unanswered: true };
}

/**
 * Sends one command and resolves with its ack, or with `Unanswered` when the socket is not
 * connected (nothing is queued to go out later behind the user's back) or no answer came.
 */
export function sendCommand<E extends Command>(socket: AppSocket, event: E, payload: PayloadOf<E>, timeoutMs = COMMAND_TIMEOUT_MS): Promise<AckOf<E> | Unanswered> {
  if (!socket.connected) return Promise.resolve(unanswered());
  return new Promise((resolve) => {
    // Socket.io's typed `emit` cannot follow a generic event name; `Command` keeps the types.
    const loose = socket.timeout(timeoutMs) as unknown as { emit(ev: string, p: unknown, cb: (err: Error | null, res: AckOf<E>) => void): void };
    loose.emit(event, payload, (err, res) => resolve(err ? unanswered() : res));
  });
}

/** The ack's data, or throws an `ApiRequestError` carrying the server's code and message (for forms). */
export function ackValue<T extends object>(res: Ack<T> | Unanswered): T {
  if (res.ok) return res;
  throw new ApiRequestError('unanswered' in res ? 0 : 400, { code: res.code, message: res.message });
}
