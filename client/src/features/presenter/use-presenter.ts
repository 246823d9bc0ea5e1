import { useCallback, useEffect, useRef, useState } from 'react';
import type { Ack, PresenterState } from '@e-cabinet/protocol';
import { useConnection } from '../connection/connection-context';
import { acceptState, isPresenting } from './follow-logic';

export interface PresenterHandlers {
  /** A newer presenter state arrived (broadcast, join ack or the answer to our own update). */
  onState?: (state: PresenterState) => void;
  /** The meeting room was (re)joined; `state` is the current state after it. */
  onJoined?: (state: PresenterState | null) => void;
}

export interface Presenter {
  /** The latest presenter state (null: not known yet, or nobody has presented). */
  state: PresenterState | null;
  /** Shows `page` of `documentId` to the meeting's followers. Resolves with the server's answer. */
  present: (documentId: string, page: number) => Promise<Ack<{ state: PresenterState }>>;
  stop: () => Promise<Ack>;
}

/**
 * Follow-the-presenter over the app's socket: joins the meeting's room while mounted (again
 * after every reconnect) and keeps the newest presenter state — newest by `at`, so an old state
 * arriving late (the join ack crossing a broadcast, a replay after a reconnect) is ignored.
 *
 * `leaveOnUnmount: false` when another hook on the page owns the room membership (the meeting
 * page's `useMeetingLive`), so unmounting this one does not take the page out of the room.
 */
export function usePresenter(meetingId: string, handlers: PresenterHandlers = {}, opts: { leaveOnUnmount?: boolean } = {}): Presenter {
  const { socket } = useConnection();
  const [state, setState] = useState<PresenterState | null>(null);
  const latest = useRef<PresenterState | null>(null);
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });
  const leave = opts.leaveOnUnmount ?? true;

  const accept = useCallback(
    (incoming: PresenterState) => {
      if (incoming.meetingId !== meetingId) return false;
      const next = acceptState(latest.current, incoming);
      if (!next) return false;
      latest.current = next;
      setState(next);
      handlersRef.current.onState?.(next);
      return true;
    },
    [meetingId],
  );

  useEffect(() => {
    let active = true;
    let heardSinceJoin = false;
    const onState = (incoming: PresenterState) => {
      if (active && accept(incoming)) heardSinceJoin = true;
    };
    const join = () => {
      heardSinceJoin = false;
      socket.emit('meeting:join', { meetingId }, (res) => {
        if (!active || !res.ok) return;
        if (res.presenter) accept(res.presenter);
        else if (!heardSinceJoin && isPresenting(latest.current)) {
          // Stopped while we were away (the broadcast was missed): nobody presents now.
          const stopped: PresenterState = { ...latest.current, presenterId: null, presenterName: null, documentId: null, page: 1 };
          latest.current = stopped;
          setState(stopped);
          handlersRef.current.onState?.(stopped);
        }
        handlersRef.current.onJoined?.(latest.current);
      });
    };
    socket.on('connect', join);
    socket.on('presenter:state', onState);
    // While disconnected, the 'connect' handler joins; emitting now would be buffered and sent twice.
    if (socket.connected) join();
    return () => {
      active = false;
      socket.off('connect', join);
      socket.off('presenter:state', onState);
      if (leave && socket.connected) socket.emit('meeting:leave', { meetingId }, () => {});
    };
  }, [socket, meetingId, accept, leave]);

  const present = useCallback(
    (documentId: string, page: number) =>
      new Promise<Ack<{ state: PresenterState }>>((resolve) => {
        socket.emit('presenter:update', { meetingId, documentId, page }, (res) => {
          if (res.ok) accept(res.state);
          resolve(res);
        });
      }),
    [socket, meetingId, accept],
  );
  const stop = useCallback(
    () =>
      new Promise<Ack>((resolve) => {
        socket.emit('presenter:stop', { meetingId }, resolve);
      }),
    [socket, meetingId],
  );

  return { state, present, stop };
}
