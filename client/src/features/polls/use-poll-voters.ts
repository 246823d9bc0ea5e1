import { useCallback, useEffect, useRef, useState } from 'react';
import type { PollVoterChoice } from '@e-cabinet/protocol';
import { errorText } from '../../api/errors';
import { getLocale } from '../../i18n';
import { pollsApi } from './polls-api';

/** Where a named poll's list of voters stands: not asked for yet, on its way, failed, or here. */
export type VotersState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'loaded'; voters: PollVoterChoice[] };

/**
 * A closed named poll's list of who voted what. The result every screen receives carries only
 * the counts (the list grows with the meeting); the list is fetched when someone opens it, once,
 * and again only after a failure. `known`: a list already at hand (a result stored before).
 */
export function usePollVoters(meetingId: string, pollId: string, known: PollVoterChoice[] | null): { state: VotersState; load: () => void } {
  const [state, setState] = useState<VotersState>(known ? { kind: 'loaded', voters: known } : { kind: 'idle' });
  const loading = useRef<AbortController | null>(null);

  const load = useCallback(() => {
    if (loading.current) return;
    const controller = new AbortController();
    loading.current = controller;
    setState((s) => (s.kind === 'loaded' ? s : { kind: 'loading' }));
    pollsApi.voters(meetingId, pollId, controller.signal).then(
      (voters) => {
        if (controller.signal.aborted) return;
        loading.current = null;
        setState({ kind: 'loaded', voters });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        loading.current = null;
        setState({ kind: 'error', message: errorText(err, getLocale()) });
      },
    );
  }, [meetingId, pollId]);

  useEffect(
    () => () => {
      loading.current?.abort();
      loading.current = null;
    },
    [meetingId, pollId],
  );

  return { state, load };
}
