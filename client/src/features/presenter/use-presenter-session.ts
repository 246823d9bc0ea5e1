import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { PresenterState } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { useToast } from '../../ui/Toasts';
import { readFlag, writeFlag } from './flags';
import { followAction } from './follow-logic';
import { throttle } from './throttle';
import { usePresenter } from './use-presenter';

/** Page changes while presenting are sent at most this often (the last one always goes). */
const SEND_EVERY_MS = 300;

export interface GoTo {
  page: number;
  /** Changes on every request, so asking for the same page twice still scrolls. */
  at: number;
}

interface SessionInput {
  meetingId: string;
  documentId: string;
  meId: string;
  /** The page asked for in the URL (`?page=N`), where the viewer starts. */
  initialPage: number | null;
  canPresent: boolean;
  /** Whether this user may open a document (followers only go where they may read). */
  canOpen: (documentId: string) => boolean;
}

/**
 * Presenting and following in the document viewer. A presenter's page changes go out
 * (throttled) while "Present" is on; a follower jumps to the presenter's page, or opens the
 * document being presented, while "Follow" is on. Both switches are kept per meeting for this
 * tab, so they survive moving to the next document; switching "Follow" on catches up at once.
 */
export function usePresenterSession({ meetingId, documentId, meId, initialPage, canPresent, canOpen }: SessionInput) {
  const t = useT();
  const toast = useToast();
  const navigate = useNavigate();
  const [following, setFollowingState] = useState(() => readFlag('follow', meetingId));
  // The switch as the user left it; whether it is in effect also depends on the role and on
  // nobody else having taken over (below).
  const [presentFlag, setPresentFlag] = useState(() => readFlag('present', meetingId));
  const [joined, setJoined] = useState(false);
  const [goTo, setGoTo] = useState<GoTo | null>(() => (initialPage ? { page: initialPage, at: 0 } : null));
  const [page, setPage] = useState(initialPage ?? 1);
  const pageRef = useRef(page);

  const setPresenting = useCallback(
    (on: boolean) => {
      setPresentFlag(on);
      writeFlag('present', meetingId, on);
    },
    [meetingId],
  );

  const follow = (state: PresenterState | null) => {
    const action = followAction(state, { documentId, meId, canOpen });
    if (action.kind === 'goto') setGoTo((prev) => ({ page: action.page, at: (prev?.at ?? 0) + 1 }));
    else if (action.kind === 'navigate') void navigate(action.to);
  };

  const presenter = usePresenter(meetingId, {
    onState: (state) => {
      if (presentFlag && state.presenterId !== meId) {
        // Someone else took over, or stopped us: the last writer wins on the server.
        setPresenting(false);
        if (state.presenterName) toast(t('presenter.takenOver', { name: state.presenterName }));
      }
      if (following && !presentFlag) follow(state);
    },
    onJoined: () => setJoined(true),
  });
  const { present, state } = presenter;
  const presenting = presentFlag && canPresent && (state === null || state.presenterId === null || state.presenterId === meId);

  const fail = useCallback(
    (message: string) => {
      setPresenting(false);
      toast(t('presenter.failed', { message }), 'error');
    },
    [setPresenting, toast, t],
  );
  const send = useMemo(
    () =>
      throttle((p: number) => {
        void present(documentId, p).then((res) => {
          if (!res.ok) fail(res.message);
        });
      }, SEND_EVERY_MS),
    [present, documentId, fail],
  );
  useEffect(() => () => send.cancel(), [send]);

  // Arriving on a page while presenting (the next document, a reload): show it from here.
  const resumed = useRef(false);
  useEffect(() => {
    if (!presenting || !joined || resumed.current) return;
    resumed.current = true;
    send(pageRef.current);
  }, [presenting, joined, send]);

  const onPageChange = useCallback(
    (p: number) => {
      pageRef.current = p;
      setPage(p);
      if (presenting) send(p);
    },
    [presenting, send],
  );

  const setFollowing = (on: boolean) => {
    setFollowingState(on);
    writeFlag('follow', meetingId, on);
    // Catch up at once from the latest state.
    if (on) follow(state);
  };

  const togglePresenting = (on: boolean) => {
    if (!canPresent) return;
    setPresenting(on);
    if (on) {
      resumed.current = true;
      setFollowingState(false);
      writeFlag('follow', meetingId, false);
      send(pageRef.current);
      return;
    }
    send.cancel();
    if (state?.presenterId === meId) {
      void presenter.stop().then((res) => {
        if (!res.ok) toast(t('presenter.stopFailed', { message: res.message }), 'error');
      });
    }
  };

  return { state, page, goTo, following, setFollowing, presenting, setPresenting: togglePresenting, onPageChange };
}
