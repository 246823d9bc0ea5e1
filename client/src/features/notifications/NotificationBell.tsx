import { useEffect, useId, useReducer, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Notification } from '@e-cabinet/protocol';
import { useLocale, useT } from '../../i18n';
import { useConnection } from '../connection/connection-context';
import { formatShortDateTime } from '../meetings/meeting-time';
import { notificationLink } from '../minutes/minutes-logic';
import { notificationsApi } from './notifications-api';
import { initialNotifications, notificationsReducer } from './notifications-state';

/**
 * The bell in the header: unread count, the latest notifications in a drop-down, live through
 * `notification:new`. The list is fetched again after every reconnect (events may have been missed).
 */
export function NotificationBell() {
  const t = useT();
  const locale = useLocale();
  const { socket } = useConnection();
  const [state, dispatch] = useReducer(notificationsReducer, initialNotifications);
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let controller = new AbortController();
    const load = () => {
      controller.abort();
      controller = new AbortController();
      const { signal } = controller;
      notificationsApi.list(signal).then(
        (res) => {
          setFailed(false);
          dispatch({ type: 'loaded', items: res.items, unread: res.unread });
        },
        () => !signal.aborted && setFailed(true),
      );
    };
    const onNew = (notification: Notification) => dispatch({ type: 'received', notification });
    load();
    socket.on('connect', load);
    socket.on('notification:new', onNew);
    return () => {
      controller.abort();
      socket.off('connect', load);
      socket.off('notification:new', onNew);
    };
  }, [socket]);

  // Close on Escape (focus back to the bell) and on a click or tap outside.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const markRead = (n: Notification) => {
    if (n.readAt) return;
    dispatch({ type: 'read', id: n.id, at: new Date().toISOString() });
    notificationsApi.markRead(n.id).catch(() => {});
  };
  const markAll = () => {
    dispatch({ type: 'read_all', at: new Date().toISOString() });
    notificationsApi.markAllRead().catch(() => {});
  };

  const label = state.unread > 0 ? t('notif.buttonUnread', { count: state.unread }) : t('notif.button');
  return (
    <div className="notif" ref={rootRef}>
      <button ref={buttonRef} type="button" className="notif-button" aria-expanded={open} aria-controls={panelId} aria-label={label} onClick={() => setOpen((o) => !o)}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="currentColor">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {state.unread > 0 && (
          <span className="notif-count" aria-hidden="true">
            {state.unread > 99 ? '99+' : state.unread}
          </span>
        )}
      </button>
      {open && (
        <div id={panelId} className="notif-panel" role="region" aria-label={t('notif.title')}>
          <div className="notif-panel-header">
            <h2>{t('notif.title')}</h2>
            <button type="button" onClick={markAll} disabled={state.unread === 0}>
              {t('notif.markAll')}
            </button>
          </div>
          {failed && <p className="field-error">{t('notif.loadFailed')}</p>}
          {state.loaded && state.items.length === 0 ? (
            <p className="muted">{t('notif.empty')}</p>
          ) : (
            <ul className="notif-list">
              {state.items.map((n) => {
                const to = notificationLink(n);
                return (
                  <li key={n.id} className={n.readAt ? 'notif-item' : 'notif-item notif-unread'}>
                    {to ? (
                      <Link
                        to={to}
                        onClick={() => {
                          markRead(n);
                          setOpen(false);
                        }}
                      >
                        {n.title}
                      </Link>
                    ) : (
                      <button type="button" className="button-quiet" onClick={() => markRead(n)}>
                        {n.title}
                      </button>
                    )}
                    <span className="notif-meta">
                      {!n.readAt && <span className="notif-dot">{t('notif.unread')}</span>}
                      {formatShortDateTime(n.createdAt, locale)}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
