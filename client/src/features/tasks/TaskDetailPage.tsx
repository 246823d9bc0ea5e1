import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorCode, type Task, type TaskHistoryEntry } from '@e-cabinet/protocol';
import { useLocale, useT, type TFunction } from '../../i18n';
import { LoadState } from '../../ui/Alerts';
import { NotFoundState } from '../../ui/NotFoundState';
import { useDocumentTitle, useResource } from '../../ui/hooks';
import { useToast } from '../../ui/Toasts';
import { formatShortDateTime } from '../meetings/meeting-time';
import { formatDeadline } from './task-logic';
import { DueBadge, TaskPriorityBadge, TaskProgress, TaskStatusBadge } from './TaskBadges';
import { TaskFormDialog } from './TaskFormDialog';
import { TaskUpdateDialog } from './TaskUpdateDialog';
import { taskResultUrl, tasksApi } from './tasks-api';

const EDIT_FIELDS = ['description', 'deadline', 'priority', 'assignee'] as const;

function historyText(entry: TaskHistoryEntry, t: TFunction): string {
  switch (entry.kind) {
    case 'created':
      return t('tasks.history.created');
    case 'result':
      return t('tasks.history.result', { name: entry.resultFilename ?? '—' });
    case 'edited':
      return t('tasks.history.edited', { fields: EDIT_FIELDS.filter((f) => entry.fields.includes(f)).map((f) => t(`tasks.field.${f}`)).join(', ') || '—' });
    default:
      return t('tasks.history.progress');
  }
}

/** One task: what was asked, of whom, by when, how far it is, its result and its history. */
export function TaskDetailPage() {
  const t = useT();
  const locale = useLocale();
  const toast = useToast();
  const { id = '' } = useParams();
  const detail = useResource(useCallback((signal: AbortSignal) => tasksApi.get(id, signal), [id]));
  const [dialog, setDialog] = useState<'update' | 'edit' | null>(null);
  const task = detail.data?.task;
  useDocumentTitle(t('tasks.detailTitle'));

  if (!detail.data && detail.errorCode === ErrorCode.NOT_FOUND) {
    return <NotFoundState title={t('tasks.notFoundTitle')} body={t('tasks.notFoundBody')} linkTo="/tasks" linkLabel={t('tasks.backToList')} />;
  }
  const changed = (next: Task) => detail.set((d) => (d ? { ...d, task: next } : d));
  const saved = () => {
    setDialog(null);
    detail.reload();
    toast(t('tasks.updated'));
  };
  const now = new Date();

  return (
    <section className="page task-page">
      <p className="back-link">
        <Link to="/tasks">{t('tasks.backToList')}</Link>
      </p>
      <LoadState loading={detail.loading} error={detail.error} hasData={detail.data !== undefined} onRetry={detail.reload}>
        {task && detail.data && (
          <>
            <div className="page-header">
              <h1 className="task-title">{task.description}</h1>
              <div className="task-badges">
                <TaskStatusBadge status={task.status} />
                <TaskPriorityBadge priority={task.priority} />
                <DueBadge task={task} now={now} />
              </div>
            </div>
            <div className="task-actions">
              {task.canReport && (
                <button type="button" className="button-primary" onClick={() => setDialog('update')}>
                  {t('tasks.updateTitle')}
                </button>
              )}
              {task.canManage && (
                <button type="button" onClick={() => setDialog('edit')}>
                  {t('tasks.form.editTitle')}
                </button>
              )}
            </div>
            <dl className="meeting-facts task-facts">
              <div>
                <dt>{t('tasks.meeting')}</dt>
                <dd>{task.canManage ? <Link to={`/meetings/${task.meetingId}`}>{task.meetingTitle}</Link> : task.meetingTitle}</dd>
              </div>
              <div>
                <dt>{t('tasks.item')}</dt>
                <dd>{task.itemTitle}</dd>
              </div>
              {task.conclusionRef && (
                <div>
                  <dt>{t('tasks.conclusionRef')}</dt>
                  <dd>{task.conclusionRef}</dd>
                </div>
              )}
              <div>
                <dt>{t('tasks.unit')}</dt>
                <dd>{task.assigneeUnitName}</dd>
              </div>
              <div>
                <dt>{t('tasks.person')}</dt>
                <dd>{task.assigneeUserName ?? t('tasks.wholeUnit')}</dd>
              </div>
              <div>
                <dt>{t('tasks.deadline')}</dt>
                <dd>{formatDeadline(task.deadline, locale)}</dd>
              </div>
              <div>
                <dt>{t('tasks.progress')}</dt>
                <dd>
                  <TaskProgress value={task.progress} />
                </dd>
              </div>
              {task.doneAt && (
                <div>
                  <dt>{t('tasks.doneAt')}</dt>
                  <dd>{formatShortDateTime(task.doneAt, locale)}</dd>
                </div>
              )}
              <div>
                <dt>{t('tasks.createdBy')}</dt>
                <dd>
                  {task.createdByName}, {formatShortDateTime(task.createdAt, locale)}
                </dd>
              </div>
            </dl>

            <section className="panel" aria-labelledby="task-result-title">
              <h2 id="task-result-title">{t('tasks.result')}</h2>
              {task.result ? (
                <p>
                  <a href={taskResultUrl(task.id)} target="_blank" rel="noopener noreferrer">
                    {task.result.filename}
                  </a>{' '}
                  · <a href={taskResultUrl(task.id, true)}>{t('tasks.resultDownload')}</a>{' '}
                  <span className="muted">{t('tasks.resultBy', { name: task.result.uploadedByName, time: formatShortDateTime(task.result.uploadedAt, locale) })}</span>
                </p>
              ) : (
                <p className="muted">{t('tasks.resultNone')}</p>
              )}
            </section>

            <section className="panel" aria-labelledby="task-history-title">
              <h2 id="task-history-title">{t('tasks.history')}</h2>
              <ol className="task-history">
                {[...detail.data.history].reverse().map((entry) => (
                  <li key={entry.version}>
                    <p className="task-history-head">
                      <strong>{historyText(entry, t)}</strong> — {entry.byName}, <time dateTime={entry.at}>{formatShortDateTime(entry.at, locale)}</time>
                    </p>
                    <p className="muted">{t('tasks.history.state', { status: t(`taskStatus.${entry.status}`), percent: entry.progress })}</p>
                    {entry.note && <p className="task-history-note">{entry.note}</p>}
                  </li>
                ))}
              </ol>
            </section>

            {dialog === 'update' && <TaskUpdateDialog task={task} onClose={() => setDialog(null)} onChanged={changed} onSaved={saved} />}
            {dialog === 'edit' && <TaskFormDialog meetingId={task.meetingId} items={[]} task={task} onClose={() => setDialog(null)} onSaved={saved} />}
          </>
        )}
      </LoadState>
    </section>
  );
}
