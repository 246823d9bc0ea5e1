import { useState, type Dispatch, type SetStateAction } from 'react';
import type { AgendaItem, Meeting, MeetingDocument } from '@e-cabinet/protocol';
import { useLocale, useT } from '../../i18n';
import type { Resource } from '../../ui/hooks';
import { useToast } from '../../ui/Toasts';
import { AgendaSection } from '../agenda/AgendaSection';
import { ReadReportPanel } from '../documents/ReadReportPanel';
import { PresenterBanner } from '../presenter/PresenterBanner';
import { LiveRoomLink } from '../live/LiveRoomLink';
import { MinutesLink } from '../minutes/MinutesLink';
import { EditMeetingDialog } from './EditMeetingDialog';
import { MeetingStatusBadge } from './MeetingBadges';
import { formatMeetingTime } from './meeting-time';
import { ParticipantsSection } from './ParticipantsSection';
import { canAnswerInvitation, isOrganiser } from './permissions';
import { RsvpPanel } from './RsvpPanel';
import { TransitionBar } from './TransitionBar';
import { canGiveTasks, MeetingTasksSection } from '../tasks/MeetingTasksSection';

interface MeetingViewProps {
  meeting: Meeting;
  onMeetingChange: Dispatch<SetStateAction<Meeting | undefined>>;
  agenda: Resource<AgendaItem[]>;
  documents: Resource<MeetingDocument[]>;
  reportsVersion: number;
}

export function MeetingView({ meeting, onMeetingChange, agenda, documents, reportsVersion }: MeetingViewProps) {
  const t = useT();
  const locale = useLocale();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const organiser = isOrganiser(meeting.myRole);
  const returned = meeting.status === 'draft' && meeting.myRole === 'secretary' && meeting.returnComment;

  return (
    <>
      <header className="meeting-header">
        <div className="page-header">
          <h1>{meeting.title}</h1>
          <MeetingStatusBadge status={meeting.status} />
        </div>
        {returned && (
          <section className="alert alert-warning return-comment" aria-labelledby="return-comment-title">
            <h2 id="return-comment-title">{t('meetings.returnedTitle')}</h2>
            <p className="return-comment-text">{meeting.returnComment}</p>
          </section>
        )}
        <dl className="meeting-facts">
          <div>
            <dt>{t('meetings.time')}</dt>
            <dd>{formatMeetingTime(meeting.startsAt, meeting.endsAt, locale)}</dd>
          </div>
          <div>
            <dt>{t('meetingForm.kind')}</dt>
            <dd>{t(`meetingKind.${meeting.kind}`)}</dd>
          </div>
          {meeting.place && (
            <div>
              <dt>{t('meetingForm.place')}</dt>
              <dd>{meeting.place}</dd>
            </div>
          )}
          {meeting.onlineLink && (
            <div>
              <dt>{t('meetingForm.onlineLink')}</dt>
              <dd>
                <a href={meeting.onlineLink} target="_blank" rel="noopener noreferrer">
                  {meeting.onlineLink}
                </a>
              </dd>
            </div>
          )}
          <div>
            <dt>{t('meetings.yourRole')}</dt>
            <dd>{t(`meetingRole.${meeting.myRole}`)}</dd>
          </div>
        </dl>
        <TransitionBar meeting={meeting} onChanged={(m) => onMeetingChange(m)}>
          {meeting.canEdit && (
            <button type="button" onClick={() => setEditing(true)}>
              {t('meetings.edit')}
            </button>
          )}
        </TransitionBar>
      </header>
      <LiveRoomLink meeting={meeting} />
      <MinutesLink meeting={meeting} />
      {(meeting.status === 'published' || meeting.status === 'live') && <PresenterBanner meetingId={meeting.id} documents={documents.data ?? []} />}

      {canAnswerInvitation(meeting) && (
        <RsvpPanel meeting={meeting} onAnswered={(entry) => onMeetingChange((m) => (m ? { ...m, myRsvp: entry } : m))} />
      )}
      <ParticipantsSection meeting={meeting} reportsVersion={reportsVersion} />
      <AgendaSection meeting={meeting} agenda={agenda} documents={documents} />
      {organiser && <ReadReportPanel meetingId={meeting.id} version={reportsVersion} />}
      {canGiveTasks(meeting) && <MeetingTasksSection meeting={meeting} agenda={agenda.data ?? []} />}

      {editing && (
        <EditMeetingDialog
          meeting={meeting}
          onClose={() => setEditing(false)}
          onSaved={(m) => {
            setEditing(false);
            onMeetingChange(m);
            toast(t('meetings.updated'));
          }}
        />
      )}
    </>
  );
}
