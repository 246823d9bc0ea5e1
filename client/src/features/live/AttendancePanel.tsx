import { useState } from 'react';
import type { AttendanceEntry } from '@e-cabinet/protocol';
import { useLocale, useT } from '../../i18n';
import { EmptyState, ErrorAlert } from '../../ui/Alerts';
import { TextAreaField } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { useFormError } from '../../ui/FormError';
import { useSubmit } from '../../ui/hooks';
import { formatTime } from './format';
import { attendanceCounts, presenceOf, proxyPairs } from './live-logic';
import { useLiveRoomContext, usePanelAction } from './live-room-context';
import { ProxyDialog } from './ProxyDialog';

type Marking = { entry: AttendanceEntry; status: 'absent' | 'excused' };

/**
 * The roll: who is present, late, left, absent or excused, and the proxies in force. The
 * secretary keeps it: checks people in, records leaving, marks absences (with a reason) and
 * records proxies given on paper.
 */
export function AttendancePanel() {
  const t = useT();
  const locale = useLocale();
  const { state, can, meId } = useLiveRoomContext();
  const { busy, error, act } = usePanelAction();
  const { run } = useLiveRoomContext();
  const [marking, setMarking] = useState<Marking | null>(null);
  const [proxyFor, setProxyFor] = useState<AttendanceEntry | null>(null);
  const counts = attendanceCounts(state.attendance);
  const pairs = proxyPairs(state.attendance);
  const open = state.status === 'published' || state.status === 'live';
  const keeping = can.keepRoll && open;

  return (
    <section className="panel live-attendance" aria-labelledby="live-attendance-title">
      <div className="panel-header">
        <h2 id="live-attendance-title">{t('live.attendance.title')}</h2>
        <p className="muted live-counts">{t('live.attendance.counts', { present: counts.present, total: counts.total })}</p>
      </div>
      <ul className="live-count-chips" aria-label={t('live.attendance.summary')}>
        {(['present', 'left', 'absent', 'excused', 'unknown'] as const).map((k) => (
          <li key={k} className={`live-chip live-chip-${k}`}>
            {t(`live.presence.${k}`)}: <strong>{counts[k]}</strong>
          </li>
        ))}
      </ul>
      {error && <ErrorAlert message={error} />}
      {pairs.length > 0 && (
        <div className="live-proxies">
          <h3>{t('live.proxy.listTitle')}</h3>
          <ul className="plain-list">
            {pairs.map((p) => (
              <li key={p.principalId}>{t('live.proxy.pair', { principal: p.principal, holder: p.holder })}</li>
            ))}
          </ul>
        </div>
      )}
      {state.attendance.length === 0 ? (
        <EmptyState title={t('live.attendance.empty')} />
      ) : (
        <ul className="live-roll">
          {state.attendance.map((e) => {
            const presence = presenceOf(e);
            const mine = e.userId === meId;
            return (
              <li key={e.userId} className={`live-roll-row live-roll-${presence}`} data-user-id={e.userId}>
                <div className="live-roll-who">
                  <span className="live-roll-name">
                    {e.name}
                    {mine && <span className="muted"> {t('live.you')}</span>}
                  </span>
                  <span className="muted live-roll-role">
                    {t(`meetingRole.${e.role}`)}
                    {!e.votes && ` · ${t('live.noVote')}`}
                  </span>
                  {e.proxyTo && <span className="live-roll-proxy">{t('live.proxy.to', { name: e.proxyTo.name })}</span>}
                  {e.proxyFrom && <span className="live-roll-proxy">{t('live.proxy.from', { name: e.proxyFrom.name })}</span>}
                  {e.note && <span className="muted live-roll-note">{e.note}</span>}
                </div>
                <div className="live-roll-state">
                  <span className={`badge live-presence live-presence-${presence}`}>{t(`live.presence.${presence}`)}</span>
                  {presence === 'present' && e.checkedInAt && <span className="muted">{formatTime(e.checkedInAt, locale)}</span>}
                  {presence === 'left' && <span className="muted">{t('live.leftAt', { time: formatTime(e.leftAt, locale) })}</span>}
                  {e.late && presence !== 'absent' && presence !== 'excused' && <span className="badge live-badge-late">{t('live.late')}</span>}
                </div>
                {keeping && (
                  <div className="row-actions live-roll-actions" role="group" aria-label={t('live.attendance.actionsFor', { name: e.name })}>
                    {presence !== 'present' && (
                      <button type="button" disabled={busy !== null} onClick={() => void act(`in:${e.userId}`, () => run('live:attendance:checkIn', { userId: e.userId }))}>
                        {t('live.checkInOther')}
                      </button>
                    )}
                    {presence === 'present' && (
                      <button type="button" disabled={busy !== null} onClick={() => void act(`out:${e.userId}`, () => run('live:attendance:leave', { userId: e.userId }))}>
                        {t('live.recordLeave')}
                      </button>
                    )}
                    {presence !== 'absent' && presence !== 'present' && (
                      <button type="button" onClick={() => setMarking({ entry: e, status: 'absent' })}>
                        {t('live.markAbsent')}
                      </button>
                    )}
                    {presence !== 'excused' && presence !== 'present' && (
                      <button type="button" onClick={() => setMarking({ entry: e, status: 'excused' })}>
                        {t('live.markExcused')}
                      </button>
                    )}
                    {e.votes && presence !== 'present' && !e.proxyTo && !e.proxyFrom && (
                      <button type="button" onClick={() => setProxyFor(e)}>
                        {t('live.proxy.record')}
                      </button>
                    )}
                    {e.proxyTo && (
                      <button type="button" disabled={busy !== null} onClick={() => void act(`rv:${e.userId}`, () => run('live:proxy:revoke', { principalId: e.userId }))}>
                        {t('live.proxy.revoke')}
                      </button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {marking && <MarkDialog marking={marking} onClose={() => setMarking(null)} />}
      {proxyFor && <ProxyDialog principal={proxyFor} onClose={() => setProxyFor(null)} />}
    </section>
  );
}

function MarkDialog({ marking, onClose }: { marking: Marking; onClose: () => void }) {
  const t = useT();
  const { run } = useLiveRoomContext();
  const [note, setNote] = useState(marking.entry.note);
  const { run: submit, busy, error } = useSubmit(async () => {
    await run('live:attendance:mark', { userId: marking.entry.userId, status: marking.status, note: note.trim() });
    onClose();
  });
  const { summary, details } = useFormError(error, []);
  const title = marking.status === 'absent' ? t('live.markAbsentTitle', { name: marking.entry.name }) : t('live.markExcusedTitle', { name: marking.entry.name });
  return (
    <FormDialog title={title} submitLabel={marking.status === 'absent' ? t('live.markAbsent') : t('live.markExcused')} busy={busy} error={{ summary, details, hasFieldErrors: false }} onSubmit={() => void submit()} onClose={onClose}>
      <TextAreaField label={t('live.reason')} hint={t('live.reasonHint')} value={note} onValueChange={setNote} maxLength={500} rows={3} />
    </FormDialog>
  );
}
