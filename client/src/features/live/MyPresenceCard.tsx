import { useState } from 'react';
import { useLocale, useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alerts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatTime } from './format';
import { canGiveProxy, presenceOf } from './live-logic';
import { useLiveRoomContext, usePanelAction } from './live-room-context';
import { ProxyDialog } from './ProxyDialog';

/**
 * The delegate's own corner: check in ("Điểm danh"), record leaving, give or take back a proxy,
 * and see whose proxy they hold. Observers are not on the roll and only watch.
 */
export function MyPresenceCard() {
  const t = useT();
  const locale = useLocale();
  const { state, me, run } = useLiveRoomContext();
  const { busy, error, act } = usePanelAction();
  const [proxyOpen, setProxyOpen] = useState(false);
  const [leaving, setLeaving] = useState(false);

  if (!me) {
    return (
      <section className="panel live-me" aria-labelledby="live-me-title">
        <h2 id="live-me-title">{t('live.me.title')}</h2>
        <p className="muted">{t('live.me.observer')}</p>
      </section>
    );
  }

  const open = state.status === 'published' || state.status === 'live';
  const presence = presenceOf(me);
  const statusText =
    presence === 'present'
      ? t('live.me.present', { time: formatTime(me.checkedInAt, locale) })
      : presence === 'left'
        ? t('live.me.left', { time: formatTime(me.leftAt, locale) })
        : t(`live.presence.${presence}`);

  return (
    <section className={`panel live-me live-me-${presence}`} aria-labelledby="live-me-title">
      <h2 id="live-me-title">{t('live.me.title')}</h2>
      <p className="live-me-status" role="status" data-testid="my-attendance">
        {statusText}
        {presence === 'present' && me.late && <span className="badge live-badge-late">{t('live.late')}</span>}
      </p>
      {error && <ErrorAlert message={error} />}
      {open && presence !== 'present' && (
        <button type="button" className="button-primary live-big-button" disabled={busy !== null} onClick={() => void act('checkIn', () => run('live:attendance:checkIn', {}))}>
          {t('live.checkIn')}
        </button>
      )}
      {open && presence === 'present' && (
        <button type="button" disabled={busy !== null} onClick={() => setLeaving(true)}>
          {t('live.leave')}
        </button>
      )}
      {me.proxyFrom && <p className="live-proxy-note">{t('live.me.holds', { name: me.proxyFrom.name })}</p>}
      {me.proxyTo && (
        <div className="live-proxy-note">
          <p>{t('live.me.gave', { name: me.proxyTo.name })}</p>
          {open && (
            <button type="button" disabled={busy !== null} onClick={() => void act('revoke', () => run('live:proxy:revoke', {}))}>
              {t('live.proxy.revoke')}
            </button>
          )}
        </div>
      )}
      {canGiveProxy(me, state.status) && (
        <div className="live-proxy-offer">
          <p className="muted">{t('live.proxy.help')}</p>
          <button type="button" onClick={() => setProxyOpen(true)}>
            {t('live.proxy.give')}
          </button>
        </div>
      )}
      {proxyOpen && <ProxyDialog principal={me} onClose={() => setProxyOpen(false)} />}
      {leaving && (
        <ConfirmDialog
          title={t('live.leaveTitle')}
          message={t('live.leaveMessage')}
          confirmLabel={t('live.leave')}
          onClose={() => setLeaving(false)}
          onConfirm={async () => {
            await run('live:attendance:leave', {});
            setLeaving(false);
          }}
        />
      )}
    </section>
  );
}
