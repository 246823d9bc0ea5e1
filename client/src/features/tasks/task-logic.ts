import { TASK_DUE_SOON_DAYS, vnDate, vnDayNumber, type Locale, type Task, type TaskCounts, type TaskStatus } from '@e-cabinet/protocol';

/**
 * Where a task stands against its deadline, on the Vietnamese calendar whatever the device's
 * zone: `overdue` once the deadline has passed, `today` when it falls today, `soon` within
 * the next three days (as the server's "due soon"), `later` beyond; closed tasks by status.
 */
export type DueState = 'done' | 'cancelled' | 'overdue' | 'today' | 'soon' | 'later';

export function dueState(task: Pick<Task, 'status' | 'deadline'>, now: Date): DueState {
  if (task.status === 'done' || task.status === 'cancelled') return task.status;
  const deadline = new Date(task.deadline);
  if (deadline.getTime() < now.getTime()) return 'overdue';
  const days = vnDayNumber(deadline) - vnDayNumber(now);
  if (days <= 0) return 'today';
  return days <= TASK_DUE_SOON_DAYS ? 'soon' : 'later';
}

/** Calendar days (Vietnam) from today to the deadline's day: 0 today, negative when it was earlier. */
export function daysUntil(deadline: string, now: Date): number {
  return vnDayNumber(new Date(deadline)) - vnDayNumber(now);
}

/** The value of a date input for a deadline: its day in Vietnam. */
export function deadlineInputValue(deadline: string): string {
  return vnDate(new Date(deadline));
}

/** A deadline for people: the date, and the time too unless it is the end of the day. */
export function formatDeadline(deadline: string, locale: Locale): string {
  const at = new Date(deadline);
  const endOfDay = new Date(at.getTime() + 1).toISOString().endsWith('T17:00:00.000Z');
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(endOfDay ? {} : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const }),
  }).format(at);
}

/** Statuses an assignee may choose; organisers may also cancel. */
export function statusChoices(canManage: boolean, current: TaskStatus): TaskStatus[] {
  const base: TaskStatus[] = ['todo', 'in_progress', 'done'];
  return canManage || current === 'cancelled' ? [...base, 'cancelled'] : base;
}

/** The progress a form should show for a status: done is always 100 %. */
export function progressFor(status: TaskStatus, progress: number): number {
  return status === 'done' ? 100 : Math.max(0, Math.min(100, Math.round(progress)));
}

/** Sorts for lists: overdue first, then by deadline; closed tasks last. */
export function byUrgency(now: Date) {
  const rank: Record<DueState, number> = { overdue: 0, today: 1, soon: 2, later: 3, done: 4, cancelled: 5 };
  return (a: Task, b: Task) => rank[dueState(a, now)] - rank[dueState(b, now)] || Date.parse(a.deadline) - Date.parse(b.deadline);
}

/* ---- dashboard maths ---- */

export const COUNT_KEYS = ['doneOnTime', 'doneLate', 'overdue', 'open'] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

/**
 * Done on time among tasks whose outcome is decided (done, or already overdue); null when none
 * is. The same definition as the server's `onTimeRate`.
 */
export function onTimeRate(c: Pick<TaskCounts, 'doneOnTime' | 'doneLate' | 'overdue'>): number | null {
  const decided = c.doneOnTime + c.doneLate + c.overdue;
  return decided > 0 ? c.doneOnTime / decided : null;
}

/** Sums rows into a total, its rate recomputed (a mean of rates would weigh small units too much). */
export function sumCounts(rows: readonly TaskCounts[]): TaskCounts {
  const total: TaskCounts = { assigned: 0, doneOnTime: 0, doneLate: 0, overdue: 0, open: 0, onTimeRate: null };
  for (const row of rows) {
    total.assigned += row.assigned;
    for (const key of COUNT_KEYS) total[key] += row[key];
  }
  return { ...total, onTimeRate: onTimeRate(total) };
}

/** A rate as a percentage with at most one decimal (`66,7 %` / `66.7%`); `—` when there is none. */
export function formatRate(rate: number | null, locale: Locale): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}
