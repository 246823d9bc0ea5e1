import { useState } from 'react';
import type { AgendaItem, Poll } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { EmptyState, ErrorAlert } from '../../ui/Alerts';
import { useLiveRoomContext } from '../live/live-room-context';
import { ballotRights, receiptsFor } from './ballots';
import { PollCard } from './PollCard';
import { PollFormDialog } from './PollFormDialog';
import { sortPolls } from './poll-logic';
import { useBallots, useRetryPendingBallots } from './use-ballots';
import { usePolls } from './use-polls';

function tabStore() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * "Biểu quyết" in the room: the chair or secretary prepares polls on agenda items, the chair
 * opens and closes them, delegates vote (for themselves and for a principal whose proxy they
 * hold), and everyone sees the progress and then the result.
 */
export function PollsPanel({ agenda }: { agenda: readonly AgendaItem[] }) {
  const t = useT();
  const { meetingId, state, meId, can } = useLiveRoomContext();
  const polls = usePolls(meetingId, state.polls, { organiser: can.runMeeting });
  const ballots = useBallots();
  useRetryPendingBallots(ballots.retryPending, meId);
  const [creating, setCreating] = useState(false);
  const list = sortPolls(polls.polls);
  const canPrepare = can.runMeeting && state.status !== 'ended' && state.status !== 'closed';
  const store = tabStore();

  return (
    <section className="panel polls-panel" aria-labelledby="polls-title">
      <div className="panel-header">
        <h2 id="polls-title">{t('polls.title')}</h2>
        {canPrepare && (
          <button type="button" onClick={() => setCreating(true)} disabled={agenda.length === 0}>
            {t('polls.create')}
          </button>
        )}
      </div>
      {polls.error && (
        <ErrorAlert message={`${t('common.loadFailed')} ${polls.error}`}>
          <button type="button" onClick={polls.reload}>
            {t('common.retry')}
          </button>
        </ErrorAlert>
      )}
      {!polls.loaded && !polls.error ? (
        <p className="muted loading">{t('common.loading')}</p>
      ) : list.length === 0 ? (
        polls.loaded && <EmptyState title={t('polls.empty')}>{canPrepare && <p className="muted">{t('polls.emptyHelp')}</p>}</EmptyState>
      ) : (
        <div className="poll-list">
          {list.map((poll: Poll) => (
            <PollCard
              key={poll.id}
              poll={poll}
              agenda={agenda}
              rights={poll.status === 'open' ? ballotRights(state.attendance, meId, polls.myBallots[poll.id]) : []}
              statusOf={(principalId) => ballots.statusOf(poll.id, principalId)}
              onCast={(right, choice) => void ballots.cast(poll.id, right.principalId, right.viaProxy ? right.principalId : undefined, choice)}
              tally={polls.tallies[poll.id]}
              myReceipts={poll.status === 'closed' && store ? receiptsFor(store, poll.id) : []}
              onChanged={polls.put}
              onRemoved={polls.reload}
            />
          ))}
        </div>
      )}
      {creating && (
        <PollFormDialog
          meetingId={meetingId}
          agenda={agenda}
          currentItemId={state.currentItemId}
          onClose={() => setCreating(false)}
          onSaved={(poll) => {
            setCreating(false);
            polls.put(poll);
          }}
        />
      )}
    </section>
  );
}
