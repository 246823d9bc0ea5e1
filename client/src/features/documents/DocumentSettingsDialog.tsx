import { useCallback, useState } from 'react';
import type { Meeting, MeetingDocument } from '@e-cabinet/protocol';
import { useLocale, useT } from '../../i18n';
import { CheckboxField, SelectField, TextField } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { useFormError } from '../../ui/FormError';
import { useResource, useSubmit } from '../../ui/hooks';
import { formatShortDateTime } from '../meetings/meeting-time';
import { documentsApi } from './documents-api';
import { formatBytes } from './upload';

interface DocumentSettingsDialogProps {
  meeting: Meeting;
  doc: MeetingDocument;
  onClose: () => void;
  onSaved: (doc: MeetingDocument) => void;
}

/** The secretary sets a document's title, who may read it, whether it is confidential and downloadable; and sees its versions. */
export function DocumentSettingsDialog({ meeting, doc, onClose, onSaved }: DocumentSettingsDialogProps) {
  const t = useT();
  const locale = useLocale();
  const [title, setTitle] = useState(doc.title);
  const [access, setAccess] = useState(doc.access);
  const [allowed, setAllowed] = useState<ReadonlySet<string>>(() => new Set(doc.allowedUserIds));
  const [confidential, setConfidential] = useState(doc.confidential);
  const [allowDownload, setAllowDownload] = useState(doc.allowDownload);
  const versions = useResource(useCallback((signal: AbortSignal) => documentsApi.versions(doc.id, signal), [doc.id]));
  // Only people named on the meeting can be chosen (the server refuses anyone else).
  const people = meeting.participants.filter((p): p is typeof p & { userId: string } => p.userId !== null);

  const { run, busy, error } = useSubmit(async () => {
    onSaved(
      await documentsApi.update(doc.id, {
        title: title.trim(),
        access,
        allowedUserIds: access === 'selected' ? [...allowed] : [],
        confidential,
        allowDownload,
      }),
    );
  });
  const { fields, summary, details } = useFormError(error, ['title', 'access', 'allowedUserIds', 'confidential', 'allowDownload']);
  const toggle = (userId: string, on: boolean) =>
    setAllowed((set) => {
      const next = new Set(set);
      if (on) next.add(userId);
      else next.delete(userId);
      return next;
    });

  return (
    <FormDialog
      title={t('docs.settingsTitle', { title: doc.title })}
      busy={busy}
      error={{ summary, details, hasFieldErrors: Object.keys(fields).length > 0 }}
      onSubmit={() => void run()}
      onClose={onClose}
    >
      <TextField label={t('docs.title')} value={title} onValueChange={setTitle} error={fields.title} required maxLength={300} />
      <SelectField
        label={t('docs.access')}
        value={access}
        onValueChange={(v) => setAccess(v === 'selected' ? 'selected' : 'all')}
        options={[
          { value: 'all', label: t('docs.accessAll') },
          { value: 'selected', label: t('docs.accessSelected') },
        ]}
        error={fields.access}
      />
      {access === 'selected' && (
        <fieldset className="check-group">
          <legend>{t('docs.allowedUsers')}</legend>
          {fields.allowedUserIds && <p className="field-error">{fields.allowedUserIds}</p>}
          {people.map((p) => (
            <CheckboxField key={p.userId} label={p.name} checked={allowed.has(p.userId)} onCheckedChange={(on) => toggle(p.userId, on)} />
          ))}
        </fieldset>
      )}
      <CheckboxField
        label={t('docs.confidentialLabel')}
        hint={t('docs.confidentialHint')}
        checked={confidential}
        onCheckedChange={(on) => {
          setConfidential(on);
          // The usual choice for each kind: confidential documents stay in the app unless allowed.
          setAllowDownload(!on);
        }}
      />
      <CheckboxField
        label={t('docs.allowDownloadLabel')}
        hint={t(confidential ? 'docs.allowDownloadHintConfidential' : 'docs.allowDownloadHint')}
        checked={allowDownload}
        onCheckedChange={setAllowDownload}
      />
      <h3 className="dialog-subtitle">{t('docs.versions')}</h3>
      {versions.error && <p className="field-error">{versions.error}</p>}
      {!versions.data && !versions.error && <p className="muted">{t('common.loading')}</p>}
      {versions.data && (
        <ol className="plain-list version-list">
          {versions.data.map((v) => (
            <li key={v.id}>
              {t('docs.version', { version: v.version })}: {v.filename}{' '}
              <span className="muted">
                {formatShortDateTime(v.uploadedAt, locale)} · {t('docs.pages', { pages: v.pageCount })} · {formatBytes(v.pdfSize, locale)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </FormDialog>
  );
}
