import { useId } from 'react';
import type { TaskCounts } from '@e-cabinet/protocol';
import { useLocale, useT } from '../../i18n';
import { axisTicks, niceMax, stackSegments } from './chart-scale';
import { COUNT_KEYS, formatRate } from './task-logic';

export interface ChartRow extends TaskCounts {
  unitId: string;
  unitName: string;
}

const WIDTH = 720;
const LABEL = 200;
const RATE = 70;
const BAR_START = LABEL + 10;
const BAR_SPAN = WIDTH - BAR_START - RATE;
const ROW = 34;
const BAR = 20;
const TOP = 28;

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Tasks per unit as horizontal stacked bars (done on time, done late, overdue, open: together
 * the tasks assigned), with the on-time rate at the end of each. Pure SVG; the same figures are
 * in the table the page shows with it, which is what screen readers are pointed to.
 */
export function TaskBarChart({ rows }: { rows: readonly ChartRow[] }) {
  const t = useT();
  const locale = useLocale();
  const titleId = useId();
  const descId = useId();
  const max = niceMax(Math.max(0, ...rows.map((r) => r.assigned)));
  const ticks = axisTicks(max);
  const height = TOP + rows.length * ROW + 8;
  const x = (value: number) => BAR_START + (value / max) * BAR_SPAN;

  return (
    <figure className="task-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} preserveAspectRatio="xMinYMin meet">
        <title id={titleId}>{t('tasks.dashboard.chartTitle')}</title>
        <desc id={descId}>{t('tasks.dashboard.chartDesc')}</desc>
        {ticks.map((tick) => (
          <g key={tick} className="task-chart-tick">
            <line x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={height - 8} />
            <text x={x(tick)} y={TOP - 10} textAnchor="middle">
              {tick}
            </text>
          </g>
        ))}
        {rows.map((row, i) => {
          const y = TOP + i * ROW + (ROW - BAR) / 2;
          const segments = stackSegments(
            COUNT_KEYS.map((key) => ({ key, value: row[key] })),
            max,
            BAR_SPAN,
          );
          return (
            <g key={row.unitId}>
              <text x={LABEL} y={y + BAR / 2} textAnchor="end" dominantBaseline="central" className="task-chart-label">
                <title>{row.unitName}</title>
                {shorten(row.unitName, 28)}
              </text>
              {segments.map((s) => (
                <rect key={s.key} x={BAR_START + s.x} y={y} width={s.width} height={BAR} className={`task-chart-${s.key}`}>
                  <title>{`${t(`tasks.dashboard.${s.key}`)}: ${s.value}`}</title>
                </rect>
              ))}
              <text x={WIDTH - RATE + 8} y={y + BAR / 2} dominantBaseline="central" className="task-chart-rate">
                {formatRate(row.onTimeRate, locale)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="task-chart-legend">
          {COUNT_KEYS.map((key) => (
            <li key={key}>
              <span className={`task-chart-swatch task-chart-${key}`} aria-hidden="true" />
              {t(`tasks.dashboard.${key}`)}
            </li>
          ))}
          <li>
            <span className="task-chart-rate-mark" aria-hidden="true">
              %
            </span>
            {t('tasks.dashboard.onTimeRate')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
