import { useMemo, useState } from 'react';
import { TASK_PRIORITIES, type AgendaItem, type Task, type TaskPriority, type UpdateTask } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alerts';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { useFormError } from '../../ui/FormError';
import { useResource, useSubmit } from '../../ui/hooks';
import { loadDirectory } from '../meetings/meetings-api';
import { loadUnits } from '../units/units-api';
import { unitOptions } from '../units/unit-tree';
import { deadlineInputValue } from './task-logic';
import { tasksApi } from './tasks-api';

interface TaskFormDialogProps {
  meetingId: string;
  /** The meeting's agenda; the item to give the task under is chosen from it when creating. */
  items: readonly AgendaItem[];
  /** Absent: a new task. */
  task?: Task | undefined;
  initialItemId?: string | undefined;
  onClose: () => void;
  onSaved: (task: Task) => void;
}

const PLACED = ['itemId', 'description', 'conclusionRef', 'assigneeUnitId', 'assigneeUserId', 'deadline', 'priority'];

/** "Giao nhiệm vụ" / "Sửa nhiệm vụ" for the meeting's organisers. */
export function TaskFormDialog({ meetingId, items, task, initialItemId, onClose, onSaved }: TaskFormDialogProps) {
  const t = useT();
  const units = useResource(loadUnits);
  const directory = useResource(loadDirectoryResource);
  const [itemId, setItemId] = useState(task?.itemId ?? initialItemId ?? items[0]?.id ?? '');
  const [description, setDescription] = useState(task?.description ?? '');
  const [conclusionRef, setConclusionRef] = useState(task?.conclusionRef ?? '');
  const [unitId, setUnitId] = useState(task?.assigneeUnitId ?? '');
  const [userId, setUserId] = useState(task?.assigneeUserId ?? '');
  const [deadline, setDeadline] = useState(task ? deadlineInputValue(task.deadline) : '');
  const [priority, setPriority] = useState<TaskPriority>(task?.priority ?? 'normal');

  const unitChoices = useMemo(() => [{ value: '', label: t('tasks.form.chooseUnit') }, ...unitOptions(units.data ?? [], { keep: task?.assigneeUnitId ?? null })], [units.data, task, t]);
  const people = useMemo(() => (directory.data?.users ?? []).filter((u) => u.unitId === unitId), [directory.data, unitId]);
  const personChoices = [{ value: '', label: t('tasks.wholeUnit') }, ...people.map((u) => ({ value: u.id, label: u.title ? `${u.fullName} — ${u.title}` : u.fullName }))];
  // A person kept from before who is no longer in the directory still shows, so nothing changes silently.
  if (task?.assigneeUserId && userId === task.assigneeUserId && !people.some((p) => p.id === userId)) personChoices.push({ value: userId, label: task.assigneeUserName ?? '—' });

  const { run, busy, error } = useSubmit(async () => {
    if (!task) {
      onSaved(
        await tasksApi.create(meetingId, {
          itemId,
          description: description.trim(),
          ...(conclusionRef.trim() ? { conclusionRef: conclusionRef.trim() } : {}),
          assigneeUnitId: unitId,
          assigneeUserId: userId || null,
          deadline,
          priority,
        }),
      );
      return;
    }
    const body: UpdateTask = { version: task.version };
    if (description.trim() !== task.description) body.description = description.trim();
    if (deadline !== deadlineInputValue(task.deadline)) body.deadline = deadline;
    if (priority !== task.priority) body.priority = priority;
    if (unitId !== task.assigneeUnitId) body.assigneeUnitId = unitId;
    if ((userId || null) !== task.assigneeUserId) body.assigneeUserId = userId || null;
    onSaved(Object.keys(body).length > 1 ? await tasksApi.update(task.id, body) : task);
  });
  const { fields, summary, details } = useFormError(error, PLACED);

  return (
    <FormDialog
      title={task ? t('tasks.form.editTitle') : t('tasks.form.createTitle')}
      submitLabel={task ? t('common.save') : t('tasks.form.submitCreate')}
      busy={busy}
      error={{ summary, details, hasFieldErrors: Object.keys(fields).length > 0 }}
      onSubmit={() => void run()}
      onClose={onClose}
    >
      {units.error && <ErrorAlert message={`${t('common.loadFailed')} ${units.error}`} />}
      {directory.error && <ErrorAlert message={t('tasks.form.peopleLoadFailed', { message: directory.error })} />}
      {!task && (
        <SelectField label={t('tasks.item')} value={itemId} onValueChange={setItemId} options={items.map((i, n) => ({ value: i.id, label: `${n + 1}. ${i.title}` }))} error={fields.itemId} required />
      )}
      <TextAreaField label={t('tasks.description')} value={description} onValueChange={setDescription} maxLength={2000} rows={4} error={fields.description} required />
      {!task && <TextField label={t('tasks.conclusionRef')} hint={t('tasks.conclusionRefHint')} value={conclusionRef} onValueChange={setConclusionRef} maxLength={200} error={fields.conclusionRef} />}
      <div className="field-pair">
        <SelectField
          label={t('tasks.unit')}
          value={unitId}
          onValueChange={(v) => {
            setUnitId(v);
            setUserId('');
          }}
          options={unitChoices}
          error={fields.assigneeUnitId}
          hint={units.loading && !units.data ? t('tasks.form.unitsLoading') : undefined}
          required
        />
        <SelectField label={t('tasks.person')} value={userId} onValueChange={setUserId} options={personChoices} error={fields.assigneeUserId} disabled={!unitId} />
      </div>
      <div className="field-pair">
        <TextField label={t('tasks.deadline')} type="date" value={deadline} onValueChange={setDeadline} hint={t('tasks.deadlineHint')} error={fields.deadline} required />
        <SelectField
          label={t('tasks.priority')}
          value={priority}
          onValueChange={(v) => setPriority(TASK_PRIORITIES.find((p) => p === v) ?? 'normal')}
          options={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`taskPriority.${p}`) }))}
          error={fields.priority}
        />
      </div>
    </FormDialog>
  );
}

/** `loadDirectory` shares one request between pickers; `useResource` passes a signal it does not need. */
const loadDirectoryResource = () => loadDirectory();
