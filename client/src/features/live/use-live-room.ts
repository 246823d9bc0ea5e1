import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { LiveEvent, MeetingChangedPayload } from '@e-cabinet/protocol';
import { useConnection } from '../connection/connection-context';
import { initialLiveModel, liveReducer, type LiveModel } from './live-state';
import { ackValue, sendCommand, type AckOf, type Command, type PayloadOf } from './socket-command';

type LiveCommand = Exclude<Extract<Command, `live:${string}`>, 'live:sync'>;

export interface LiveRoom {
  model: LiveModel;
  /** Fetches the whole state again (after an error, or on demand). */
  resync: () => void;
  /**
   * Runs a live command; resolves with its data or throws an `ApiRequestError` with the server's
   * message. The change itself arrives as a `live:event` like everyone else's.
   */
  run: <E extends LiveCommand>(event: E, payload: Omit<PayloadOf<E>, 'meetingId'>) => Promise<Extract<AckOf<E>, { ok: true }>>;
}

/**
 * Keeps one meeting's live state while mounted: `live:sync` on mount, on every (re)connect, on
 * `meeting:changed` and whenever a gap in `live:event` seqs shows that events were missed.
 * Everything shown comes from the server, so a reload shows the same room.
 */
export function useLiveRoom(meetingId: string): LiveRoom {
  const { socket } = useConnection();
  const [model, dispatch] = useReducer(liveReducer, initialLiveModel);
  const syncRef = useRef<() => void>(() => {});

  useEffect(() => {
    let active = true;
    const sync = () => {
      // Not connected: the 'connect' handler syncs as soon as it is.
      if (!socket.connected) return;
      dispatch({ type: 'syncStart' });
      const sentAt = Date.now();
      void sendCommand(socket, 'live:sync', { meetingId }).then((res) => {
        if (!active) return;
        if (res.ok) dispatch({ type: 'synced', state: res.state, sentAt, receivedAt: Date.now() });
        else dispatch({ type: 'syncFailed', code: res.code, message: res.message });
      });
    };
    syncRef.current = sync;
    const onEvent = (event: LiveEvent) => {
      if (event.meetingId === meetingId) dispatch({ type: 'event', event });
    };
    const onChanged = (payload: MeetingChangedPayload) => {
      if (payload.meetingId === meetingId) sync();
    };
    socket.on('connect', sync);
    socket.on('live:event', onEvent);
    socket.on('meeting:changed', onChanged);
    sync();
    return () => {
      active = false;
      socket.off('connect', sync);
      socket.off('live:event', onEvent);
      socket.off('meeting:changed', onChanged);
    };
  }, [socket, meetingId]);

  // A gap seen in the seqs: fetch the state again (once; a failure waits for "Thử lại" or a reconnect).
  const { needsSync, syncing, error, state } = model;
  useEffect(() => {
    if (needsSync && !syncing && error === null && state !== null) syncRef.current();
  }, [needsSync, syncing, error, state]);

  const resync = useCallback(() => syncRef.current(), []);
  const run = useCallback(
    async <E extends LiveCommand>(event: E, payload: Omit<PayloadOf<E>, 'meetingId'>) => {
      const res = await sendCommand(socket, event, { ...payload, meetingId } as PayloadOf<E>);
      return ackValue(res as Parameters<typeof ackValue>[0]) as Extract<AckOf<E>, { ok: true }>;
    },
    [socket, meetingId],
  );
  return { model, resync, run };
}
