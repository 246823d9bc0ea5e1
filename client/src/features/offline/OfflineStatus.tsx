import { useEffect, useSyncExternalStore } from 'react';
import type { MeetingChangedPayload } from '@e-cabinet/protocol';
import { useT, type TFunction } from '../../i18n';
import { useCurrentUser } from '../auth/auth-context';
import { useConnection } from '../connection/connection-context';
import {
  getOfflineSyncState,
  requestOfflineSync,
  startOfflineSync,
  stopOfflineSync,
  subscribeOfflineSync,
  type OfflineSyncState,
} from './offline-data';
import { useOnline } from './use-online';
import './offline.css';

/** The status line's words, or null when there is nothing worth a line. */
export function syncLineText(sync: OfflineSyncState, t: TFunction): string | null {
  switch (sync.phase) {
    case 'idle':
      return null;
    case 'error':
      return t('offline.error');
    case 'stored':
      return sync.saved > 0 ? t('offline.stored', { count: sync.saved }) : null;
    case 'syncing':
      return sync.total > 0 ? t('offline.syncing', { saved: sync.saved, total: sync.total }) : null;
    case 'done': {
      if (sync.total === 0) return null;
      const saved = t('offline.saved', { saved: sync.saved, total: sync.total });
      return sync.noSpace > 0 ? `${saved}. ${t('offline.noSpace', { count: sync.noSpace })}` : saved;
    }
  }
}

/**
 * Under the header of every logged-in page: an offline banner while the device has no network,
 * and one quiet line on how many upcoming documents are stored for offline reading. Mounted
 * with the shell, it also starts that storing after login and on each start.
 */
export function OfflineStatus() {
  const t = useT();
  const user = useCurrentUser();
  const { socket } = useConnection();
  const online = useOnline();
  const sync = useSyncExternalStore(subscribeOfflineSync, getOfflineSyncState, getOfflineSyncState);

  useEffect(() => {
    startOfflineSync(user.id);
    return () => {
      void stopOfflineSync();
    };
  }, [user.id]);

  useEffect(() => {
    const again = () => requestOfflineSync();
    // The agenda's order alone changes no document.
    const changed = ({ what }: MeetingChangedPayload) => {
      if (what !== 'agenda') again();
    };
    window.addEventListener('online', again);
    socket.on('meeting:published', again);
    socket.on('meeting:changed', changed);
    return () => {
      window.removeEventListener('online', again);
      socket.off('meeting:published', again);
      socket.off('meeting:changed', changed);
    };
  }, [socket]);

  const line = syncLineText(sync, t);
  return (
    <>
      <div aria-live="polite">
        {!online && (
          <div className="banner banner-offline" data-offline-banner="">
            <p>{t('offline.banner')}</p>
          </div>
        )}
      </div>
      <div className="offline-sync" aria-live="polite" data-offline-sync={sync.phase}>
        {line && (
          <p>
            {line}
            {sync.phase === 'error' && online && (
              <>
                {' '}
                <button type="button" className="button-quiet" onClick={requestOfflineSync}>
                  {t('offline.retry')}
                </button>
              </>
            )}
          </p>
        )}
      </div>
    </>
  );
}
