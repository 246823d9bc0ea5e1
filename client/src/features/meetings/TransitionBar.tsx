import { useState, type ReactNode } from 'react';
import { MEETING_TRANSITION_NAMES, type Meeting, type MeetingTransition } from '@e-cabinet/protocol';
import { errorText } from '../../api/errors';
import { useLocale, useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alerts';
import { TextAreaField } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { useFormError } from '../../ui/FormError';
import { useSubmit } from '../../ui/hooks';
import { useToast } from '../../ui/Toasts';
import { meetingsApi } from './meetings-api';

interface TransitionBarProps {
  meeting: Meeting;
  onChanged: (meeting: Meeting) => void;
  /** Other actions to show in the same bar (e.g. "Sửa thông tin"). */
  children?: ReactNode;
}

/** One button per transition the server allows the caller now; "Trả lại" asks for a comment. */
export function TransitionBar({ meeting, onChanged, children }: TransitionBarProps) {
  const t = useT();
  const locale = useLocale();
  const toast = useToast();
  const [returning, setReturning] = useState(false);
  const transitions = MEETING_TRANSITION_NAMES.filter((name) => meeting.allowedTransitions.includes(name));

  const done = (after: Meeting) => {
    onChanged(after);
    toast(t('transition.done', { status: t(`meetingStatus.${after.status}`) }));
  };
  const { run, busy, error } = useSubmit(async (name: MeetingTransition) => done(await meetingsApi.transition(meeting.id, name)));

  if (transitions.length === 0 && !children) return null;
  return (
    <div className="action-bar">
      <div className="action-bar-buttons" role="group" aria-label={t('transition.label')}>
        {children}
        {transitions.map((name) => (
          <button
            key={name}
            type="button"
            className={name === 'return' ? undefined : 'button-primary'}
            disabled={busy}
            onClick={() => (name === 'return' ? setReturning(true) : void run(name))}
          >
            {t(`transition.${name}`)}
          </button>
        ))}
      </div>
      {error !== null && <ErrorAlert message={errorText(error, locale)} />}
      {returning && (
        <ReturnDialog
          meetingId={meeting.id}
          onClose={() => setReturning(false)}
          onDone={(after) => {
            setReturning(false);
            done(after);
          }}
        />
      )}
    </div>
  );
}

function ReturnDialog({ meetingId, onClose, onDone }: { meetingId: string; onClose: () => void; onDone: (m: Meeting) => void }) {
  const t = useT();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const { run, busy, error } = useSubmit(async () => {
    if (!comment.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    onDone(await meetingsApi.transition(meetingId, 'return', comment.trim()));
  });
  const { fields, summary, details } = useFormError(error, ['comment']);
  return (
    <FormDialog
      title={t('transition.returnTitle')}
      submitLabel={t('transition.returnConfirm')}
      busy={busy}
      error={{ summary, details, hasFieldErrors: Object.keys(fields).length > 0 }}
      onSubmit={() => void run()}
      onClose={onClose}
    >
      <p>{t('transition.returnHelp')}</p>
      <TextAreaField
        label={t('transition.comment')}
        value={comment}
        onValueChange={setComment}
        error={missing ? t('transition.commentRequired') : fields.comment}
        required
        maxLength={2000}
        rows={4}
      />
    </FormDialog>
  );
}
