import { useCallback, useMemo, type ReactNode } from 'react';
import type { MeetingDocument } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { useResource } from '../../ui/hooks';
import { agendaApi } from '../agenda/agenda-api';
import { useCurrentUser } from '../auth/auth-context';
import { CollabIndicator } from '../collab/CollabIndicator';
import { documentsApi } from '../documents/documents-api';
import { loadDirectory, meetingsApi } from '../meetings/meetings-api';
import { mayPresent } from '../presenter/follow-logic';
import { PresenterControls } from '../presenter/PresenterControls';
import { usePresenterSession } from '../presenter/use-presenter-session';
import type { PdfViewerProps } from '../viewer/PdfViewer';
import { AnnotatedDownload } from './AnnotatedDownload';
import { useAnnotations } from './annotation-context';
import { AnnotationLayer, type OverlayPage } from './AnnotationLayer';
import { AnnotationProvider } from './AnnotationProvider';
import { AnnotationToolbar } from './AnnotationToolbar';
import { isDrawingTool } from './tools';

export type ViewerSlotProps = Omit<PdfViewerProps, 'documentId'>;

interface DocumentWorkspaceProps {
  doc: MeetingDocument;
  allowDownload: boolean;
  initialPage: number | null;
  /** Renders the PDF viewer (lazy-loaded by the page) with these props. */
  renderViewer: (props: ViewerSlotProps) => ReactNode;
}

/** The name of the reader's unit, for the confidential watermark (null while loading or none). */
function useUnitName(unitId: string | null, needed: boolean): string | null {
  const load = useCallback(
    (signal: AbortSignal) => {
      if (!needed || !unitId) return Promise.resolve(null);
      return loadDirectory().then((dir) => (signal.aborted ? null : (dir.units.find((u) => u.id === unitId)?.name ?? null)));
    },
    [unitId, needed],
  );
  return useResource(load).data ?? null;
}

/**
 * A document in its meeting: the viewer with the reader's annotation layers, the presenter
 * switches, the sync status of the layers, and the annotated download.
 */
export function DocumentWorkspace({ doc, allowDownload, initialPage, renderViewer }: DocumentWorkspaceProps) {
  const user = useCurrentUser();
  const meetingId = doc.meetingId;
  const meeting = useResource(useCallback((signal: AbortSignal) => meetingsApi.get(meetingId, signal), [meetingId]));
  const agenda = useResource(useCallback((signal: AbortSignal) => agendaApi.list(meetingId, signal), [meetingId]));
  const documents = useResource(useCallback((signal: AbortSignal) => documentsApi.forMeeting(meetingId, signal), [meetingId]));
  const unit = useUnitName(user.unitId, doc.confidential);

  const m = meeting.data;
  const names = useMemo(() => new Map((m?.participants ?? []).flatMap((p) => (p.userId ? [[p.userId, p.name] as const] : []))), [m]);
  const me = useMemo(() => ({ id: user.id, name: user.fullName }), [user.id, user.fullName]);
  const canPresent = !!m && !!agenda.data && mayPresent(m, user.id, agenda.data);
  const titles = useMemo(() => new Map((documents.data ?? []).map((d) => [d.id, d.title])), [documents.data]);
  // Until the list is in, let the server decide (it answers 404 for a document one may not read).
  const canOpen = useCallback((id: string) => !documents.data || titles.has(id), [documents.data, titles]);

  const session = usePresenterSession({ meetingId, documentId: doc.id, meId: user.id, initialPage, canPresent, canOpen });

  return (
    <AnnotationProvider
      meetingId={meetingId}
      versionId={doc.current.id}
      me={me}
      // Observers read the shared layer only; until the role is known, nothing is offered.
      sharedReadOnly={!m || m.myRole === 'observer'}
      names={names}
    >
      <div className="viewer-bar">
        <LayersStatus />
        <PresenterControls
          state={session.state}
          meId={user.id}
          documentId={doc.id}
          page={session.page}
          titleOf={(id) => titles.get(id)}
          canPresent={canPresent}
          presenting={session.presenting}
          onPresentingChange={session.setPresenting}
          following={session.following}
          onFollowingChange={session.setFollowing}
        />
        {allowDownload && <DownloadWithStatus doc={doc} />}
      </div>
      <AnnotatedViewer
        renderViewer={renderViewer}
        watermark={doc.confidential ? { name: user.fullName, unit } : null}
        onPageChange={session.onPageChange}
        goTo={session.goTo}
      />
    </AnnotationProvider>
  );
}

function LayersStatus() {
  const t = useT();
  const { layers } = useAnnotations();
  return (
    <CollabIndicator
      docs={[
        { label: t('ann.layerName.private'), collab: layers.private.collab },
        { label: t('ann.layerName.shared'), collab: layers.shared.collab },
      ]}
    />
  );
}

function DownloadWithStatus({ doc }: { doc: MeetingDocument }) {
  const { layers } = useAnnotations();
  return <AnnotatedDownload documentId={doc.id} title={doc.title} confidential={doc.confidential} onlyLocal={layers.private.collab.onlyLocal || layers.shared.collab.onlyLocal} />;
}

const renderOverlay = (info: OverlayPage) => <AnnotationLayer info={info} />;

function AnnotatedViewer({ renderViewer, ...props }: Omit<ViewerSlotProps, 'renderPageOverlay' | 'toolbarExtra' | 'drawing'> & Pick<DocumentWorkspaceProps, 'renderViewer'>) {
  const { tool } = useAnnotations();
  return renderViewer({ ...props, renderPageOverlay: renderOverlay, toolbarExtra: <AnnotationToolbar />, drawing: isDrawingTool(tool) });
}
