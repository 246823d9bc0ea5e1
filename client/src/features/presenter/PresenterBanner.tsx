import { useNavigate } from 'react-router-dom';
import type { MeetingDocument } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { useCurrentUser } from '../auth/auth-context';
import { writeFlag } from './flags';
import { documentPageUrl, isPresenting } from './follow-logic';
import { usePresenter } from './use-presenter';

/**
 * On the meeting page: "<name> is presenting: <document>, page n — [Follow]". Following opens
 * the document at that page with "Follow the presenter" switched on. The meeting page's own
 * live hook owns the room membership, so this one does not leave the room on unmount.
 */
export function PresenterBanner({ meetingId, documents }: { meetingId: string; documents: readonly Pick<MeetingDocument, 'id' | 'title'>[] }) {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { state } = usePresenter(meetingId, {}, { leaveOnUnmount: false });
  if (!isPresenting(state) || state.presenterId === me.id) return null;
  const doc = documents.find((d) => d.id === state.documentId);
  const name = state.presenterName ?? '';
  return (
    <section className="presenter-banner" aria-label={t('presenter.region')} aria-live="polite">
      {doc ? (
        <>
          <p>{t('presenter.banner', { name, title: doc.title, page: state.page })}</p>
          <button
            type="button"
            className="button-primary"
            onClick={() => {
              writeFlag('follow', meetingId, true);
              void navigate(documentPageUrl(doc.id, state.page));
            }}
          >
            {t('presenter.bannerFollow')}
          </button>
        </>
      ) : (
        <p>{t('presenter.noAccess', { name })}</p>
      )}
    </section>
  );
}
