import { useCallback, useEffect } from 'react';
import { Link } from 'react-router-dom';
import type { MeetingSummary } from '@e-cabinet/protocol';
import { useLocale, useT } from '../../i18n';
import { EmptyState, LoadState } from '../../ui/Alerts';
import { useResource } from '../../ui/hooks';
import { useConnection } from '../connection/connection-context';
import { MeetingStatusBadge } from './MeetingBadges';
import { upsertMeeting, type MeetingScope } from './meeting-list';
import { formatMeetingTime } from './meeting-time';
import { meetingsApi } from './meetings-api';

interface MeetingListProps {
  scope: MeetingScope;
  emptyTitle: string;
  emptyBody?: string;
}

/** The caller's meetings of one scope, kept current by `meeting:published` without a reload. */
export function MeetingList({ scope, emptyTitle, emptyBody }: MeetingListProps) {
  const load = useCallback((signal: AbortSignal) => meetingsApi.list(scope, signal), [scope]);
  const meetings = useResource(load);
  const { socket } = useConnection();
  const { set } = meetings;

  useEffect(() => {
    const onPublished = ({ meeting }: { meeting: MeetingSummary }) =>
      set((list) => (list === undefined ? list : upsertMeeting(list, meeting, scope, Date.now())));
    socket.on('meeting:published', onPublished);
    return () => {
      socket.off('meeting:published', onPublished);
    };
  }, [socket, set, scope]);

  return (
    <LoadState loading={meetings.loading} error={meetings.error} hasData={meetings.data !== undefined} onRetry={meetings.reload}>
      {meetings.data?.length === 0 ? (
        <EmptyState title={emptyTitle}>{emptyBody && <p>{emptyBody}</p>}</EmptyState>
      ) : (
        <ul className="meeting-list">
          {(meetings.data ?? []).map((m) => (
            <MeetingCard key={m.id} meeting={m} />
          ))}
        </ul>
      )}
    </LoadState>
  );
}

function MeetingCard({ meeting }: { meeting: MeetingSummary }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className="meeting-card">
      <div className="meeting-card-head">
        <Link className="meeting-card-title" to={`/meetings/${meeting.id}`}>
          {meeting.title}
        </Link>
        <MeetingStatusBadge status={meeting.status} />
      </div>
      <p className="meeting-card-time">{formatMeetingTime(meeting.startsAt, meeting.endsAt, locale)}</p>
      <p className="meeting-card-meta muted">
        {meeting.place && <span>{t('meetings.placeShort', { place: meeting.place })}</span>}
        <span>{t(`meetingKind.${meeting.kind}`)}</span>
        <span>{t('meetings.myRole', { role: t(`meetingRole.${meeting.myRole}`) })}</span>
      </p>
    </li>
  );
}
