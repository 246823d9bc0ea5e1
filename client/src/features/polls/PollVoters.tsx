import type { SyntheticEvent } from 'react';
import type { Poll, PollVoterChoice } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { usePollVoters, type VotersState } from './use-poll-voters';

interface Props {
  poll: Pick<Poll, 'id' | 'meetingId'>;
  /** The list, when the result at hand already carries it (a poll asked for by itself). */
  known: PollVoterChoice[] | null;
  /** How many entries the list has (the result's `voterCount`). */
  count: number;
  /** Option labels of a choice, joined. */
  labels: (ids: readonly string[]) => string;
}

/**
 * A closed named poll's "who voted what", folded: opening it fetches the list (the result sent
 * to every screen carries the counts only), with a loading line and a retry on failure.
 */
export function PollVoters({ poll, known, count, labels }: Props) {
  const t = useT();
  const { state, load } = usePollVoters(poll.meetingId, poll.id, known);
  const onToggle = (e: SyntheticEvent<HTMLDetailsElement>) => {
    if (e.currentTarget.open && (state.kind === 'idle' || state.kind === 'error')) load();
  };
  return (
    <details className="poll-voters" onToggle={onToggle}>
      <summary>{t('polls.result.voters', { count })}</summary>
      <VotersList state={state} labels={labels} onRetry={load} />
    </details>
  );
}

/** The list's body for each state of its fetch. */
export function VotersList({ state, labels, onRetry }: { state: VotersState; labels: (ids: readonly string[]) => string; onRetry: () => void }) {
  const t = useT();
  switch (state.kind) {
    case 'idle':
      return null;
    case 'loading':
      return (
        <p className="muted" role="status" aria-busy="true">
          {t('polls.result.votersLoading')}
        </p>
      );
    case 'error':
      return (
        <div className="alert alert-error">
          <p role="alert">{t('polls.result.votersFailed', { message: state.message })}</p>
          <button type="button" className="button-quiet" onClick={onRetry}>
            {t('polls.result.votersRetry')}
          </button>
        </div>
      );
    case 'loaded':
      if (state.voters.length === 0) return <p className="muted">{t('polls.result.noBallots')}</p>;
      return (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('polls.result.voter')}</th>
              <th scope="col">{t('polls.result.choice')}</th>
            </tr>
          </thead>
          <tbody>
            {state.voters.map((v) => (
              <tr key={v.principalId}>
                <th scope="row">
                  {v.principalName}
                  {v.viaProxy && <span className="cell-sub">{t('polls.result.viaProxy', { name: v.voterName })}</span>}
                </th>
                <td>{labels(v.choice)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}
