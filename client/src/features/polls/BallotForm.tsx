import { useId, useState } from 'react';
import type { Poll } from '@e-cabinet/protocol';
import { useLocale, useT } from '../../i18n';
import { toggleChoice, type BallotRight } from './ballots';
import { optionLabel } from './poll-logic';
import type { BallotStatus } from './use-ballots';

interface Props {
  poll: Poll;
  right: BallotRight;
  status: BallotStatus;
  onCast: (choice: string[]) => void;
}

/**
 * One ballot, big enough for a finger on a tablet: choose (the option buttons toggle and show
 * the choice), confirm, then a clear "recorded" state with the receipt code in a secret poll.
 * A proxy holder gets one of these per vote, headed "Biểu quyết thay cho …".
 */
export function BallotForm({ poll, right, status, onCast }: Props) {
  const t = useT();
  const locale = useLocale();
  const headingId = useId();
  const [selected, setSelected] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const { local } = status;
  const labelOf = (ids: readonly string[]) => poll.options.filter((o) => ids.includes(o.id)).map((o) => optionLabel(poll, o, locale));
  const heading = right.viaProxy ? t('polls.ballot.forPrincipal', { name: right.principalName }) : t('polls.ballot.yours');
  const multiple = poll.definition.kind === 'multiple';

  // Recorded: by this tab (with the receipt), by the server's own record, or found on a retry.
  const recorded = local?.state === 'accepted' || right.voted || status.recordedBefore !== null;
  if (recorded) {
    const choice = local?.state === 'accepted' ? local.choice : (right.choice ?? status.recordedBefore?.choice ?? null);
    return (
      <section className="ballot ballot-done" aria-labelledby={headingId}>
        <h4 id={headingId} className="ballot-heading">
          {heading}
        </h4>
        <p className="ballot-done-title" role="status">
          <span aria-hidden="true" className="ballot-done-mark">
            ✓
          </span>{' '}
          {t('polls.ballot.recorded')}
        </p>
        {choice && choice.length > 0 && <p className="ballot-done-choice">{t('polls.ballot.yourChoice', { choice: labelOf(choice).join(', ') })}</p>}
        {poll.definition.secrecy === 'secret' &&
          (local?.receipt ? (
            <p className="ballot-receipt">
              {t('polls.ballot.receipt')} <strong className="ballot-receipt-code" data-testid="ballot-receipt">{local.receipt}</strong>
              <span className="muted ballot-receipt-help">{t('polls.ballot.receiptHelp')}</span>
            </p>
          ) : (
            <p className="muted">{t('polls.ballot.secretNoReceipt')}</p>
          ))}
      </section>
    );
  }

  if (local?.state === 'pending' && !status.message) {
    return (
      <section className="ballot ballot-sending" aria-labelledby={headingId} aria-busy="true">
        <h4 id={headingId} className="ballot-heading">
          {heading}
        </h4>
        <p role="status">{t('polls.ballot.sending')}</p>
      </section>
    );
  }

  if (local?.state === 'pending' && status.message && !status.final && !status.sending) {
    // Not acknowledged: the same ballot (same key) goes again, here or on reconnect. Never a new choice.
    return (
      <section className="ballot ballot-retry" aria-labelledby={headingId}>
        <h4 id={headingId} className="ballot-heading">
          {heading}
        </h4>
        <p role="alert">{t('polls.ballot.notSent', { message: status.message })}</p>
        <p>{t('polls.ballot.yourChoice', { choice: labelOf(local.choice).join(', ') })}</p>
        <button type="button" className="button-primary ballot-submit" onClick={() => onCast(local.choice)}>
          {t('polls.ballot.resend')}
        </button>
      </section>
    );
  }

  if (status.final) {
    return (
      <section className="ballot" aria-labelledby={headingId}>
        <h4 id={headingId} className="ballot-heading">
          {heading}
        </h4>
        <p role="alert">{status.message}</p>
      </section>
    );
  }

  if (confirming && selected.length > 0) {
    return (
      <section className="ballot ballot-confirm" aria-labelledby={headingId}>
        <h4 id={headingId} className="ballot-heading">
          {heading}
        </h4>
        <p className="ballot-confirm-question">{t('polls.ballot.confirmQuestion')}</p>
        <ul className="ballot-confirm-choice">
          {labelOf(selected).map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
        <p className="muted">{t('polls.ballot.final')}</p>
        <div className="ballot-actions">
          <button type="button" className="ballot-back" onClick={() => setConfirming(false)}>
            {t('polls.ballot.back')}
          </button>
          <button
            type="button"
            className="button-primary ballot-submit"
            disabled={status.sending}
            onClick={() => {
              setConfirming(false);
              onCast(selected);
            }}
          >
            {t('polls.ballot.confirm')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="ballot" aria-labelledby={headingId}>
      <h4 id={headingId} className="ballot-heading">
        {heading}
      </h4>
      {status.message && <p role="alert" className="field-error">{status.message}</p>}
      <p className="muted ballot-hint">{multiple ? t('polls.ballot.pickUpTo', { max: poll.maxChoices, count: selected.length }) : t('polls.ballot.pickOne')}</p>
      <div className="ballot-options" role="group" aria-labelledby={headingId}>
        {poll.options.map((o) => {
          const on = selected.includes(o.id);
          const full = multiple && !on && selected.length >= poll.maxChoices;
          return (
            <button
              key={o.id}
              type="button"
              className={`ballot-option ballot-option-${o.id} ${on ? 'ballot-option-on' : ''}`}
              aria-pressed={on}
              disabled={full}
              onClick={() => setSelected((s) => toggleChoice(poll, s, o.id))}
            >
              <span className="ballot-option-mark" aria-hidden="true">
                {on ? '✓' : ''}
              </span>
              {optionLabel(poll, o, locale)}
            </button>
          );
        })}
      </div>
      <button type="button" className="button-primary ballot-submit" disabled={selected.length === 0} onClick={() => setConfirming(true)}>
        {t('polls.ballot.submit')}
      </button>
    </section>
  );
}
