import { useState } from 'react';
import type { Meeting } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { useFormError } from '../../ui/FormError';
import { useResource, useSubmit } from '../../ui/hooks';
import { draftToBody, type MeetingBody, type MeetingDraft } from './meeting-draft';
import { MEETING_FIELDS } from './MeetingFields';
import { loadDirectory } from './meetings-api';

/**
 * State, directory and submit for the meeting form. `save` gets a checked body; the form's own
 * check (half-typed dates) and the server's field errors come back as `errors`.
 */
export function useMeetingForm(initial: () => MeetingDraft, save: (body: MeetingBody) => Promise<Meeting>, onSaved: (meeting: Meeting) => void) {
  const t = useT();
  const [draft, setDraft] = useState(initial);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const directory = useResource(loadDirectory);
  const { run, busy, error } = useSubmit(async () => {
    const check = draftToBody(draft);
    if (!check.ok) {
      setLocalErrors(Object.fromEntries(Object.keys(check.errors).map((k) => [k, t('meetingForm.incompleteDate')])));
      return;
    }
    setLocalErrors({});
    onSaved(await save(check.body));
  });
  const { fields, summary, details } = useFormError(error, MEETING_FIELDS);
  const errors = { ...fields, ...localErrors };
  const hasLocal = Object.keys(localErrors).length > 0;
  return {
    draft,
    setDraft,
    directory: directory.data ?? null,
    directoryError: directory.error,
    errors,
    busy,
    submit: () => void run(),
    formError: {
      summary: summary ?? (hasLocal ? t('common.fixFields') : null),
      details,
      hasFieldErrors: Object.keys(errors).length > 0 && !hasLocal,
    },
  };
}
