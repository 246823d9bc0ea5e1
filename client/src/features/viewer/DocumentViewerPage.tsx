import { lazy, Suspense, useCallback, useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorCode } from '@e-cabinet/protocol';
import { useLocale, useT } from '../../i18n';
import { LoadState } from '../../ui/Alerts';
import { useDocumentTitle, useResource } from '../../ui/hooks';
import { useCurrentUser } from '../auth/auth-context';
import { DocumentBadges } from '../documents/DocumentBadges';
import { documentDownloadUrl, documentsApi } from '../documents/documents-api';
import { formatBytes } from '../documents/upload';
import { NotFoundState } from '../../ui/NotFoundState';

// pdf.js (~400 KB) loads only with the first document opened; its worker is already running.
const PdfViewer = lazy(() => import('./PdfViewer'));

/** `/documents/:id`: one document, read in the browser; reading is recorded for the organisers. */
export function DocumentViewerPage() {
  const t = useT();
  const locale = useLocale();
  const user = useCurrentUser();
  const { id = '' } = useParams();
  const doc = useResource(useCallback((signal: AbortSignal) => documentsApi.get(id, signal), [id]));
  useDocumentTitle(doc.data?.title ?? t('viewer.title'));

  // Once per document per visit (StrictMode runs effects twice; the ref survives that).
  const recorded = useRef<string | null>(null);
  const loadedId = doc.data?.id;
  useEffect(() => {
    if (!loadedId || recorded.current === loadedId) return;
    recorded.current = loadedId;
    documentsApi.recordOpen(loadedId).catch(() => {
      // Reading works without the record; the report simply misses this visit.
    });
  }, [loadedId]);

  if (!doc.data && doc.errorCode === ErrorCode.NOT_FOUND) {
    return <NotFoundState title={t('viewer.notFoundTitle')} body={t('viewer.notFoundBody')} linkTo="/meetings" linkLabel={t('meetings.backToList')} />;
  }

  const d = doc.data;
  return (
    <section className="page page-viewer">
      <LoadState loading={doc.loading} error={doc.error} hasData={d !== undefined} onRetry={doc.reload}>
        {d && (
          <>
            <p className="back-link">
              <Link to={`/meetings/${d.meetingId}`}>{t('viewer.backToMeeting')}</Link>
            </p>
            <div className="page-header">
              <div>
                <h1>{d.title}</h1>
                <p className="document-meta muted">
                  <DocumentBadges doc={{ confidential: d.confidential, changedSinceRead: false }} />{' '}
                  {t('docs.meta', { version: d.current.version, pages: d.current.pageCount, size: formatBytes(d.current.pdfSize, locale) })}
                </p>
              </div>
              {!d.confidential && (
                <a className="button-link" href={documentDownloadUrl(d.id)} download>
                  {t('viewer.download')}
                </a>
              )}
            </div>
            {d.confidential && <p className="alert alert-warning">{t('viewer.confidentialNote')}</p>}
            <Suspense fallback={<p className="muted loading">{t('viewer.opening')}</p>}>
              <PdfViewer key={`${d.id}:${d.current.version}`} documentId={d.id} watermarkName={d.confidential ? user.fullName : null} />
            </Suspense>
          </>
        )}
      </LoadState>
    </section>
  );
}
