import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { TASK_DUE_FILTERS, TASK_STATUS_FILTERS, type Task, type TaskDueFilter, type TaskStatusFilter } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { EmptyState, LoadState } from '../../ui/Alerts';
import { SelectField } from '../../ui/Field';
import { useDocumentTitle, useResource } from '../../ui/hooks';
import { useToast } from '../../ui/Toasts';
import { byUrgency } from './task-logic';
import { TaskTable } from './TaskTable';
import { TaskUpdateDialog } from './TaskUpdateDialog';
import { tasksApi } from './tasks-api';

const ALL = 'all';

/** Reads a filter from the URL: only known values count, anything else means "all". */
function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((v) => v === value);
}

/** "Việc của tôi": tasks of my unit and mine, filtered by status and deadline; report progress from the list. */
export function MyTasksPage() {
  const t = useT();
  const toast = useToast();
  useDocumentTitle(t('tasks.mine.title'));
  const [params, setParams] = useSearchParams();
  // Open tasks unless the URL says otherwise: what still needs doing comes first.
  const status = params.get('status') === ALL ? undefined : (pick(params.get('status'), TASK_STATUS_FILTERS) ?? 'open');
  const due = pick(params.get('due'), TASK_DUE_FILTERS);
  const tasks = useResource(useCallback((signal: AbortSignal) => tasksApi.mine({ ...(status ? { status } : {}), ...(due ? { due } : {}) }, signal), [status, due]));
  const [updating, setUpdating] = useState<Task | null>(null);
  const now = new Date();
  const sorted = useMemo(() => [...(tasks.data ?? [])].sort(byUrgency(new Date())), [tasks.data]);

  const setFilter = (key: 'status' | 'due', value: string) => {
    const next = new URLSearchParams(params);
    if (key === 'status') next.set('status', value);
    else if (value === ALL) next.delete('due');
    else next.set('due', value);
    setParams(next, { replace: true });
  };
  const replace = (task: Task) => tasks.set((list) => list?.map((x) => (x.id === task.id ? task : x)));

  return (
    <section className="page">
      <div className="page-header">
        <h1>{t('tasks.mine.title')}</h1>
      </div>
      <p className="muted">{t('tasks.mine.intro')}</p>
      <div className="toolbar task-filters">
        <SelectField
          label={t('tasks.filter.status')}
          value={status ?? ALL}
          onValueChange={(v) => setFilter('status', v)}
          options={[
            { value: 'open', label: t('tasks.filter.open') },
            ...TASK_STATUS_FILTERS.filter((s): s is Exclude<TaskStatusFilter, 'open'> => s !== 'open').map((s) => ({ value: s, label: t(`taskStatus.${s}`) })),
            { value: ALL, label: t('tasks.filter.allStatuses') },
          ]}
        />
        <SelectField
          label={t('tasks.filter.due')}
          value={due ?? ALL}
          onValueChange={(v) => setFilter('due', v)}
          options={[{ value: ALL, label: t('tasks.filter.allDue') }, ...TASK_DUE_FILTERS.map((d: TaskDueFilter) => ({ value: d, label: t(`tasks.filter.${d}`) }))]}
        />
      </div>
      <LoadState loading={tasks.loading} error={tasks.error} hasData={tasks.data !== undefined} onRetry={tasks.reload}>
        {sorted.length === 0 ? (
          <EmptyState title={t('tasks.mine.empty')}>
            <p className="muted">{t('tasks.mine.emptyHint')}</p>
          </EmptyState>
        ) : (
          <>
            <p className="muted" aria-live="polite">
              {t('tasks.count', { count: sorted.length })}
            </p>
            <TaskTable tasks={sorted} now={now} caption={t('tasks.mine.title')} onUpdate={setUpdating} />
          </>
        )}
      </LoadState>
      {updating && (
        <TaskUpdateDialog
          task={updating}
          onClose={() => setUpdating(null)}
          onChanged={replace}
          onSaved={(task) => {
            setUpdating(null);
            // The saved task may no longer match the filter (e.g. done while showing open): reload.
            replace(task);
            tasks.reload();
            toast(t('tasks.updated'));
          }}
        />
      )}
    </section>
  );
}
