import { useCallback, useMemo, useState } from 'react';
import type { AgendaItem, Meeting, Task } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { EmptyState, LoadState } from '../../ui/Alerts';
import { useResource } from '../../ui/hooks';
import { useToast } from '../../ui/Toasts';
import { TaskFormDialog } from './TaskFormDialog';
import { TaskTable } from './TaskTable';
import { TaskUpdateDialog } from './TaskUpdateDialog';
import { tasksApi } from './tasks-api';

/** The meeting's organisers give tasks once it is in session or over. */
export function canGiveTasks(meeting: Pick<Meeting, 'myRole' | 'status'>): boolean {
  return (meeting.myRole === 'chair' || meeting.myRole === 'secretary') && ['live', 'ended', 'closed'].includes(meeting.status);
}

type Editing = { kind: 'create'; itemId: string } | { kind: 'edit'; task: Task } | { kind: 'update'; task: Task } | null;

/** "Nhiệm vụ" on the meeting page: tasks given under each agenda item, and giving new ones. */
export function MeetingTasksSection({ meeting, agenda }: { meeting: Meeting; agenda: readonly AgendaItem[] }) {
  const t = useT();
  const toast = useToast();
  const tasks = useResource(useCallback((signal: AbortSignal) => tasksApi.forMeeting(meeting.id, signal), [meeting.id]));
  const [editing, setEditing] = useState<Editing>(null);
  const now = new Date();
  const byItem = useMemo(() => {
    const map = new Map<string, Task[]>();
    for (const task of tasks.data ?? []) map.set(task.itemId, [...(map.get(task.itemId) ?? []), task]);
    return map;
  }, [tasks.data]);
  const replace = (task: Task) => tasks.set((list) => (list?.some((x) => x.id === task.id) ? list.map((x) => (x.id === task.id ? task : x)) : [...(list ?? []), task]));

  return (
    <section className="panel meeting-tasks" aria-labelledby="meeting-tasks-title">
      <div className="panel-header">
        <h2 id="meeting-tasks-title">{t('tasks.section.title')}</h2>
        <button type="button" onClick={tasks.reload} disabled={tasks.loading}>
          {t('tasks.refresh')}
        </button>
      </div>
      <p className="muted">{t('tasks.section.intro')}</p>
      <LoadState loading={tasks.loading} error={tasks.error} hasData={tasks.data !== undefined} onRetry={tasks.reload}>
        {agenda.length === 0 ? (
          <EmptyState title={t('tasks.section.noItems')} />
        ) : (
          <ol className="meeting-tasks-items">
            {agenda.map((item, index) => {
              const list = byItem.get(item.id) ?? [];
              return (
                <li key={item.id} className="meeting-tasks-item">
                  <div className="meeting-tasks-item-header">
                    <h3>
                      {index + 1}. {item.title}
                    </h3>
                    <button type="button" className="button-primary" onClick={() => setEditing({ kind: 'create', itemId: item.id })} aria-label={t('tasks.section.giveFor', { title: item.title })}>
                      {t('tasks.section.give')}
                    </button>
                  </div>
                  {list.length === 0 ? (
                    <p className="muted">{t('tasks.section.none')}</p>
                  ) : (
                    <TaskTable tasks={list} now={now} caption={t('tasks.section.caption', { title: item.title })} showSource={false} onUpdate={(task) => setEditing({ kind: 'update', task })} onEdit={(task) => setEditing({ kind: 'edit', task })} />
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </LoadState>

      {(editing?.kind === 'create' || editing?.kind === 'edit') && (
        <TaskFormDialog
          meetingId={meeting.id}
          items={agenda}
          task={editing.kind === 'edit' ? editing.task : undefined}
          initialItemId={editing.kind === 'create' ? editing.itemId : undefined}
          onClose={() => setEditing(null)}
          onSaved={(task) => {
            const created = editing.kind === 'create';
            setEditing(null);
            replace(task);
            toast(created ? t('tasks.created') : t('tasks.updated'));
          }}
        />
      )}
      {editing?.kind === 'update' && (
        <TaskUpdateDialog
          task={editing.task}
          onClose={() => setEditing(null)}
          onChanged={replace}
          onSaved={(task) => {
            setEditing(null);
            replace(task);
            toast(t('tasks.updated'));
          }}
        />
      )}
    </section>
  );
}
