import { Link } from 'react-router-dom';
import type { AgendaItem, MeetingDocument } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { EmptyState, ErrorAlert } from '../../ui/Alerts';
import { neighbours } from './live-logic';
import { useLiveRoomContext, usePanelAction } from './live-room-context';

interface Props {
  agenda: readonly AgendaItem[];
  documents: readonly MeetingDocument[];
}

/** The item under discussion, with its documents; the chair or secretary moves it. */
export function CurrentItemPanel({ agenda, documents }: Props) {
  const t = useT();
  const { state, can, run } = useLiveRoomContext();
  const { busy, error, act } = usePanelAction();
  const { index, prev, next } = neighbours(agenda, state.currentItemId);
  const current = index >= 0 ? agenda[index]! : null;
  const docs = current ? documents.filter((d) => d.itemId === current.id) : [];
  const moving = can.runMeeting && state.status === 'live';
  const go = (itemId: string | null) => void act('item', () => run('live:item:set', { itemId }));

  return (
    <section className="panel live-current" aria-labelledby="live-current-title">
      <h2 id="live-current-title">{t('live.current.title')}</h2>
      {current ? (
        <div className="live-current-item" data-testid="current-item">
          <p className="live-current-order">{t('live.current.position', { n: index + 1, total: agenda.length })}</p>
          <p className="live-current-name">{current.title}</p>
          <p className="muted">
            {current.presenterName ? t('live.current.presenter', { name: current.presenterName }) + ' · ' : ''}
            {t('live.current.minutes', { minutes: current.durationMinutes })}
          </p>
          {docs.length > 0 && (
            <ul className="plain-list live-current-docs" aria-label={t('live.current.documents')}>
              {docs.map((d) => (
                <li key={d.id}>
                  <Link to={`/documents/${encodeURIComponent(d.id)}`}>{d.title}</Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <EmptyState title={state.status === 'live' ? t('live.current.none') : t('live.current.notStarted')} />
      )}
      {error && <ErrorAlert message={error} />}
      {moving && (
        <div className="action-bar-buttons live-current-nav">
          <button type="button" disabled={busy !== null || !prev} onClick={() => prev && go(prev.id)}>
            {t('live.current.prev')}
          </button>
          <button type="button" className="button-primary" disabled={busy !== null || !next} onClick={() => next && go(next.id)}>
            {current ? t('live.current.next') : t('live.current.first')}
          </button>
          {current && (
            <button type="button" className="button-quiet" disabled={busy !== null} onClick={() => go(null)}>
              {t('live.current.clear')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/** The whole agenda with the current item marked; the chair or secretary can jump to any item. */
export function AgendaPanel({ agenda }: Pick<Props, 'agenda'>) {
  const t = useT();
  const { state, can, run } = useLiveRoomContext();
  const { busy, error, act } = usePanelAction();
  const moving = can.runMeeting && state.status === 'live';
  return (
    <section className="panel live-agenda" aria-labelledby="live-agenda-title">
      <h2 id="live-agenda-title">{t('live.agenda.title')}</h2>
      {error && <ErrorAlert message={error} />}
      {agenda.length === 0 ? (
        <EmptyState title={t('live.agenda.empty')} />
      ) : (
        <ol className="live-agenda-list">
          {agenda.map((item) => {
            const current = item.id === state.currentItemId;
            return (
              <li key={item.id} className={current ? 'live-agenda-item live-agenda-current' : 'live-agenda-item'} aria-current={current ? 'step' : undefined}>
                <span className="live-agenda-name">
                  {item.title}
                  {current && <span className="badge live-badge-now">{t('live.agenda.now')}</span>}
                </span>
                {moving && !current && (
                  <button type="button" disabled={busy !== null} onClick={() => void act('item', () => run('live:item:set', { itemId: item.id }))} aria-label={t('live.agenda.goToNamed', { title: item.title })}>
                    {t('live.agenda.goTo')}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
