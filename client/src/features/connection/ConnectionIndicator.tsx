import { useT } from '../../i18n';
import { useConnection } from './connection-context';
import { indicatorFor } from './connection-state';

/** Online / reconnecting / offline, in words and colour (never colour alone). */
export function ConnectionIndicator() {
  const t = useT();
  const { state } = useConnection();
  const indicator = indicatorFor(state);
  return (
    <div role="status" className={`conn conn-${indicator}`} data-state={indicator}>
      <span className="conn-dot" aria-hidden="true" />
      <span className="visually-hidden">{t('conn.label')}: </span>
      <span>{t(`conn.${indicator}`)}</span>
    </div>
  );
}

/** Shown when the server speaks a newer protocol: nothing will work until a reload. */
export function NewVersionBanner() {
  const t = useT();
  const { state } = useConnection();
  if (!state.newVersion) return null;
  return (
    <div role="alert" className="banner banner-warning">
      <p>{t('conn.newVersion')}</p>
      <button type="button" className="button-primary" onClick={() => window.location.reload()}>
        {t('conn.reload')}
      </button>
    </div>
  );
}
