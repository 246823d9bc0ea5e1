import { Link } from 'react-router-dom';
import { useT } from '../../i18n';
import { useDocumentTitle } from '../../ui/hooks';

export function NotFoundPage() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <section className="page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link className="button-link" to="/">
          {t('notFound.home')}
        </Link>
      </p>
    </section>
  );
}
