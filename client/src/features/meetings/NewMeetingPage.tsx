import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alerts';
import { FormError } from '../../ui/FormError';
import { useDocumentTitle } from '../../ui/hooks';
import { useToast } from '../../ui/Toasts';
import { useCurrentUser } from '../auth/auth-context';
import { emptyDraft } from './meeting-draft';
import { MeetingFields } from './MeetingFields';
import { meetingsApi } from './meetings-api';
import { canCreateMeetings } from './permissions';
import { useMeetingForm } from './use-meeting-form';

/** "Tạo cuộc họp": a new draft meeting; the creator becomes its secretary. */
export function NewMeetingPage() {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const toast = useToast();
  useDocumentTitle(t('meetings.create'));
  const form = useMeetingForm(
    () => emptyDraft(Date.now()),
    (body) => meetingsApi.create(body),
    (meeting) => {
      toast(t('meetings.created', { title: meeting.title }));
      navigate(`/meetings/${meeting.id}`, { replace: true });
    },
  );

  if (!canCreateMeetings(user.role)) {
    return (
      <section className="page">
        <h1>{t('forbidden.title')}</h1>
        <p>{t('meetings.createForbidden')}</p>
      </section>
    );
  }

  return (
    <section className="page page-form">
      <p>
        <Link to="/meetings">{t('meetings.backToList')}</Link>
      </p>
      <h1>{t('meetings.create')}</h1>
      <form
        noValidate
        className="form-card"
        onSubmit={(e) => {
          e.preventDefault();
          form.submit();
        }}
      >
        <FormError {...form.formError} />
        {form.directoryError && <ErrorAlert message={`${t('participants.directoryFailed')} ${form.directoryError}`} />}
        <MeetingFields draft={form.draft} onChange={form.setDraft} errors={form.errors} directory={form.directory} />
        <div className="form-actions">
          <button type="button" onClick={() => navigate('/meetings')}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={form.busy} aria-busy={form.busy}>
            {t('meetings.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
