import { useId, useState } from 'react';
import { ErrorCode, type Task, type TaskStatus } from '@e-cabinet/protocol';
import { ApiRequestError } from '../../api/client';
import { useLocale, useT } from '../../i18n';
import { SelectField, TextAreaField } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { useFormError } from '../../ui/FormError';
import { useSubmit } from '../../ui/hooks';
import { formatShortDateTime } from '../meetings/meeting-time';
import { UploadControl } from '../documents/UploadControl';
import { progressFor, statusChoices } from './task-logic';
import { taskResultUploadUrl, taskResultUrl, tasksApi } from './tasks-api';

interface TaskUpdateDialogProps {
  task: Task;
  onClose: () => void;
  /** Called with the task as stored after each change (a saved report, an uploaded result). */
  onChanged: (task: Task) => void;
  /** Called after the report was saved: the dialog is done. */
  onSaved: (task: Task) => void;
}

const PLACED = ['status', 'progress', 'note'];

/**
 * "Cập nhật tiến độ": status, progress and a note, plus the result document (uploaded at once,
 * with progress). Saved on the version shown; when someone else changed the task meanwhile,
 * the latest is loaded and the person checks and saves again.
 */
export function TaskUpdateDialog({ task, onClose, onChanged, onSaved }: TaskUpdateDialogProps) {
  const t = useT();
  const locale = useLocale();
  const progressId = useId();
  const [base, setBase] = useState(task);
  const [status, setStatus] = useState<TaskStatus>(task.status);
  const [progress, setProgress] = useState(task.progress);
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const shown = progressFor(status, progress);

  const refresh = async () => {
    const fresh = (await tasksApi.get(base.id)).task;
    setBase(fresh);
    onChanged(fresh);
    return fresh;
  };

  const { run, busy, error } = useSubmit(async () => {
    setNotice(null);
    try {
      const saved = await tasksApi.update(base.id, { version: base.version, status, progress: shown, ...(note.trim() ? { note: note.trim() } : {}) });
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === ErrorCode.CONFLICT) {
        await refresh().catch(() => {});
        setNotice({ ok: false, text: t('tasks.conflictReloaded') });
        return;
      }
      throw err;
    }
  });
  const { fields, summary, details } = useFormError(error, PLACED);

  return (
    <FormDialog
      title={t('tasks.updateTitle')}
      busy={busy}
      error={{ summary, details, hasFieldErrors: Object.keys(fields).length > 0 }}
      onSubmit={() => void run()}
      onClose={onClose}
    >
      <p className="task-dialog-subject">{base.description}</p>
      {notice && (
        <div role="status" className={notice.ok ? 'alert alert-success' : 'alert alert-warning'}>
          <p>{notice.text}</p>
        </div>
      )}
      <SelectField
        label={t('tasks.status')}
        value={status}
        onValueChange={(v) => setStatus(statusChoices(base.canManage, base.status).find((s) => s === v) ?? status)}
        options={statusChoices(base.canManage, base.status).map((s) => ({ value: s, label: t(`taskStatus.${s}`) }))}
        error={fields.status}
      />
      <div className={fields.progress ? 'field field-invalid' : 'field'}>
        <label htmlFor={progressId}>{t('tasks.progress')}</label>
        <div className="task-progress-input">
          <input
            id={progressId}
            type="range"
            min={0}
            max={100}
            step={5}
            value={shown}
            disabled={status === 'done'}
            aria-valuetext={t('tasks.percent', { percent: shown })}
            onChange={(e) => setProgress(Number(e.target.value))}
          />
          <output htmlFor={progressId}>{t('tasks.percent', { percent: shown })}</output>
        </div>
        {fields.progress && <p className="field-error">{fields.progress}</p>}
      </div>
      <TextAreaField label={t('tasks.note')} value={note} onValueChange={setNote} maxLength={2000} error={fields.note} />

      <fieldset className="task-result-field">
        <legend>{t('tasks.result')}</legend>
        {base.result ? (
          <p>
            <a href={taskResultUrl(base.id)} target="_blank" rel="noopener noreferrer">
              {base.result.filename}
            </a>{' '}
            <span className="muted">{t('tasks.resultBy', { name: base.result.uploadedByName, time: formatShortDateTime(base.result.uploadedAt, locale) })}</span>
          </p>
        ) : (
          <p className="muted">{t('tasks.resultNone')}</p>
        )}
        <UploadControl
          label={t('tasks.resultUploadLabel', { name: base.description })}
          buttonText={base.result ? t('tasks.resultReplace') : t('tasks.resultUpload')}
          urlFor={(file) => taskResultUploadUrl(base.id, file.name)}
          onUploaded={() => {
            refresh().then(
              () => setNotice({ ok: true, text: t('tasks.resultUploaded') }),
              () => setNotice({ ok: false, text: t('tasks.reloadFailed') }),
            );
          }}
          compact
        />
      </fieldset>
    </FormDialog>
  );
}
