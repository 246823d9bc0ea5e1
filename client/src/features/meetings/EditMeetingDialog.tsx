import type { Meeting } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alerts';
import { FormDialog } from '../../ui/FormDialog';
import { draftFromMeeting } from './meeting-draft';
import { MeetingFields } from './MeetingFields';
import { meetingsApi } from './meetings-api';
import { useMeetingForm } from './use-meeting-form';

interface EditMeetingDialogProps {
  meeting: Meeting;
  onClose: () => void;
  onSaved: (meeting: Meeting) => void;
}

/** Edits a draft's details and participants (only offered while `canEdit`). */
export function EditMeetingDialog({ meeting, onClose, onSaved }: EditMeetingDialogProps) {
  const t = useT();
  const form = useMeetingForm(() => draftFromMeeting(meeting), (body) => meetingsApi.update(meeting.id, body), onSaved);
  return (
    <FormDialog title={t('meetings.editTitle')} busy={form.busy} error={form.formError} onSubmit={form.submit} onClose={onClose}>
      {form.directoryError && <ErrorAlert message={`${t('participants.directoryFailed')} ${form.directoryError}`} />}
      <MeetingFields draft={form.draft} onChange={form.setDraft} errors={form.errors} directory={form.directory} />
    </FormDialog>
  );
}
