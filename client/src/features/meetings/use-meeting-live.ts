import { useEffect, useRef } from 'react';
import type { MeetingChangedPayload } from '@e-cabinet/protocol';
import { useConnection } from '../connection/connection-context';
import { planChange, planJoin, type MeetingPart } from './meeting-sync';

/**
 * Follows one meeting over the socket while mounted: joins its room (again after every
 * reconnect), and asks for the parts that changed to be fetched again — everything when
 * sequence numbers show that events were missed. Leaves the room on unmount.
 */
export function useMeetingLive(meetingId: string, refetch: (parts: readonly MeetingPart[]) => void): void {
  const { socket } = useConnection();
  const refetchRef = useRef(refetch);
  useEffect(() => {
    refetchRef.current = refetch;
  });

  useEffect(() => {
    let active = true;
    let lastSeq: number | null = null;
    const apply = (plan: { refetch: readonly MeetingPart[]; seq: number | null }) => {
      lastSeq = plan.seq;
      if (plan.refetch.length > 0) refetchRef.current(plan.refetch);
    };

    const join = () => {
      socket.emit('meeting:join', { meetingId }, (res) => {
        // Refused (e.g. not distributed to this user yet): the page still works by HTTP.
        if (active && res.ok) apply(planJoin(lastSeq, res.seq));
      });
    };
    const onChanged = (payload: MeetingChangedPayload) => {
      if (payload.meetingId === meetingId) apply(planChange(lastSeq, payload));
    };

    socket.on('connect', join);
    socket.on('meeting:changed', onChanged);
    // While disconnected, the 'connect' handler joins; emitting now would be buffered and sent twice.
    if (socket.connected) join();

    return () => {
      active = false;
      socket.off('connect', join);
      socket.off('meeting:changed', onChanged);
      if (socket.connected) socket.emit('meeting:leave', { meetingId }, () => {});
    };
  }, [socket, meetingId]);
}
