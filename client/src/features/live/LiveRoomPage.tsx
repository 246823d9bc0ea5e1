import { useCallback, useMemo, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorCode, type AgendaItem, type Meeting, type MeetingDocument } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { ErrorAlert, LoadState } from '../../ui/Alerts';
import { useDocumentTitle, useResource } from '../../ui/hooks';
import { NotFoundState } from '../../ui/NotFoundState';
import { agendaApi } from '../agenda/agenda-api';
import { useCurrentUser } from '../auth/auth-context';
import { documentsApi } from '../documents/documents-api';
import { MeetingStatusBadge } from '../meetings/MeetingBadges';
import type { MeetingPart } from '../meetings/meeting-sync';
import { meetingsApi } from '../meetings/meetings-api';
import { useMeetingLive } from '../meetings/use-meeting-live';
import { PollsPanel } from '../polls/PollsPanel';
import { AgendaPanel, CurrentItemPanel } from './AgendaPanel';
import { AttendancePanel } from './AttendancePanel';
import { roomPermissions } from './live-logic';
import { LiveRoomContext, type LiveRoomContextValue } from './live-room-context';
import { MeetingControls } from './MeetingControls';
import { MyPresenceCard } from './MyPresenceCard';
import { QuorumPanel, quorumLine } from './QuorumPanel';
import { FloorPanel, SpeakersPanel } from './SpeakersPanel';
import { useLiveRoom } from './use-live-room';

/**
 * "Phòng họp": the meeting in session, on a tablet or a laptop. Attendance and proxies, quorum,
 * the current item, speakers with a countdown, and votes. Everything comes from the live state
 * (`live:sync` + `live:event`), so a reload or a reconnect shows the room as it is.
 */
export function LiveRoomPage() {
  const t = useT();
  const { id = '' } = useParams();
  const meeting = useResource(useCallback((signal: AbortSignal) => meetingsApi.get(id, signal), [id]));
  const agenda = useResource(useCallback((signal: AbortSignal) => agendaApi.list(id, signal), [id]));
  const documents = useResource(useCallback((signal: AbortSignal) => documentsApi.forMeeting(id, signal), [id]));
  const { reload: reloadMeeting } = meeting;
  const { reload: reloadAgenda } = agenda;
  const { reload: reloadDocuments } = documents;
  useMeetingLive(
    id,
    useCallback(
      (parts: readonly MeetingPart[]) => {
        if (parts.includes('meeting')) reloadMeeting();
        if (parts.includes('agenda')) reloadAgenda();
        if (parts.includes('documents')) reloadDocuments();
      },
      [reloadMeeting, reloadAgenda, reloadDocuments],
    ),
  );
  const room = useLiveRoom(id);
  useDocumentTitle(meeting.data ? t('live.pageTitle', { title: meeting.data.title }) : t('live.title'));

  if (!meeting.data && meeting.errorCode === ErrorCode.NOT_FOUND) {
    return <NotFoundState title={t('meetings.notFoundTitle')} body={t('meetings.notFoundBody')} linkTo="/meetings" linkLabel={t('meetings.backToList')} />;
  }

  return (
    <section className="page live-page">
      <p className="back-link">
        <Link to={`/meetings/${encodeURIComponent(id)}`}>{t('live.backToMeeting')}</Link>
      </p>
      <LoadState loading={meeting.loading} error={meeting.error} hasData={meeting.data !== undefined} onRetry={meeting.reload}>
        {meeting.data && (
          <LiveRoomBody meeting={meeting.data} onMeetingChange={meeting.set} agenda={agenda.data ?? []} documents={documents.data ?? []} room={room}>
            {agenda.error && <ErrorAlert message={`${t('common.loadFailed')} ${agenda.error}`} />}
          </LiveRoomBody>
        )}
      </LoadState>
    </section>
  );
}

interface BodyProps {
  meeting: Meeting;
  onMeetingChange: (m: Meeting) => void;
  agenda: readonly AgendaItem[];
  documents: readonly MeetingDocument[];
  room: ReturnType<typeof useLiveRoom>;
  children?: ReactNode;
}

function LiveRoomBody({ meeting, onMeetingChange, agenda, documents, room, children }: BodyProps) {
  const t = useT();
  const user = useCurrentUser();
  const { model, run, resync } = room;
  const { state } = model;
  const me = state?.attendance.find((e) => e.userId === user.id);
  const context = useMemo<LiveRoomContextValue | null>(
    () => (state ? { meetingId: meeting.id, state, clockOffset: model.clockOffset, meId: user.id, role: meeting.myRole, me, can: roomPermissions(meeting.myRole, me), run } : null),
    [state, model.clockOffset, meeting.id, meeting.myRole, user.id, me, run],
  );
  const status = state?.status ?? meeting.status;
  const notYet = status === 'draft' || status === 'submitted' || status === 'approved';

  return (
    <>
      <header className="live-header">
        <div className="page-header">
          <h1>
            <span className="live-title-kicker">{t('live.title')}</span> {meeting.title}
          </h1>
          <MeetingStatusBadge status={status} />
        </div>
        {state && (
          <p className={state.quorum.met ? 'live-header-quorum live-quorum-met' : 'live-header-quorum live-quorum-missing'}>{quorumLine(t, state.quorum)}</p>
        )}
        <MeetingControls meeting={meeting} quorum={state?.quorum ?? null} onChanged={onMeetingChange} />
      </header>
      {children}
      {model.error && (
        <ErrorAlert message={`${t('live.syncFailed')} ${model.error.message}`}>
          <button type="button" onClick={resync}>
            {t('common.retry')}
          </button>
        </ErrorAlert>
      )}
      {notYet && <p className="alert alert-info">{t('live.notPublished')}</p>}
      {status === 'published' && <p className="alert alert-info">{t('live.beforeStart')}</p>}
      {(status === 'ended' || status === 'closed') && <p className="alert alert-info">{t('live.over')}</p>}
      {!context ? (
        !model.error && <p className="muted loading">{t('common.loading')}</p>
      ) : (
        <LiveRoomContext.Provider value={context}>
          <div className="live-grid" aria-busy={model.syncing}>
            <div className="live-main">
              <CurrentItemPanel agenda={agenda} documents={documents} />
              <PollsPanel agenda={agenda} />
              <FloorPanel />
              <SpeakersPanel />
              <AgendaPanel agenda={agenda} />
            </div>
            <div className="live-side">
              <MyPresenceCard />
              <QuorumPanel />
              <AttendancePanel />
            </div>
          </div>
        </LiveRoomContext.Provider>
      )}
    </>
  );
}
