import type { AuditEntry } from '@e-cabinet/protocol';
import { useLocale, useT } from '../../i18n';
import { formatDateTime } from './format-time';

interface AuditTableProps {
  entries: readonly AuditEntry[];
  actorName: (actorId: string) => string;
}

export function AuditTable({ entries, actorName }: AuditTableProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{t('audit.timezone')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.seq')}</th>
            <th scope="col">{t('audit.time')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.target')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <th scope="row" className="cell-num">
                {entry.seq}
              </th>
              <td>
                <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              </td>
              <td>{entry.actorId ? actorName(entry.actorId) : t('audit.system')}</td>
              <td className="cell-mono">{entry.action}</td>
              <td className="cell-mono cell-wrap">{entry.target ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
