import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useLocale, useT } from '../../i18n';
import { EmptyState, ErrorAlert, LoadState } from '../../ui/Alerts';
import { SelectField } from '../../ui/Field';
import { useDocumentTitle, useResource } from '../../ui/hooks';
import { formatShortDateTime } from '../meetings/meeting-time';
import { loadUnits } from '../units/units-api';
import { unitOptions } from '../units/unit-tree';
import { COUNT_KEYS, formatRate, sumCounts } from './task-logic';
import { TaskBarChart } from './TaskBarChart';
import { tasksApi } from './tasks-api';

const COLUMNS = ['assigned', ...COUNT_KEYS] as const;

/** "Thống kê nhiệm vụ": per unit and overall, as a chart and as a table with the same figures. */
export function TaskDashboardPage() {
  const t = useT();
  const locale = useLocale();
  useDocumentTitle(t('tasks.dashboard.title'));
  const [params, setParams] = useSearchParams();
  const unitId = /^[0-9a-f]{24}$/.test(params.get('unit') ?? '') ? params.get('unit') : null;
  const board = useResource(useCallback((signal: AbortSignal) => tasksApi.dashboard(unitId, signal), [unitId]));
  const units = useResource(loadUnits);
  const unitChoices = useMemo(() => [{ value: '', label: t('tasks.dashboard.allUnits') }, ...unitOptions(units.data ?? [], { keep: unitId })], [units.data, unitId, t]);
  const data = board.data;
  // The table's total is the sum of its rows (the same as the server's overall figures).
  const total = useMemo(() => sumCounts(data?.units ?? []), [data]);

  return (
    <section className="page">
      <div className="page-header">
        <h1>{t('tasks.dashboard.title')}</h1>
        <button type="button" onClick={board.reload} disabled={board.loading}>
          {t('tasks.refresh')}
        </button>
      </div>
      <p className="muted">{t('tasks.dashboard.intro')}</p>
      <div className="toolbar task-filters">
        <SelectField label={t('tasks.dashboard.unitFilter')} value={unitId ?? ''} onValueChange={(v) => setParams(v ? { unit: v } : {}, { replace: true })} options={unitChoices} />
      </div>
      {units.error && <ErrorAlert message={`${t('common.loadFailed')} ${units.error}`} />}
      <LoadState loading={board.loading} error={board.error} hasData={data !== undefined} onRetry={board.reload}>
        {data &&
          (data.overall.assigned === 0 ? (
            <EmptyState title={t('tasks.dashboard.empty')} />
          ) : (
            <>
              <ul className="task-kpis" aria-label={t('tasks.dashboard.total')}>
                {COLUMNS.map((key) => (
                  <li key={key} className={`task-kpi task-kpi-${key}`}>
                    <span className="task-kpi-value">{data.overall[key]}</span>
                    <span className="task-kpi-label">{t(`tasks.dashboard.${key}`)}</span>
                  </li>
                ))}
                <li className="task-kpi task-kpi-rate">
                  <span className="task-kpi-value">{formatRate(data.overall.onTimeRate, locale)}</span>
                  <span className="task-kpi-label">{t('tasks.dashboard.onTimeRate')}</span>
                </li>
              </ul>
              <p className="muted">{t('tasks.dashboard.rateHint')}</p>

              <section className="panel" aria-labelledby="task-chart-title">
                <h2 id="task-chart-title">{t('tasks.dashboard.chartTitle')}</h2>
                <TaskBarChart rows={data.units} />
              </section>

              <div className="table-wrap">
                <table className="data-table task-dashboard-table">
                  <caption>{t('tasks.dashboard.tableCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('tasks.dashboard.unit')}</th>
                      {COLUMNS.map((key) => (
                        <th key={key} scope="col" className="cell-num">
                          {t(`tasks.dashboard.${key}`)}
                        </th>
                      ))}
                      <th scope="col" className="cell-num">
                        {t('tasks.dashboard.onTimeRate')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.units.map((row) => (
                      <tr key={row.unitId}>
                        <th scope="row">{row.unitName}</th>
                        {COLUMNS.map((key) => (
                          <td key={key} className="cell-num">
                            {row[key]}
                          </td>
                        ))}
                        <td className="cell-num">{formatRate(row.onTimeRate, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                  {data.units.length > 1 && (
                    <tfoot>
                      <tr>
                        <th scope="row">{t('tasks.dashboard.total')}</th>
                        {COLUMNS.map((key) => (
                          <td key={key} className="cell-num">
                            {total[key]}
                          </td>
                        ))}
                        <td className="cell-num">{formatRate(total.onTimeRate, locale)}</td>
                      </tr>
                    </tfoot>
                  )}
                </table>
              </div>
              <p className="muted">{t('tasks.dashboard.asOf', { time: formatShortDateTime(data.at, locale) })}</p>
            </>
          ))}
      </LoadState>
    </section>
  );
}
