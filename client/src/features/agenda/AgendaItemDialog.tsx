import { useState } from 'react';
import type { AgendaItem, Participant } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { useFormError } from '../../ui/FormError';
import { useResource, useSubmit } from '../../ui/hooks';
import { loadDirectory } from '../meetings/meetings-api';
import { agendaApi } from './agenda-api';
import { eligiblePresenters, parseMinutes } from './agenda-logic';

interface AgendaItemDialogProps {
  meetingId: string;
  /** Absent: add a new item at the end. */
  item?: AgendaItem | undefined;
  /** The meeting's participants: only they (or members of a participating unit) may present. */
  participants: readonly Participant[];
  onClose: () => void;
  onSaved: (items: AgendaItem[]) => void;
}

/** "Thêm nội dung" / edit an item: title, description, presenter and time box. */
export function AgendaItemDialog({ meetingId, item, participants, onClose, onSaved }: AgendaItemDialogProps) {
  const t = useT();
  const [title, setTitle] = useState(item?.title ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [presenterId, setPresenterId] = useState(item?.presenterId ?? '');
  const [minutes, setMinutes] = useState(String(item?.durationMinutes ?? 15));
  const [badMinutes, setBadMinutes] = useState(false);
  const directory = useResource(loadDirectory);

  const { run, busy, error } = useSubmit(async () => {
    const durationMinutes = parseMinutes(minutes);
    setBadMinutes(durationMinutes === null);
    if (durationMinutes === null) return;
    const body = { title: title.trim(), description: description.trim(), presenterId: presenterId || null, durationMinutes };
    onSaved(item ? await agendaApi.update(meetingId, item.id, body) : await agendaApi.create(meetingId, body));
  });
  const { fields, summary, details } = useFormError(error, ['title', 'description', 'presenterId', 'durationMinutes']);
  const people = eligiblePresenters(directory.data?.users ?? [], participants);
  // Keep a presenter who has since left the directory selectable under their stored name.
  const keep = item?.presenterId && !people.some((u) => u.id === item.presenterId) ? [{ value: item.presenterId, label: item.presenterName ?? '—' }] : [];

  return (
    <FormDialog
      title={item ? t('agenda.editTitle') : t('agenda.add')}
      busy={busy}
      error={{ summary: summary ?? (badMinutes ? t('common.fixFields') : null), details, hasFieldErrors: Object.keys(fields).length > 0 }}
      onSubmit={() => void run()}
      onClose={onClose}
    >
      <TextField label={t('agenda.itemTitle')} value={title} onValueChange={setTitle} error={fields.title} required maxLength={300} />
      <TextAreaField label={t('agenda.description')} value={description} onValueChange={setDescription} error={fields.description} maxLength={5000} />
      <SelectField
        label={t('agenda.presenter')}
        value={presenterId}
        onValueChange={setPresenterId}
        options={[
          { value: '', label: directory.data ? t('agenda.noPresenter') : t('common.loading') },
          ...keep,
          ...people.map((u) => ({ value: u.id, label: u.fullName })),
        ]}
        error={fields.presenterId ?? (directory.error ? `${t('participants.directoryFailed')} ${directory.error}` : undefined)}
      />
      <TextField
        type="number"
        inputMode="numeric"
        min={1}
        max={600}
        step={1}
        label={t('agenda.duration')}
        value={minutes}
        onValueChange={setMinutes}
        error={badMinutes ? t('agenda.durationInvalid') : fields.durationMinutes}
        required
      />
    </FormDialog>
  );
}

