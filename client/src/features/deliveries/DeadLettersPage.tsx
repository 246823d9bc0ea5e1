import { useState } from 'react';
import type { Delivery } from '@e-cabinet/protocol';
import { useLocale, useT } from '../../i18n';
import { EmptyState, LoadState } from '../../ui/Alerts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useDocumentTitle, useResource } from '../../ui/hooks';
import { useToast } from '../../ui/Toasts';
import { formatDateTime } from '../audit/format-time';
import { deliveriesApi } from './deliveries-api';
import { DeliveryBadge } from './DeliveryBadge';
import { CONNECTOR_KEY, withoutDelivery } from './delivery-logic';

const loadDead = (signal: AbortSignal) => deliveriesApi.list('dead', signal);

/** Admin: deliveries that gave up ("dead letters"), each sent again on request. */
export function DeadLettersPage() {
  const t = useT();
  const locale = useLocale();
  const toast = useToast();
  const dead = useResource(loadDead);
  const [retrying, setRetrying] = useState<Delivery | null>(null);
  useDocumentTitle(t('deliveries.adminTitle'));

  return (
    <section className="page deliveries-page">
      <div className="page-header">
        <h1>{t('deliveries.adminTitle')}</h1>
        <button type="button" onClick={dead.reload} disabled={dead.loading}>
          {t('deliveries.refresh')}
        </button>
      </div>
      <p className="muted">{t('deliveries.adminIntro')}</p>
      <LoadState loading={dead.loading} error={dead.error} hasData={dead.data !== undefined} onRetry={dead.reload}>
        {dead.data?.length === 0 ? (
          <EmptyState title={t('deliveries.adminEmpty')} />
        ) : (
          <div className="table-wrap">
            <table className="data-table delivery-table">
              <thead>
                <tr>
                  <th scope="col">{t('deliveries.meeting')}</th>
                  <th scope="col">{t('deliveries.connector')}</th>
                  <th scope="col">{t('deliveries.status')}</th>
                  <th scope="col">{t('deliveries.attempts')}</th>
                  <th scope="col">{t('deliveries.lastError')}</th>
                  <th scope="col">{t('deliveries.createdAt')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('deliveries.retry')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {dead.data?.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">
                      {/* Not a link: an administrator usually does not take part in the meeting. */}
                      {d.meetingTitle}
                      <span className="muted delivery-version"> · {t('minutes.version', { version: d.meetingVersion })}</span>
                    </th>
                    <td>{t(CONNECTOR_KEY[d.connector])}</td>
                    <td>
                      <DeliveryBadge status={d.status} />
                    </td>
                    <td>{t('deliveries.attemptsValue', { attempts: d.attempts, max: d.maxAttempts })}</td>
                    <td className="delivery-error">{d.lastError ?? '—'}</td>
                    <td>{formatDateTime(d.createdAt, locale)}</td>
                    <td>
                      <button type="button" onClick={() => setRetrying(d)}>
                        {t('deliveries.retry')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadState>
      {retrying && (
        <ConfirmDialog
          title={t('deliveries.retryConfirmTitle')}
          message={t('deliveries.retryConfirmBody', { version: retrying.meetingVersion, title: retrying.meetingTitle, connector: t(CONNECTOR_KEY[retrying.connector]) })}
          confirmLabel={t('deliveries.retry')}
          onClose={() => setRetrying(null)}
          onConfirm={async () => {
            await deliveriesApi.retry(retrying.id);
            dead.set((items) => (items ? withoutDelivery(items, retrying.id) : items));
            setRetrying(null);
            toast(t('deliveries.retried'));
          }}
        />
      )}
    </section>
  );
}
