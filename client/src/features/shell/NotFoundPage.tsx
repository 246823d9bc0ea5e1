import { useT } from '../../i18n';
import { useDocumentTitle } from '../../ui/hooks';
import { NotFoundState } from '../../ui/NotFoundState';

export function NotFoundPage() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return <NotFoundState title={t('notFound.title')} body={t('notFound.body')} linkTo="/" linkLabel={t('notFound.home')} />;
}
