import { Link } from 'react-router-dom';
import type { Task } from '@e-cabinet/protocol';
import { useLocale, useT } from '../../i18n';
import { dueState, formatDeadline } from './task-logic';
import { DueBadge, TaskPriorityBadge, TaskProgress, TaskStatusBadge } from './TaskBadges';

interface TaskTableProps {
  tasks: readonly Task[];
  now: Date;
  caption: string;
  /** Shows the meeting and agenda item each task came from. */
  showSource?: boolean;
  /** Offered on tasks the caller may report on. */
  onUpdate?: (task: Task) => void;
  /** Offered on tasks the caller may change (organisers). */
  onEdit?: (task: Task) => void;
}

/** Tasks in a table: what, who, by when, how far; late rows marked. Scrolls sideways on narrow screens. */
export function TaskTable({ tasks, now, caption, showSource = true, onUpdate, onEdit }: TaskTableProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="table-wrap">
      <table className="data-table task-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tasks.description')}</th>
            <th scope="col">{t('tasks.assignee')}</th>
            <th scope="col">{t('tasks.deadline')}</th>
            <th scope="col">{t('tasks.status')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.id} className={dueState(task, now) === 'overdue' ? 'task-row-overdue' : undefined}>
              <th scope="row" className="cell-wrap">
                <Link to={`/tasks/${task.id}`}>{task.description}</Link>
                {showSource && (
                  <span className="cell-sub">
                    {task.meetingTitle} · {task.itemTitle}
                  </span>
                )}
                {task.priority !== 'normal' && <TaskPriorityBadge priority={task.priority} />}
              </th>
              <td>
                {task.assigneeUnitName}
                {task.assigneeUserName && <span className="cell-sub">{task.assigneeUserName}</span>}
              </td>
              <td>
                <span className="task-deadline">{formatDeadline(task.deadline, locale)}</span> <DueBadge task={task} now={now} />
              </td>
              <td>
                <TaskStatusBadge status={task.status} />
                <TaskProgress value={task.progress} />
              </td>
              <td>
                <div className="row-actions">
                  {onUpdate && task.canReport && (
                    <button type="button" onClick={() => onUpdate(task)} aria-label={`${t('tasks.update')}: ${task.description}`}>
                      {t('tasks.update')}
                    </button>
                  )}
                  {onEdit && task.canManage && (
                    <button type="button" onClick={() => onEdit(task)} aria-label={`${t('tasks.edit')}: ${task.description}`}>
                      {t('tasks.edit')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
