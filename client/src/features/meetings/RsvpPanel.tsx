import { useState } from 'react';
import type { Meeting, RsvpEntry, RsvpResponse } from '@e-cabinet/protocol';
import { useLocale, useT } from '../../i18n';
import { SelectField, TextAreaField } from '../../ui/Field';
import { FormError, useFormError } from '../../ui/FormError';
import { useResource, useSubmit } from '../../ui/hooks';
import { useToast } from '../../ui/Toasts';
import { useCurrentUser } from '../auth/auth-context';
import { formatShortDateTime } from './meeting-time';
import { loadDirectory, meetingsApi } from './meetings-api';

interface RsvpPanelProps {
  meeting: Meeting;
  onAnswered: (entry: RsvpEntry) => void;
}

/**
 * The caller's answer to the invitation: attend and decline are sent at once; a substitute
 * needs a person chosen first. The note goes with any answer.
 */
export function RsvpPanel({ meeting, onAnswered }: RsvpPanelProps) {
  const t = useT();
  const locale = useLocale();
  const toast = useToast();
  const me = useCurrentUser();
  const [choosing, setChoosing] = useState(meeting.myRsvp?.response === 'substitute');
  const [substitute, setSubstitute] = useState(meeting.myRsvp?.substituteUserId ?? '');
  const [note, setNote] = useState(meeting.myRsvp?.note ?? '');
  const [missing, setMissing] = useState(false);
  const directory = useResource(loadDirectory);

  const { run, busy, error } = useSubmit(async (response: RsvpResponse) => {
    if (response === 'substitute' && !substitute) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const body = response === 'substitute' ? { response, substituteUserId: substitute, note: note.trim() } : { response, note: note.trim() };
    const entry = await meetingsApi.rsvp(meeting.id, body);
    onAnswered(entry);
    toast(t('rsvp.saved'));
  });
  const { fields, summary, details } = useFormError(error, ['substituteUserId', 'note']);
  const current = meeting.myRsvp;
  const people = (directory.data?.users ?? []).filter((u) => u.id !== me.id);

  return (
    <section className="panel" aria-labelledby="rsvp-title">
      <h2 id="rsvp-title">{t('rsvp.title')}</h2>
      <p>
        {current
          ? t('rsvp.current', { answer: t(`rsvp.${current.response}`), time: formatShortDateTime(current.at, locale) })
          : t('rsvp.none')}
      </p>
      <FormError summary={summary} details={details} hasFieldErrors={Object.keys(fields).length > 0} />
      <TextAreaField label={t('rsvp.note')} value={note} onValueChange={setNote} maxLength={500} rows={2} error={fields.note} />
      <div className="action-bar-buttons">
        <button type="button" className="button-primary" aria-pressed={current?.response === 'attend'} disabled={busy} onClick={() => void run('attend')}>
          {t('rsvp.attend')}
        </button>
        <button type="button" aria-pressed={current?.response === 'decline'} disabled={busy} onClick={() => void run('decline')}>
          {t('rsvp.decline')}
        </button>
        <button type="button" aria-pressed={current?.response === 'substitute'} aria-expanded={choosing} disabled={busy} onClick={() => setChoosing(true)}>
          {t('rsvp.substitute')}
        </button>
      </div>
      {choosing && (
        <div className="rsvp-substitute">
          <SelectField
            label={t('rsvp.substitutePerson')}
            value={substitute}
            onValueChange={setSubstitute}
            options={[{ value: '', label: directory.data ? t('participants.choose') : t('common.loading') }, ...people.map((u) => ({ value: u.id, label: u.fullName }))]}
            error={missing ? t('rsvp.substituteRequired') : fields.substituteUserId}
          />
          <div className="action-bar-buttons">
            <button type="button" onClick={() => setChoosing(false)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button-primary" disabled={busy} onClick={() => void run('substitute')}>
              {t('rsvp.sendSubstitute')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
