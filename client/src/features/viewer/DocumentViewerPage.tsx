import { lazy, Suspense, useCallback, useEffect, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorCode } from '@e-cabinet/protocol';
import { useLocale, useT } from '../../i18n';
import { LoadState } from '../../ui/Alerts';
import { useDocumentTitle, useResource } from '../../ui/hooks';
import { DocumentBadges } from '../documents/DocumentBadges';
import { documentDownloadUrl, documentsApi } from '../documents/documents-api';
import { formatBytes } from '../documents/upload';
import { pageFromQuery } from '../presenter/follow-logic';
import { NotFoundState } from '../../ui/NotFoundState';

// pdf.js (~400 KB) and Yjs with the annotation tools load only with the first document opened,
// both at once; the pdf.js worker is already running.
const loadViewer = () => import('./PdfViewer');
const PdfViewer = lazy(loadViewer);
const DocumentWorkspace = lazy(() => {
  void loadViewer();
  return import('../annotations/DocumentWorkspace').then((m) => ({ default: m.DocumentWorkspace }));
});

/**
 * `/documents/:id[?page=N]`: one document, read in the browser with the reader's annotations,
 * follow-the-presenter and the annotated download; reading is recorded for the organisers.
 */
export function DocumentViewerPage() {
  const t = useT();
  const locale = useLocale();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const initialPage = pageFromQuery(search.get('page'));
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

  const d = doc.data && doc.data.id === id ? doc.data : undefined;
  // Servers from before `allowDownload` send nothing: confidential documents then stay in.
  const allowDownload = d ? (d.allowDownload ?? !d.confidential) : false;
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
              {allowDownload && !d.confidential && (
                <a className="button-link" href={documentDownloadUrl(d.id)} download>
                  {t('viewer.download')}
                </a>
              )}
            </div>
            {d.confidential && <p className="alert alert-warning">{t('viewer.confidentialNote')}</p>}
            <Suspense fallback={<p className="muted loading">{t('viewer.opening')}</p>}>
              <DocumentWorkspace
                // Another version has other annotation layers; another ?page starts over there.
                key={`${d.id}:${d.current.id}:${initialPage ?? ''}`}
                doc={d}
                allowDownload={allowDownload}
                initialPage={initialPage}
                renderViewer={(props) => (
                  <Suspense fallback={<p className="muted loading">{t('viewer.opening')}</p>}>
                    <PdfViewer key={`${d.id}:${d.current.version}`} documentId={d.id} {...props} />
                  </Suspense>
                )}
              />
            </Suspense>
          </>
        )}
      </LoadState>
    </section>
  );
}
