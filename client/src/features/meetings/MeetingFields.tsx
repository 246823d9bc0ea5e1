import { MEETING_KINDS, type Directory, type MeetingKind } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { SelectField, TextField } from '../../ui/Field';
import type { MeetingDraft } from './meeting-draft';
import { ParticipantsPicker } from './ParticipantsPicker';

/** The fields whose server errors land by an input (the rest go to the summary). */
export const MEETING_FIELDS = ['title', 'kind', 'startsAt', 'endsAt', 'place', 'onlineLink', 'participants'];

interface MeetingFieldsProps {
  draft: MeetingDraft;
  onChange: (next: MeetingDraft) => void;
  errors: Record<string, string>;
  directory: Directory | null;
}

/** Title, kind, time, place, online link and participants: shared by "create" and "edit". */
export function MeetingFields({ draft, onChange, errors, directory }: MeetingFieldsProps) {
  const t = useT();
  const set =
    <K extends keyof MeetingDraft>(key: K) =>
    (value: MeetingDraft[K]) =>
      onChange({ ...draft, [key]: value });
  return (
    <>
      <TextField label={t('meetingForm.title')} value={draft.title} onValueChange={set('title')} error={errors.title} required maxLength={300} />
      <SelectField
        label={t('meetingForm.kind')}
        value={draft.kind}
        onValueChange={(v) => set('kind')(MEETING_KINDS.find((k) => k === v) ?? ('regular' satisfies MeetingKind))}
        options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetingKind.${k}`) }))}
        error={errors.kind}
      />
      <div className="field-pair">
        <TextField
          type="datetime-local"
          label={t('meetingForm.startsAt')}
          value={draft.startsAt}
          onValueChange={set('startsAt')}
          error={errors.startsAt}
          required
        />
        <TextField
          type="datetime-local"
          label={t('meetingForm.endsAt')}
          value={draft.endsAt}
          onValueChange={set('endsAt')}
          error={errors.endsAt}
          required
        />
      </div>
      <p className="field-hint form-note">{t('meetingForm.timezone')}</p>
      <TextField label={t('meetingForm.place')} value={draft.place} onValueChange={set('place')} error={errors.place} maxLength={300} />
      <TextField
        type="url"
        label={t('meetingForm.onlineLink')}
        value={draft.onlineLink}
        onValueChange={set('onlineLink')}
        error={errors.onlineLink}
        hint={t('meetingForm.onlineLinkHint')}
        inputMode="url"
        autoCapitalize="none"
        spellCheck={false}
      />
      <ParticipantsPicker value={draft.participants} onChange={set('participants')} directory={directory} error={errors.participants} />
      <p className="field-hint form-note">{t('meetingForm.creatorNote')}</p>
    </>
  );
}
