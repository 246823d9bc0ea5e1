import { useEffect } from 'react';
import type { MeetingSummary } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { useToast } from '../../ui/Toasts';
import { useConnection } from '../connection/connection-context';

/**
 * "Có cuộc họp mới: …" wherever the user is, when a meeting they take part in is published.
 * The meeting's own secretary published it and needs no news of it.
 */
export function MeetingPublishedToasts() {
  const t = useT();
  const toast = useToast();
  const { socket } = useConnection();
  useEffect(() => {
    const onPublished = ({ meeting }: { meeting: MeetingSummary }) => {
      if (meeting.myRole !== 'secretary') toast(t('meetings.publishedToast', { title: meeting.title }));
    };
    socket.on('meeting:published', onPublished);
    return () => {
      socket.off('meeting:published', onPublished);
    };
  }, [socket, toast, t]);
  return null;
}
