import type { Task, TaskPriority, TaskStatus } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { daysUntil, dueState } from './task-logic';

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const t = useT();
  return <span className={`badge task-status task-status-${status}`}>{t(`taskStatus.${status}`)}</span>;
}

export function TaskPriorityBadge({ priority }: { priority: TaskPriority }) {
  const t = useT();
  return <span className={`badge task-priority task-priority-${priority}`}>{t(`taskPriority.${priority}`)}</span>;
}

/** How the deadline stands: late, today, in a few days, or done on time or late. Nothing when far off. */
export function DueBadge({ task, now }: { task: Pick<Task, 'status' | 'deadline' | 'onTime'>; now: Date }) {
  const t = useT();
  const state = dueState(task, now);
  const days = daysUntil(task.deadline, now);
  switch (state) {
    case 'overdue':
      return <span className="badge task-due task-due-overdue">{days < 0 ? t('tasks.due.overdueDays', { days: -days }) : t('tasks.due.overdueToday')}</span>;
    case 'today':
      return <span className="badge task-due task-due-soon">{t('tasks.due.today')}</span>;
    case 'soon':
      return <span className="badge task-due task-due-soon">{t('tasks.due.soon', { days })}</span>;
    case 'done':
      return task.onTime === null ? null : <span className={task.onTime ? 'badge task-due task-due-ontime' : 'badge task-due task-due-late'}>{task.onTime ? t('tasks.due.onTime') : t('tasks.due.late')}</span>;
    default:
      return null;
  }
}

/** A progress bar with its value written beside it. */
export function TaskProgress({ value }: { value: number }) {
  const t = useT();
  return (
    <span className="task-progress">
      <progress max={100} value={value} aria-label={t('tasks.progressLabel', { percent: value })} />
      <span aria-hidden="true">{t('tasks.percent', { percent: value })}</span>
    </span>
  );
}
