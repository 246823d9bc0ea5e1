import { Link } from 'react-router-dom';
import type { Meeting } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { liveRoomPath } from './live-logic';

/** On the meeting page, once it is published: the way into "Phòng họp", prominent while the meeting is in session. */
export function LiveRoomLink({ meeting }: { meeting: Pick<Meeting, 'id' | 'status'> }) {
  const t = useT();
  if (meeting.status !== 'published' && meeting.status !== 'live' && meeting.status !== 'ended' && meeting.status !== 'closed') return null;
  const live = meeting.status === 'live';
  return (
    <section className={live ? 'live-entry live-entry-now' : 'live-entry'} aria-label={t('live.title')}>
      <p>{live ? t('live.inSession') : t('live.enterRoomHelp')}</p>
      <Link className={live ? 'button-link button-primary' : 'button-link'} to={liveRoomPath(meeting.id)}>
        {t('live.enterRoom')}
      </Link>
    </section>
  );
}
