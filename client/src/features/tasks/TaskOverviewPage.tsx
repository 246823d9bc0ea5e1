import { useState } from 'react';
import type { Task, TaskOverview } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { EmptyState, LoadState } from '../../ui/Alerts';
import { useDocumentTitle, useResource } from '../../ui/hooks';
import { useToast } from '../../ui/Toasts';
import { TaskTable } from './TaskTable';
import { TaskUpdateDialog } from './TaskUpdateDialog';
import { tasksApi } from './tasks-api';

const loadOverview = (signal: AbortSignal) => tasksApi.overview(signal);

/** "Theo dõi nhiệm vụ": for chairs and secretaries, open tasks of their meetings that are late or nearly so. */
export function TaskOverviewPage() {
  const t = useT();
  const toast = useToast();
  useDocumentTitle(t('tasks.overview.title'));
  const overview = useResource(loadOverview);
  const [updating, setUpdating] = useState<Task | null>(null);
  const now = new Date();
  const replace = (task: Task) => overview.set((o): TaskOverview | undefined => o && { overdue: o.overdue.map((x) => (x.id === task.id ? task : x)), dueSoon: o.dueSoon.map((x) => (x.id === task.id ? task : x)) });

  const part = (key: 'overdue' | 'dueSoon', tasks: readonly Task[]) => (
    <section className="panel" aria-labelledby={`overview-${key}`}>
      <h2 id={`overview-${key}`}>{key === 'overdue' ? t('tasks.overview.overdue', { count: tasks.length }) : t('tasks.overview.dueSoon', { count: tasks.length })}</h2>
      {tasks.length === 0 ? (
        <EmptyState title={key === 'overdue' ? t('tasks.overview.noneOverdue') : t('tasks.overview.noneSoon')} />
      ) : (
        <TaskTable tasks={tasks} now={now} caption={key === 'overdue' ? t('tasks.filter.overdue') : t('tasks.filter.soon')} onUpdate={setUpdating} />
      )}
    </section>
  );

  return (
    <section className="page">
      <div className="page-header">
        <h1>{t('tasks.overview.title')}</h1>
        <button type="button" onClick={overview.reload} disabled={overview.loading}>
          {t('tasks.refresh')}
        </button>
      </div>
      <p className="muted">{t('tasks.overview.intro')}</p>
      <LoadState loading={overview.loading} error={overview.error} hasData={overview.data !== undefined} onRetry={overview.reload}>
        {overview.data && (
          <>
            {part('overdue', overview.data.overdue)}
            {part('dueSoon', overview.data.dueSoon)}
          </>
        )}
      </LoadState>
      {updating && (
        <TaskUpdateDialog
          task={updating}
          onClose={() => setUpdating(null)}
          onChanged={replace}
          onSaved={() => {
            setUpdating(null);
            overview.reload();
            toast(t('tasks.updated'));
          }}
        />
      )}
    </section>
  );
}
