import { useId } from 'react';
import type { Poll, PollResult } from '@e-cabinet/protocol';
import { useLocale, useT, type TFunction } from '../../i18n';
import { chartBars, formatPercent, optionLabel, resultRows, type ResultRow } from './poll-logic';
import { PollVoters } from './PollVoters';

const CHART = { width: 640, label: 230, value: 130, row: 48, bar: 28 } as const;

/** The verdict in two or three words: "Thông qua", "Không thông qua", "Hòa phiếu", … */
export function verdictText(t: TFunction, poll: Pick<Poll, 'definition'>, result: Pick<PollResult, 'outcome'>): string {
  const { passed, reason } = result.outcome;
  const motion = poll.definition.kind === 'yesNoAbstain';
  if (passed) return motion ? t('polls.verdict.passed') : t('polls.verdict.chosen');
  if (reason === 'NO_QUORUM') return t('polls.verdict.noQuorum');
  if (reason === 'NO_VOTES') return t('polls.verdict.noVotes');
  if (reason === 'TIE') return t('polls.verdict.tie');
  return motion ? t('polls.verdict.failed') : t('polls.verdict.noResult');
}

/**
 * A closed poll's result: verdict and the reason in words, counts and percentages as a bar chart
 * (pure SVG, `role="img"` with the numbers in its label) and as a table, then who voted what
 * (named; fetched when opened) or every ballot by receipt code with the voter's own highlighted (secret).
 */
export function PollResultView({ poll, result, myReceipts }: { poll: Poll; result: PollResult; myReceipts: readonly string[] }) {
  const t = useT();
  const locale = useLocale();
  const rows = resultRows(poll, result, locale);
  const tableId = useId();
  const passed = result.outcome.passed;
  const labels = (ids: readonly string[]) =>
    poll.options
      .filter((o) => ids.includes(o.id))
      .map((o) => optionLabel(poll, o, locale))
      .join(', ') || t('polls.result.emptyChoice');

  return (
    <div className="poll-result" data-testid="poll-result">
      <p className={passed ? 'poll-verdict poll-verdict-passed' : 'poll-verdict poll-verdict-failed'}>
        <span aria-hidden="true">{passed ? '✓ ' : '✗ '}</span>
        {verdictText(t, poll, result)}
      </p>
      <p className="poll-explanation">{result.explanation[locale]}</p>
      <p className="muted">{t('polls.result.numbers', { cast: result.cast, present: result.present, members: result.members })}</p>
      {result.outcome.quorumMet === false && <p className="alert alert-warning">{t('polls.result.quorumMissing')}</p>}
      <ResultChart rows={rows} t={t} locale={locale} describedBy={tableId} />
      <table className="data-table poll-result-table" id={tableId}>
        <caption>{t('polls.result.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('polls.result.option')}</th>
            <th scope="col" className="cell-num">
              {t('polls.result.votes')}
            </th>
            <th scope="col" className="cell-num">
              {t('polls.result.percent')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.winner ? 'poll-row-winner' : undefined}>
              <th scope="row">
                {r.label}
                {r.winner && <span className="badge poll-badge-winner">{poll.definition.kind === 'yesNoAbstain' ? t('polls.result.carried') : t('polls.result.elected')}</span>}
              </th>
              <td className="cell-num">{r.votes}</td>
              <td className="cell-num">{formatPercent(r.percent, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {poll.definition.secrecy === 'named' && <PollVoters poll={poll} known={result.voters} count={result.voterCount ?? result.voters?.length ?? result.cast} labels={labels} />}
      {result.bulletin && (
        <details className="poll-bulletin" open={myReceipts.length > 0}>
          <summary>{t('polls.result.bulletin', { count: result.bulletin.length })}</summary>
          <p className="muted">{t('polls.result.bulletinHelp')}</p>
          {result.bulletin.length === 0 ? (
            <p className="muted">{t('polls.result.noBallots')}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('polls.result.receipt')}</th>
                  <th scope="col">{t('polls.result.choice')}</th>
                </tr>
              </thead>
              <tbody>
                {result.bulletin.map((b) => {
                  const mine = myReceipts.includes(b.receipt);
                  return (
                    <tr key={b.receipt} className={mine ? 'poll-row-mine' : undefined} aria-current={mine ? 'true' : undefined}>
                      <th scope="row" className="cell-mono">
                        {b.receipt}
                        {mine && <span className="badge poll-badge-mine">{t('polls.result.mine')}</span>}
                      </th>
                      <td>{labels(b.choice)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </details>
      )}
    </div>
  );
}

/** At most this many characters of an option label inside the chart; the table has them whole. */
const MAX_LABEL = 20;
const clip = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);

function ResultChart({ rows, t, locale, describedBy }: { rows: readonly ResultRow[]; t: TFunction; locale: 'vi' | 'en'; describedBy: string }) {
  const barArea = CHART.width - CHART.label - CHART.value;
  const bars = chartBars(rows, locale, barArea, CHART.row);
  const height = Math.max(CHART.row, bars.length * CHART.row);
  const summary = rows.map((r) => `${r.label}: ${r.votes} (${formatPercent(r.percent, locale)})`).join('; ');
  return (
    <svg
      className="poll-chart"
      role="img"
      aria-label={t('polls.result.chartLabel', { summary })}
      aria-describedby={describedBy}
      viewBox={`0 0 ${CHART.width} ${height}`}
      preserveAspectRatio="xMinYMin meet"
    >
      {bars.map((b) => {
        const mid = b.y + CHART.row / 2;
        return (
          <g key={b.id} className={b.winner ? 'poll-bar poll-bar-winner' : 'poll-bar'}>
            <text x={CHART.label - 8} y={mid} textAnchor="end" dominantBaseline="middle" className="poll-bar-label">
              {clip(b.label)}
            </text>
            <rect x={CHART.label} y={mid - CHART.bar / 2} width={barArea} height={CHART.bar} className="poll-bar-track" rx={4} />
            {b.width > 0 && <rect x={CHART.label} y={mid - CHART.bar / 2} width={b.width} height={CHART.bar} className="poll-bar-fill" rx={4} />}
            <text x={CHART.label + barArea + 8} y={mid} dominantBaseline="middle" className="poll-bar-value">
              {b.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
