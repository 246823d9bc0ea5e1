import { useCallback } from 'react';
import { ErrorCode } from '@e-cabinet/protocol';
import { useLocale, useT } from '../../i18n';
import { EmptyState, LoadState } from '../../ui/Alerts';
import { useResource } from '../../ui/hooks';
import { formatDateTime } from '../audit/format-time';
import { deliveriesApi } from './deliveries-api';
import { DeliveryBadge } from './DeliveryBadge';
import { CONNECTOR_KEY } from './delivery-logic';

/**
 * Where the meeting's result packages went, per connector. Only the secretary and the chair may
 * see it: for anyone else the server answers FORBIDDEN and the panel is not shown at all.
 */
export function DeliveryPanel({ meetingId }: { meetingId: string }) {
  const t = useT();
  const locale = useLocale();
  const packages = useResource(useCallback((signal: AbortSignal) => deliveriesApi.forMeeting(meetingId, signal), [meetingId]));
  if (!packages.data && (packages.errorCode === ErrorCode.FORBIDDEN || packages.errorCode === ErrorCode.NOT_FOUND)) return null;

  return (
    <section className="panel delivery-panel" aria-labelledby="delivery-panel-title">
      <div className="panel-header">
        <h2 id="delivery-panel-title">{t('deliveries.title')}</h2>
        <button type="button" onClick={packages.reload} disabled={packages.loading}>
          {t('deliveries.refresh')}
        </button>
      </div>
      <p className="muted">{t('deliveries.intro')}</p>
      <LoadState loading={packages.loading} error={packages.error} hasData={packages.data !== undefined} onRetry={packages.reload}>
        {packages.data?.length === 0 ? (
          <EmptyState title={t('deliveries.empty')} />
        ) : (
          <ul className="plain-list delivery-packages">
            {packages.data?.map((p) => (
              <li key={p.id} className="delivery-package">
                <h3>{t('deliveries.package', { number: p.documentNumber, notation: p.documentNotation, version: p.meetingVersion })}</h3>
                <p>{p.subject}</p>
                <p className="muted">{t('deliveries.submittedAt', { time: formatDateTime(p.submittedAt, locale) })}</p>
                <div className="table-wrap">
                  <table className="data-table delivery-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('deliveries.connector')}</th>
                        <th scope="col">{t('deliveries.status')}</th>
                        <th scope="col">{t('deliveries.attempts')}</th>
                        <th scope="col">{t('deliveries.deliveredAt')}</th>
                        <th scope="col">{t('deliveries.lastError')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {p.deliveries.map((d) => (
                        <tr key={d.id}>
                          <th scope="row">{t(CONNECTOR_KEY[d.connector])}</th>
                          <td>
                            <DeliveryBadge status={d.status} />
                            {d.status === 'pending' && d.nextAttemptAt && (
                              <span className="muted delivery-next">
                                {t('deliveries.nextAttemptAt')}: {formatDateTime(d.nextAttemptAt, locale)}
                              </span>
                            )}
                          </td>
                          <td>{t('deliveries.attemptsValue', { attempts: d.attempts, max: d.maxAttempts })}</td>
                          <td>{d.deliveredAt ? formatDateTime(d.deliveredAt, locale) : '—'}</td>
                          <td className="delivery-error">{d.lastError ?? '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </li>
            ))}
          </ul>
        )}
      </LoadState>
    </section>
  );
}
