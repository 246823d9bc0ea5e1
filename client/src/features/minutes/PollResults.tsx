import type { MinutesPoll } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { percentOf } from './minutes-logic';

/** The closed polls of an item, as the server counted them: never typed in by hand. */
export function PollResults({ polls }: { polls: readonly MinutesPoll[] }) {
  const t = useT();
  if (polls.length === 0) return <p className="muted minutes-no-polls">{t('minutes.noPolls')}</p>;
  return (
    <ul className="minutes-polls plain-list">
      {polls.map((p) => (
        <li key={p.pollId} className="minutes-poll">
          <p className="minutes-poll-question">
            <span>{p.question}</span>
            <span className={p.passed ? 'badge minutes-badge is-ok' : 'badge minutes-badge is-bad'}>{p.passed ? t('minutes.poll.passed') : t('minutes.poll.rejected')}</span>
          </p>
          <dl className="minutes-poll-counts">
            {(
              [
                ['minutes.poll.inFavour', p.inFavour],
                ['minutes.poll.against', p.against],
                ['minutes.poll.notVoting', p.notVoting],
              ] as const
            ).map(([key, count]) => (
              <div key={key}>
                <dt>{t(key)}</dt>
                <dd>{t('minutes.poll.count', { count, percent: percentOf(count, p.base) })}</dd>
              </div>
            ))}
          </dl>
          <p className="minutes-poll-outcome">{p.outcome}</p>
          <p className="muted minutes-poll-base">{t('minutes.poll.base', { base: p.base })}</p>
        </li>
      ))}
    </ul>
  );
}
