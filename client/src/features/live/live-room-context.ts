import { createContext, useCallback, useContext, useState } from 'react';
import type { AttendanceEntry, LiveState, MeetingRole } from '@e-cabinet/protocol';
import { errorText } from '../../api/errors';
import { useLocale } from '../../i18n';
import type { RoomPermissions } from './live-logic';
import type { LiveRoom } from './use-live-room';

/** What every panel of the room needs: the state, who I am, what I may do, and a way to act. */
export interface LiveRoomContextValue {
  meetingId: string;
  state: LiveState;
  clockOffset: number;
  meId: string;
  role: MeetingRole;
  /** My roll entry; undefined for observers. */
  me: AttendanceEntry | undefined;
  can: RoomPermissions;
  run: LiveRoom['run'];
}

export const LiveRoomContext = createContext<LiveRoomContextValue | null>(null);

export function useLiveRoomContext(): LiveRoomContextValue {
  const value = useContext(LiveRoomContext);
  if (!value) throw new Error('useLiveRoomContext needs a <LiveRoomContext.Provider>');
  return value;
}

/**
 * Runs one action at a time for a panel: `busy` names the action in flight (to disable its
 * button), `error` is the server's message for the last one that failed (shown in the panel).
 */
export function usePanelAction() {
  const locale = useLocale();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = useCallback(
    async (key: string, fn: () => Promise<unknown>): Promise<boolean> => {
      setBusy(key);
      setError(null);
      try {
        await fn();
        return true;
      } catch (err) {
        setError(errorText(err, locale));
        return false;
      } finally {
        setBusy(null);
      }
    },
    [locale],
  );
  return { busy, error, act, clearError: useCallback(() => setError(null), []) };
}
