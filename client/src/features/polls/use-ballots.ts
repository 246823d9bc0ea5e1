import { useCallback, useEffect, useRef, useState } from 'react';
import { useConnection } from '../connection/connection-context';
import { sendCommand } from '../live/socket-command';
import { forgetBallot, pendingBallots, prepareBallot, readBallot, voteOutcome, writeBallot, type KeyValueStore, type LocalBallot } from './ballots';

/** What the screen shows for one ballot besides the server's record. */
export interface BallotStatus {
  local: LocalBallot | null;
  sending: boolean;
  /** The last problem, in the user's language. */
  message: string | null;
  /** The problem will not go away by retrying (closed poll, not eligible). */
  final: boolean;
  /** The server already had a vote for this principal: its choice in a named poll (null in a secret one). */
  recordedBefore: { choice: string[] | null } | null;
}

const idOf = (pollId: string, principalId: string) => `${pollId}:${principalId}`;
const blank: BallotStatus = { local: null, sending: false, message: null, final: false, recordedBefore: null };

function sessionStore(): (KeyValueStore & { readonly length: number; key(i: number): string | null }) | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** A store that forgets everything, for browsers that refuse sessionStorage. */
const nowhere: KeyValueStore & { readonly length: number; key(i: number): string | null } = { length: 0, key: () => null, getItem: () => null, setItem: () => {}, removeItem: () => {} };

/**
 * Casting ballots. A ballot is written to sessionStorage (key and choice) before it is sent, and
 * stays "pending" until the server acknowledges it; pending ballots are sent again, with the same
 * key, when the socket reconnects and when the room opens again after a reload.
 */
export function useBallots() {
  const { socket } = useConnection();
  const store = useRef(sessionStore() ?? nowhere).current;
  const [statuses, setStatuses] = useState<Record<string, BallotStatus>>({});
  const inFlight = useRef(new Set<string>());

  const patch = useCallback((id: string, change: Partial<BallotStatus>) => setStatuses((prev) => ({ ...prev, [id]: { ...(prev[id] ?? blank), ...change } })), []);

  const send = useCallback(
    async (pollId: string, principalId: string, onBehalfOf: string | undefined, ballot: LocalBallot) => {
      const id = idOf(pollId, principalId);
      if (inFlight.current.has(id)) return;
      inFlight.current.add(id);
      patch(id, { local: ballot, sending: true, message: null, final: false });
      const ack = await sendCommand(socket, 'poll:vote', { pollId, choice: ballot.choice, ballotKey: ballot.key, ...(onBehalfOf ? { onBehalfOf } : {}) });
      inFlight.current.delete(id);
      const outcome = voteOutcome(ballot, ack);
      switch (outcome.kind) {
        case 'accepted':
          writeBallot(store, pollId, principalId, outcome.ballot);
          patch(id, { local: outcome.ballot, sending: false });
          break;
        case 'alreadyVoted':
          forgetBallot(store, pollId, principalId);
          patch(id, { local: null, sending: false, recordedBefore: { choice: outcome.choice } });
          break;
        case 'final':
          forgetBallot(store, pollId, principalId);
          patch(id, { local: null, sending: false, message: outcome.message, final: true });
          break;
        case 'rejected':
          // Nothing was stored: the voter chooses again; the key kept in storage goes with the new choice.
          patch(id, { local: null, sending: false, message: outcome.message });
          break;
        case 'retry':
          patch(id, { sending: false, message: outcome.message });
          break;
      }
    },
    [socket, store, patch],
  );

  /** Votes `choice` for `principalId` (the caller, or `onBehalfOf` a proxy's principal). */
  const cast = useCallback(
    (pollId: string, principalId: string, onBehalfOf: string | undefined, choice: readonly string[]) => {
      const ballot = prepareBallot(readBallot(store, pollId, principalId), choice);
      writeBallot(store, pollId, principalId, ballot);
      return send(pollId, principalId, onBehalfOf, ballot);
    },
    [store, send],
  );

  /** The status of one ballot, reading what this tab stored before a reload. */
  const statusOf = useCallback(
    (pollId: string, principalId: string): BallotStatus => statuses[idOf(pollId, principalId)] ?? { ...blank, local: readBallot(store, pollId, principalId) },
    [statuses, store],
  );

  /** After a reconnect or a reload: every ballot still pending goes out again with its own key. */
  const retryPending = useCallback(
    (meId: string) => {
      for (const p of pendingBallots(store)) void send(p.pollId, p.principalId, p.principalId === meId ? undefined : p.principalId, p.ballot);
    },
    [store, send],
  );

  return { cast, statusOf, retryPending };
}

/** Sends pending ballots again whenever the socket (re)connects, and once when mounted. */
export function useRetryPendingBallots(retryPending: (meId: string) => void, meId: string): void {
  const { socket } = useConnection();
  useEffect(() => {
    const retry = () => retryPending(meId);
    socket.on('connect', retry);
    retry();
    return () => {
      socket.off('connect', retry);
    };
  }, [socket, retryPending, meId]);
}
