import { useCallback, useMemo } from 'react';
import type { Meeting, Participant, RsvpEntry } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alerts';
import { useReloadOn, useResource } from '../../ui/hooks';
import { meetingsApi } from './meetings-api';
import { canAnswerInvitation, isOrganiser } from './permissions';

/**
 * Who takes part, with their meeting roles; for organisers once invitations are out, also each
 * person's answer.
 */
export function ParticipantsSection({ meeting, reportsVersion }: { meeting: Meeting; reportsVersion: number }) {
  const t = useT();
  const showAnswers = isOrganiser(meeting.myRole) && meeting.status !== 'draft' && meeting.status !== 'submitted' && meeting.status !== 'approved';
  const load = useCallback(
    (signal: AbortSignal) => (showAnswers ? meetingsApi.rsvps(meeting.id, signal) : Promise.resolve([] as RsvpEntry[])),
    [meeting.id, showAnswers],
  );
  const rsvps = useResource(load);
  // Fetched again whenever the page hears that something in the meeting changed.
  useReloadOn(reportsVersion, rsvps.reload);
  const answers = useMemo(() => new Map((rsvps.data ?? []).map((r) => [r.userId, r])), [rsvps.data]);
  const names = useMemo(() => new Map(meeting.participants.filter((p) => p.userId).map((p) => [p.userId!, p.name])), [meeting.participants]);

  const answerOf = (p: Participant) => {
    if (!p.userId) return '—';
    const entry = answers.get(p.userId);
    if (!entry) return canAnswerInvitation(meeting) ? t('rsvp.noAnswer') : '—';
    if (entry.response === 'substitute' && entry.substituteUserId) {
      return t('rsvp.substitutedBy', { name: names.get(entry.substituteUserId) ?? '—' });
    }
    return t(`rsvp.${entry.response}`);
  };

  return (
    <section className="panel" aria-labelledby="participants-title">
      <h2 id="participants-title">{t('participants.label')}</h2>
      {rsvps.error && <ErrorAlert message={`${t('common.loadFailed')} ${rsvps.error}`} />}
      {meeting.participants.length === 0 ? (
        <p className="muted">{t('participants.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('participants.count', { count: meeting.participants.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('participants.name')}</th>
                <th scope="col">{t('participants.role')}</th>
                {showAnswers && <th scope="col">{t('rsvp.answer')}</th>}
              </tr>
            </thead>
            <tbody>
              {meeting.participants.map((p) => (
                <tr key={`${p.userId ?? ''}:${p.unitId ?? ''}:${p.role}`}>
                  <th scope="row">
                    {p.name}
                    {p.unitId && <span className="cell-sub">{t('participants.unit')}</span>}
                    {p.substituteFor && (
                      <span className="cell-sub">{t('participants.substituteFor', { name: names.get(p.substituteFor) ?? '—' })}</span>
                    )}
                  </th>
                  <td>{t(`meetingRole.${p.role}`)}</td>
                  {showAnswers && <td>{answerOf(p)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
