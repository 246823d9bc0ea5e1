import { useCallback, useReducer } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorCode } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { LoadState } from '../../ui/Alerts';
import { useDocumentTitle, useResource } from '../../ui/hooks';
import { agendaApi } from '../agenda/agenda-api';
import { documentsApi } from '../documents/documents-api';
import type { MeetingPart } from './meeting-sync';
import { meetingsApi } from './meetings-api';
import { MeetingView } from './MeetingView';
import { useMeetingLive } from './use-meeting-live';
import { NotFoundState } from '../../ui/NotFoundState';

/**
 * One meeting: details, lifecycle, invitation answer, participants, agenda with documents,
 * and reports for its organisers. Its three resources are fetched again, separately, when the
 * server says that part changed.
 */
export function MeetingPage() {
  const t = useT();
  const { id = '' } = useParams();
  const meeting = useResource(useCallback((signal: AbortSignal) => meetingsApi.get(id, signal), [id]));
  const agenda = useResource(useCallback((signal: AbortSignal) => agendaApi.list(id, signal), [id]));
  const documents = useResource(useCallback((signal: AbortSignal) => documentsApi.forMeeting(id, signal), [id]));
  // Reports (answers, reading) hang off participants and documents: a counter tells them to reload.
  const [reportsVersion, bumpReports] = useReducer((n: number) => n + 1, 0);

  const { reload: reloadMeeting } = meeting;
  const { reload: reloadAgenda } = agenda;
  const { reload: reloadDocuments } = documents;
  const refetch = useCallback(
    (parts: readonly MeetingPart[]) => {
      if (parts.includes('meeting')) reloadMeeting();
      if (parts.includes('agenda')) reloadAgenda();
      if (parts.includes('documents')) reloadDocuments();
      bumpReports();
    },
    [reloadMeeting, reloadAgenda, reloadDocuments],
  );
  useMeetingLive(id, refetch);
  useDocumentTitle(meeting.data?.title ?? t('meetings.title'));

  if (!meeting.data && meeting.errorCode === ErrorCode.NOT_FOUND) {
    return <NotFoundState title={t('meetings.notFoundTitle')} body={t('meetings.notFoundBody')} linkTo="/meetings" linkLabel={t('meetings.backToList')} />;
  }

  return (
    <section className="page meeting-page">
      <p className="back-link">
        <Link to="/meetings">{t('meetings.backToList')}</Link>
      </p>
      <LoadState loading={meeting.loading} error={meeting.error} hasData={meeting.data !== undefined} onRetry={meeting.reload}>
        {meeting.data && (
          <MeetingView
            meeting={meeting.data}
            onMeetingChange={meeting.set}
            agenda={agenda}
            documents={documents}
            reportsVersion={reportsVersion}
          />
        )}
      </LoadState>
    </section>
  );
}
