import { useCallback, useEffect, useRef, useState } from 'react';
import type { LivePollSummary, MyBallot, Poll, PollProgressPayload, PollTallyPayload } from '@e-cabinet/protocol';
import { errorText } from '../../api/errors';
import { getLocale } from '../../i18n';
import { useConnection } from '../connection/connection-context';
import { applyProgress, mergeList, summariesDiffer, upsertPoll } from './poll-logic';
import { pollsApi } from './polls-api';

/** How often the chair's and secretary's screens look for drafts made elsewhere. */
const DRAFT_REFRESH_MS = 20_000;

export interface RunningTally {
  cast: number;
  counts: Record<string, number>;
}

export interface PollsState {
  polls: Poll[];
  /** Loaded at least once. */
  loaded: boolean;
  error: string | null;
  /** The caller's ballots per open poll, as the server recorded them (after a reload or reconnect). */
  myBallots: Record<string, MyBallot[]>;
  /** Chair and secretary: the running count per open poll, unless it is hidden until close. */
  tallies: Record<string, RunningTally>;
  reload: () => void;
  /** Puts a poll the caller already has (the answer to a command) into the list. */
  put: (poll: Poll) => void;
}

/**
 * The meeting's polls while the room is open. The list comes over HTTP (on mount, on every
 * reconnect, and when the live state's poll summaries disagree with it); `poll:opened`,
 * `poll:progress`, `poll:tally` and `poll:result` keep it current in between, so opening a poll
 * for 500 delegates costs no extra requests.
 */
export function usePolls(meetingId: string, summaries: readonly LivePollSummary[], opts: { organiser?: boolean } = {}): PollsState {
  const { socket } = useConnection();
  const [polls, setPolls] = useState<Poll[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [myBallots, setMyBallots] = useState<Record<string, MyBallot[]>>({});
  const [tallies, setTallies] = useState<Record<string, RunningTally>>({});
  const pollsRef = useRef<Poll[]>([]);
  const loading = useRef<AbortController | null>(null);

  useEffect(() => {
    pollsRef.current = polls;
  }, [polls]);

  const load = useCallback(() => {
    loading.current?.abort();
    const controller = new AbortController();
    loading.current = controller;
    pollsApi.list(meetingId, controller.signal).then(
      async (list) => {
        if (controller.signal.aborted) return;
        setPolls((prev) => mergeList(prev, list));
        setLoaded(true);
        setError(null);
        // Which votes of mine are already recorded, for every open poll (the true state after a reload).
        const open = list.filter((p) => p.status === 'open');
        const details = await Promise.allSettled(open.map((p) => pollsApi.get(meetingId, p.id, controller.signal)));
        if (controller.signal.aborted) return;
        setMyBallots((prev) => {
          const next = { ...prev };
          details.forEach((d) => {
            if (d.status === 'fulfilled') next[d.value.id] = d.value.myBallots;
          });
          return next;
        });
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setError(errorText(err, getLocale()));
      },
    );
  }, [meetingId]);

  useEffect(() => {
    const onOpened = (p: { meetingId: string; poll: Poll }) => {
      if (p.meetingId !== meetingId) return;
      setPolls((list) => upsertPoll(list, p.poll));
      setMyBallots((prev) => (p.poll.id in prev ? prev : { ...prev, [p.poll.id]: [] }));
    };
    const onProgress = (p: PollProgressPayload) => {
      if (p.meetingId === meetingId) setPolls((list) => applyProgress(list, p));
    };
    const onTally = (p: PollTallyPayload) => {
      if (p.meetingId !== meetingId) return;
      setTallies((prev) => ((prev[p.pollId]?.cast ?? -1) > p.cast ? prev : { ...prev, [p.pollId]: { cast: p.cast, counts: p.counts } }));
    };
    const onResult = (p: { meetingId: string; poll: Poll }) => {
      if (p.meetingId === meetingId) setPolls((list) => upsertPoll(list, p.poll));
    };
    socket.on('poll:opened', onOpened);
    socket.on('poll:progress', onProgress);
    socket.on('poll:tally', onTally);
    socket.on('poll:result', onResult);
    socket.on('connect', load);
    load();
    return () => {
      socket.off('poll:opened', onOpened);
      socket.off('poll:progress', onProgress);
      socket.off('poll:tally', onTally);
      socket.off('poll:result', onResult);
      socket.off('connect', load);
      loading.current?.abort();
    };
  }, [socket, meetingId, load]);

  // The live state (in seq order, resynced after gaps) lists every poll with its status: when it
  // disagrees with what we hold, an event was missed or a draft was made elsewhere.
  const signature = summaries.map((s) => `${s.id}:${s.status}`).join(',');
  useEffect(() => {
    if (loaded && summariesDiffer(pollsRef.current, summaries)) load();
    // `summaries` is read through its signature: a new array with the same content is no change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, loaded, load]);

  // Drafts are not announced (the live state lists open and closed polls only), so the chair
  // sees one the secretary prepared on another device by asking again now and then.
  const organiser = opts.organiser ?? false;
  useEffect(() => {
    if (!organiser) return;
    const id = setInterval(() => {
      if (document.visibilityState === 'visible') load();
    }, DRAFT_REFRESH_MS);
    return () => clearInterval(id);
  }, [organiser, load]);

  const put = useCallback((poll: Poll) => setPolls((list) => upsertPoll(list, poll)), []);
  return { polls, loaded, error, myBallots, tallies, reload: load, put };
}
