import { useState } from 'react';
import type { AgendaItem, Poll } from '@e-cabinet/protocol';
import { useLocale, useT } from '../../i18n';
import { CheckboxField } from '../../ui/Field';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { FormError, useFormError } from '../../ui/FormError';
import { useSubmit } from '../../ui/hooks';
import { formatClock } from '../live/live-logic';
import { useLiveRoomContext } from '../live/live-room-context';
import { ackValue, sendCommand } from '../live/socket-command';
import { useConnection } from '../connection/connection-context';
import { useServerNow } from '../live/use-server-now';
import { BallotForm } from './BallotForm';
import type { BallotRight } from './ballots';
import { formatPercent, optionLabel, percentOf, pollSecondsLeft } from './poll-logic';
import { PollFormDialog } from './PollFormDialog';
import { PollResultView } from './PollResultView';
import { pollsApi } from './polls-api';
import type { BallotStatus } from './use-ballots';
import type { RunningTally } from './use-polls';

interface Props {
  poll: Poll;
  agenda: readonly AgendaItem[];
  rights: readonly BallotRight[];
  statusOf: (principalId: string) => BallotStatus;
  onCast: (right: BallotRight, choice: string[]) => void;
  tally: RunningTally | undefined;
  myReceipts: readonly string[];
  onChanged: (poll: Poll) => void;
  onRemoved: () => void;
}

