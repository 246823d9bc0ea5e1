import { Link } from 'react-router-dom';
import { useT } from '../../i18n';
import { EmptyState } from '../../ui/Alerts';
import { useDocumentTitle } from '../../ui/hooks';
import { useCurrentUser } from '../auth/auth-context';

export function HomePage() {
  const t = useT();
  const user = useCurrentUser();
  useDocumentTitle(t('nav.home'));
  return (
    <section className="page">
      <h1>{t('home.welcome', { name: user.fullName })}</h1>
      <EmptyState title={t('home.emptyTitle')}>
        <p>{t('home.emptyBody')}</p>
      </EmptyState>
      <p>
        <Link className="button-link" to="/account/password">
          {t('home.changePassword')}
        </Link>
      </p>
    </section>
  );
}
