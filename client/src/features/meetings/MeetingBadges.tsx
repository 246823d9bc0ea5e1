import type { MeetingStatus } from '@e-cabinet/protocol';
import { useT } from '../../i18n';

/** The meeting's stage, in words (the colour only repeats it). */
export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const t = useT();
  return <span className={`badge meeting-status meeting-status-${status}`}>{t(`meetingStatus.${status}`)}</span>;
}
