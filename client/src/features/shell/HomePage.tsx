import { Link } from 'react-router-dom';
import { useT } from '../../i18n';
import { useDocumentTitle } from '../../ui/hooks';
import { useCurrentUser } from '../auth/auth-context';
import { MeetingList } from '../meetings/MeetingList';

export function HomePage() {
  const t = useT();
  const user = useCurrentUser();
  useDocumentTitle(t('nav.home'));
  return (
    <section className="page">
      <h1>{t('home.welcome', { name: user.fullName })}</h1>
      <section className="panel" aria-labelledby="home-upcoming">
        <div className="panel-header">
          <h2 id="home-upcoming">{t('home.upcoming')}</h2>
          <Link to="/meetings">{t('home.allMeetings')}</Link>
        </div>
        <MeetingList scope="upcoming" emptyTitle={t('home.emptyTitle')} emptyBody={t('home.emptyBody')} />
      </section>
      <p>
        <Link className="button-link" to="/account/password">
          {t('home.changePassword')}
        </Link>
      </p>
    </section>
  );
}
