import { Link } from 'react-router-dom';
import type { Meeting } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { minutesPath } from './minutes-api';

/** On the meeting page, once the meeting has started: the way to its minutes and conclusions. */
export function MinutesLink({ meeting }: { meeting: Pick<Meeting, 'id' | 'status'> }) {
  const t = useT();
  if (meeting.status !== 'live' && meeting.status !== 'ended' && meeting.status !== 'closed') return null;
  return (
    <section className="minutes-entry" aria-label={t('minutes.title')}>
      <p>{t('minutes.entryHelp')}</p>
      <Link className="button-link" to={minutesPath(meeting.id)}>
        {t('minutes.open')}
      </Link>
    </section>
  );
}
