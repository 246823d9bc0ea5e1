import { useState } from 'react';
import { DEFAULT_SPEAKING_SECONDS, type Floor } from '@e-cabinet/protocol';
import { useLocale, useT } from '../../i18n';
import { EmptyState, ErrorAlert } from '../../ui/Alerts';
import { formatTime } from './format';
import { countdownTone, floorRemaining, formatClock, inRoom, moveInQueue, myQueuePlace } from './live-logic';
import { useLiveRoomContext, usePanelAction } from './live-room-context';
import { useServerNow } from './use-server-now';

const DURATIONS_MIN = [1, 2, 3, 5, 10, 15] as const;

/** Who has the floor, with a countdown on the server's clock; the chair, secretary or speaker ends it. */
export function FloorPanel() {
  const t = useT();
  const { state, can, meId, run, clockOffset } = useLiveRoomContext();
  const { busy, error, act } = usePanelAction();
  const floor = state.status === 'live' ? state.speakers.floor : null;
  return (
    <section className={floor ? 'panel live-floor live-floor-active' : 'panel live-floor'} aria-labelledby="live-floor-title">
      <h2 id="live-floor-title">{t('live.floor.title')}</h2>
      {floor ? (
        <>
          <p className="live-floor-name" data-testid="floor-speaker">
            {floor.userId === meId ? t('live.floor.you') : floor.name}
          </p>
          <Countdown floor={floor} offset={clockOffset} />
          {error && <ErrorAlert message={error} />}
          {(can.runMeeting || floor.userId === meId) && (
            <button type="button" disabled={busy !== null} onClick={() => void act('end', () => run('live:floor:end', {}))}>
              {t('live.floor.end')}
            </button>
          )}
        </>
      ) : (
        <p className="muted">{t('live.floor.nobody')}</p>
      )}
    </section>
  );
}

function Countdown({ floor, offset }: { floor: Floor; offset: number }) {
  const t = useT();
  const now = useServerNow(offset, true);
  // Never more than the full time: the first tick may still hold a clock from before the floor was given.
  const left = Math.min(floorRemaining(floor, now), floor.durationSec);
  const tone = countdownTone(left);
  const clock = formatClock(left);
  return (
    <div className={`live-countdown live-countdown-${tone}`}>
      <span className="live-countdown-clock" aria-hidden="true">
        {tone === 'over' ? `+${clock}` : clock}
      </span>
      {/* Read once a minute at most: the visible clock would be announced every second. */}
      <span className="visually-hidden">{tone === 'over' ? t('live.floor.overSr') : t('live.floor.leftSr', { minutes: Math.ceil(left / 60) })}</span>
      <span className="live-countdown-label">{tone === 'over' ? t('live.floor.over') : t('live.floor.of', { total: formatClock(floor.durationSec) })}</span>
    </div>
  );
}

/**
 * Requests to speak on the current item, in the chair's order. Delegates ask and withdraw; the
 * chair or secretary orders the queue, removes requests and gives the floor, for a chosen time.
 */
