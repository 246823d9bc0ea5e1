import { useCallback } from 'react';
import { useLocale, useT } from '../../i18n';
import { EmptyState, LoadState } from '../../ui/Alerts';
import { useReloadOn, useResource } from '../../ui/hooks';
import { formatShortDateTime } from '../meetings/meeting-time';
import { documentsApi } from './documents-api';

/** "Tình hình đọc tài liệu": for organisers, who has opened which document and who has not. */
export function ReadReportPanel({ meetingId, version }: { meetingId: string; version: number }) {
  const t = useT();
  const locale = useLocale();
  const report = useResource(useCallback((signal: AbortSignal) => documentsApi.readReport(meetingId, signal), [meetingId]));
  useReloadOn(version, report.reload);

  return (
    <section className="panel" aria-labelledby="reads-title">
      <div className="panel-header">
        <h2 id="reads-title">{t('reads.title')}</h2>
        <button type="button" onClick={report.reload} disabled={report.loading}>
          {t('reads.refresh')}
        </button>
      </div>
      <LoadState loading={report.loading} error={report.error} hasData={report.data !== undefined} onRetry={report.reload}>
        {report.data?.length === 0 ? (
          <EmptyState title={t('reads.empty')} />
        ) : (
          <div className="table-wrap">
            <table className="data-table read-report">
              <thead>
                <tr>
                  <th scope="col">{t('reads.document')}</th>
                  <th scope="col">{t('reads.opened')}</th>
                  <th scope="col">{t('reads.notOpened')}</th>
                </tr>
              </thead>
              <tbody>
                {(report.data ?? []).map((row) => {
                  const total = row.readers.length + row.notOpened.length;
                  return (
                    <tr key={row.documentId}>
                      <th scope="row">
                        {row.title}
                        <span className="cell-sub">{t('docs.version', { version: row.version })}</span>
                      </th>
                      <td>
                        <span className="read-count">{t('reads.count', { read: row.readers.length, total })}</span>
                        {row.readers.length > 0 && (
                          <ul className="plain-list">
                            {row.readers.map((r) => (
                              <li key={r.userId}>
                                {r.name}{' '}
                                <span className="muted">
                                  {formatShortDateTime(r.openedAt, locale)}
                                  {r.version < row.version && ` · ${t('reads.olderVersion', { version: r.version })}`}
                                </span>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td>
                        {row.notOpened.length === 0 ? (
                          <span className="muted">{t('reads.everyone')}</span>
                        ) : (
                          <ul className="plain-list not-opened">
                            {row.notOpened.map((r) => (
                              <li key={r.userId}>{r.name}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </LoadState>
    </section>
  );
}