/** One poll in the room: its question and rules, then by stage the chair's controls, the ballot forms and progress, or the result. */
export function PollCard({ poll, agenda, rights, statusOf, onCast, tally, myReceipts, onChanged, onRemoved }: Props) {
  const t = useT();
  const { role, can, state, meetingId } = useLiveRoomContext();
  const [editing, setEditing] = useState(false);
  const [opening, setOpening] = useState(false);
  const [closing, setClosing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const { socket } = useConnection();
  const item = agenda.find((i) => i.id === poll.itemId);
  const isChair = role === 'chair';
  const { definition } = poll;
  const ruleKey = definition.rule.kind === 'simple' ? (definition.kind === 'yesNoAbstain' ? 'polls.rule.simple' : 'polls.rule.plurality') : definition.rule.kind === 'fraction' ? null : `polls.rule.${definition.rule.kind}` as const;

  return (
    <article className={`poll-card poll-card-${poll.status}`} aria-labelledby={`poll-${poll.id}-q`} data-poll-id={poll.id}>
      <header className="poll-card-header">
        <div className="poll-badges">
          <span className={`badge poll-status poll-status-${poll.status}`}>{t(`polls.status.${poll.status}`)}</span>
          <span className="badge poll-secrecy">{t(`polls.secrecy.${definition.secrecy}`)}</span>
          <span className="badge poll-kind">{definition.kind === 'multiple' ? t('polls.kind.multipleMax', { max: poll.maxChoices }) : t(`polls.kind.${definition.kind}`)}</span>
        </div>
        <h3 id={`poll-${poll.id}-q`} className="poll-question">
          {poll.question}
        </h3>
        <p className="muted poll-meta">
          {item && <>{t('polls.onItem', { title: item.title })} · </>}
          {ruleKey && (definition.rule.kind === 'simple' ? t('polls.rulesLineSimple', { rule: t(ruleKey) }) : t('polls.rulesLine', { rule: t(ruleKey), base: t(`polls.base.${definition.base}`) }))}
        </p>
      </header>

      {poll.status === 'draft' && can.runMeeting && (
        <div className="action-bar-buttons poll-draft-actions">
          {isChair && (
            <button type="button" className="button-primary" disabled={state.status !== 'live'} onClick={() => setOpening(true)}>
              {t('polls.open')}
            </button>
          )}
          <button type="button" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </button>
          <button type="button" className="button-quiet" onClick={() => setRemoving(true)}>
            {t('polls.remove')}
          </button>
          {state.status !== 'live' && isChair && <p className="muted">{t('polls.openWhenLive')}</p>}
        </div>
      )}

      {poll.status === 'open' && (
        <>
          <PollProgress poll={poll} />
          {can.runMeeting && !poll.hideTallyUntilClose && <TallyView poll={poll} tally={tally} />}
          {can.runMeeting && poll.hideTallyUntilClose && <p className="muted">{t('polls.tallyHidden')}</p>}
          {rights.length > 0 ? (
            <div className="ballots">
              {rights.map((r) => (
                <BallotForm key={r.principalId} poll={poll} right={r} status={statusOf(r.principalId)} onCast={(choice) => onCast(r, choice)} />
              ))}
            </div>
          ) : (
            <p className="muted poll-no-right">{t('polls.noRight')}</p>
          )}
          {isChair && (
            <button type="button" className="button-danger poll-close" onClick={() => setClosing(true)}>
              {t('polls.close')}
            </button>
          )}
        </>
      )}

      {poll.status === 'closed' && (poll.result ? <PollResultView poll={poll} result={poll.result} myReceipts={myReceipts} /> : <p className="muted">{t('polls.resultPending')}</p>)}

      {editing && (
        <PollFormDialog
          meetingId={meetingId}
          agenda={agenda}
          currentItemId={state.currentItemId}
          poll={poll}
          onClose={() => setEditing(false)}
          onSaved={(p) => {
            setEditing(false);
            onChanged(p);
          }}
        />
      )}
      {opening && <OpenPollDialog poll={poll} onClose={() => setOpening(false)} onOpened={onChanged} />}
      {closing && (
        <ConfirmDialog
          title={t('polls.closeTitle')}
          message={t('polls.closeMessage', { voted: poll.voted, eligible: poll.eligible })}
          confirmLabel={t('polls.close')}
          danger
          onClose={() => setClosing(false)}
          onConfirm={async () => {
            const res = ackValue(await sendCommand(socket, 'poll:close', { pollId: poll.id }));
            setClosing(false);
            onChanged(res.poll);
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('polls.removeTitle')}
          message={t('polls.removeMessage', { question: poll.question })}
          confirmLabel={t('polls.remove')}
          danger
          onClose={() => setRemoving(false)}
          onConfirm={async () => {
            await pollsApi.remove(meetingId, poll.id);
            setRemoving(false);
            onRemoved();
          }}
        />
      )}
    </article>
  );
}

/** "k/n đã biểu quyết", a bar, and the time left when the poll has a timer. */
function PollProgress({ poll }: { poll: Poll }) {
  const t = useT();
  const { clockOffset } = useLiveRoomContext();
  const now = useServerNow(clockOffset, poll.closesAt !== null, 500);
  const left = pollSecondsLeft(poll, now);
  return (
    <div className="poll-progress" aria-live="polite">
      <p className="poll-progress-text">
        <strong data-testid="poll-progress">
          {poll.voted}/{poll.eligible}
        </strong>{' '}
        {t('polls.votedSuffix')}
      </p>
      <progress className="poll-progress-bar" max={Math.max(1, poll.eligible)} value={Math.min(poll.voted, Math.max(1, poll.eligible))} aria-hidden="true" />
      {left !== null && (
        <p className={left <= 10 ? 'poll-timer poll-timer-ending' : 'poll-timer'}>
          {t('polls.timeLeft', { time: formatClock(left) })}
        </p>
      )}
    </div>
  );
}

/** The running count for the chair and secretary while the poll is open. */
function TallyView({ poll, tally }: { poll: Poll; tally: RunningTally | undefined }) {
  const t = useT();
  const locale = useLocale();
  if (!tally) return <p className="muted">{t('polls.tallyWaiting')}</p>;
  return (
    <div className="poll-tally">
      <p className="poll-tally-title">{t('polls.tallyTitle', { cast: tally.cast })}</p>
      <ul className="plain-list">
        {poll.options.map((o) => {
          const votes = tally.counts[o.id] ?? 0;
          return (
            <li key={o.id}>
              {optionLabel(poll, o, locale)}: <strong>{votes}</strong> ({formatPercent(percentOf(votes, tally.cast), locale)})
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The chair opens a draft; without a quorum they must say so explicitly (the server records the override). */
function OpenPollDialog({ poll, onClose, onOpened }: { poll: Poll; onClose: () => void; onOpened: (p: Poll) => void }) {
  const t = useT();
  const { state } = useLiveRoomContext();
  const { socket } = useConnection();
  const [override, setOverride] = useState(false);
  const [serverSaysNoQuorum, setServerSaysNoQuorum] = useState(false);
  const q = state.quorum;
  const noQuorum = !q.met || serverSaysNoQuorum;
  const { run, busy, error } = useSubmit(async () => {
    const res = await sendCommand(socket, 'poll:open', { pollId: poll.id, ...(noQuorum && override ? { override: true } : {}) });
    if (!res.ok && res.code === 'NO_QUORUM') setServerSaysNoQuorum(true);
    const opened = ackValue(res);
    onClose();
    onOpened(opened.poll);
  });
  const { summary, details } = useFormError(error, []);
  return (
    <Dialog title={t('polls.openTitle')} onClose={onClose}>
      <p className="poll-question">{poll.question}</p>
      {poll.durationSec && <p>{t('polls.openTimer', { time: formatClock(poll.durationSec) })}</p>}
      {noQuorum && (
        <div className="alert alert-warning">
          <p>{t('polls.openNoQuorum', { present: q.present, members: q.members, required: q.required })}</p>
          <CheckboxField label={t('polls.overrideLabel')} checked={override} onCheckedChange={setOverride} />
        </div>
      )}
      <FormError summary={summary} details={details} hasFieldErrors={false} />
      <div className="dialog-actions">
        <button type="button" data-autofocus onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button-primary" disabled={busy || (noQuorum && !override)} onClick={() => void run()}>
          {noQuorum ? t('polls.openAnyway') : t('polls.open')}
        </button>
      </div>
    </Dialog>
  );
}