export function SpeakersPanel() {
  const t = useT();
  const locale = useLocale();
  const { state, can, meId, me, run } = useLiveRoomContext();
  const { busy, error, act } = usePanelAction();
  const [minutes, setMinutes] = useState(DEFAULT_SPEAKING_SECONDS / 60);
  const [other, setOther] = useState('');
  const live = state.status === 'live';
  const queue = state.speakers.queue;
  const ids = queue.map((r) => r.id);
  const place = myQueuePlace(state, meId);
  const mine = queue.find((r) => r.userId === meId);
  const durationSec = minutes * 60;
  const give = (userId: string) => act(`give:${userId}`, () => run('live:floor:give', { userId, durationSec }));
  const reorder = (id: string, delta: number) => act(`move:${id}`, () => run('live:speakers:reorder', { requestIds: moveInQueue(ids, id, delta) }));
  const presentOthers = state.attendance.filter((e) => inRoom(e));

  if (!live) {
    return (
      <section className="panel live-speakers" aria-labelledby="live-speakers-title">
        <h2 id="live-speakers-title">{t('live.speakers.title')}</h2>
        <p className="muted">{t('live.speakers.notLive')}</p>
      </section>
    );
  }

  return (
    <section className="panel live-speakers" aria-labelledby="live-speakers-title">
      <div className="panel-header">
        <h2 id="live-speakers-title">{t('live.speakers.title')}</h2>
        <span className="muted">{t('live.speakers.count', { count: queue.length })}</span>
      </div>
      {error && <ErrorAlert message={error} />}
      {me && (
        <div className="live-speakers-me">
          {mine ? (
            <>
              <p role="status">{t('live.speakers.myPlace', { place })}</p>
              <button type="button" disabled={busy !== null} onClick={() => void act('withdraw', () => run('live:speakers:withdraw', { requestId: mine.id }))}>
                {t('live.speakers.withdraw')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button-primary live-big-button"
              disabled={busy !== null || !state.currentItemId || state.speakers.floor?.userId === meId}
              onClick={() => void act('request', () => run('live:speakers:request', {}))}
            >
              {t('live.speakers.request')}
            </button>
          )}
          {!state.currentItemId && <p className="muted">{t('live.speakers.noItem')}</p>}
        </div>
      )}
      {can.runMeeting && (
        <div className="live-duration">
          <label htmlFor="live-duration">{t('live.speakers.duration')}</label>
          <select id="live-duration" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
            {DURATIONS_MIN.map((m) => (
              <option key={m} value={m}>
                {t('live.speakers.minutes', { minutes: m })}
              </option>
            ))}
          </select>
        </div>
      )}
      {queue.length === 0 ? (
        <EmptyState title={t('live.speakers.empty')} />
      ) : (
        <ol className="live-queue">
          {queue.map((r, i) => (
            <li key={r.id} className={r.userId === meId ? 'live-queue-row live-queue-mine' : 'live-queue-row'}>
              <span className="live-queue-place">{i + 1}</span>
              <span className="live-queue-name">
                {r.name}
                <span className="muted"> · {formatTime(r.requestedAt, locale)}</span>
              </span>
              {can.runMeeting && (
                <span className="row-actions" role="group" aria-label={t('live.speakers.actionsFor', { name: r.name })}>
                  <button type="button" className="button-primary" disabled={busy !== null} onClick={() => void give(r.userId)}>
                    {t('live.speakers.give')}
                  </button>
                  <button type="button" disabled={busy !== null || i === 0} onClick={() => void reorder(r.id, -1)} aria-label={t('live.speakers.upNamed', { name: r.name })}>
                    ↑
                  </button>
                  <button type="button" disabled={busy !== null || i === queue.length - 1} onClick={() => void reorder(r.id, 1)} aria-label={t('live.speakers.downNamed', { name: r.name })}>
                    ↓
                  </button>
                  <button type="button" disabled={busy !== null} onClick={() => void act(`rm:${r.id}`, () => run('live:speakers:withdraw', { requestId: r.id }))} aria-label={t('live.speakers.removeNamed', { name: r.name })}>
                    {t('live.speakers.remove')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {can.runMeeting && presentOthers.length > 0 && (
        <form
          className="live-give-other"
          onSubmit={(e) => {
            e.preventDefault();
            if (other) void give(other).then((ok) => ok && setOther(''));
          }}
        >
          <label htmlFor="live-give-other">{t('live.speakers.other')}</label>
          <div className="live-inline">
            <select id="live-give-other" value={other} onChange={(e) => setOther(e.target.value)}>
              <option value="">{t('live.speakers.pick')}</option>
              {presentOthers.map((e) => (
                <option key={e.userId} value={e.userId}>
                  {e.name}
                </option>
              ))}
            </select>
            <button type="submit" disabled={busy !== null || !other}>
              {t('live.speakers.give')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
