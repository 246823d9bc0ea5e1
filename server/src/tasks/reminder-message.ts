import type { Locale } from '@e-cabinet/protocol';
import type { TaskDoc, TaskReminderDoc } from '../db/collections.ts';

const TZ = 'Asia/Ho_Chi_Minh';

const HEADLINE: Record<TaskReminderDoc['kind'], Record<Locale, string>> = {
  due_3d: { vi: 'Nhiệm vụ sắp đến hạn', en: 'Task due soon' },
  due_1d: { vi: 'Nhiệm vụ đến hạn vào ngày mai', en: 'Task due tomorrow' },
  overdue: { vi: 'Nhiệm vụ đã quá hạn', en: 'Task overdue' },
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function formatDeadline(deadline: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: TZ, dateStyle: 'short', timeStyle: 'short' }).format(deadline);
}

/** The in-app notification's one line. */
export function reminderTitle(kind: TaskReminderDoc['kind'], task: Pick<TaskDoc, 'description' | 'deadline'>, locale: Locale): string {
  const due = locale === 'vi' ? `hạn ${formatDeadline(task.deadline, locale)}` : `due ${formatDeadline(task.deadline, locale)}`;
  return `${HEADLINE[kind][locale]} (${due}): ${shorten(task.description, 160)}`.normalize('NFC');
}

/** The reminder email to one person, in their language, times in Vietnam's zone. */
export function reminderEmail(opts: { kind: TaskReminderDoc['kind']; task: Pick<TaskDoc, 'description' | 'deadline' | 'progress'>; meetingTitle: string; unitName: string; recipientName: string; locale: Locale; url: string }) {
  const { kind, task, locale } = opts;
  const vi = locale === 'vi';
  const deadline = formatDeadline(task.deadline, locale);
  const subject = `${vi ? 'Nhắc việc' : 'Reminder'}: ${HEADLINE[kind][locale].toLowerCase()} — ${shorten(task.description, 80)}`;
  const lines = [
    vi ? `Kính gửi ${opts.recipientName},` : `Dear ${opts.recipientName},`,
    '',
    kind === 'overdue'
      ? vi
        ? `Nhiệm vụ dưới đây đã quá hạn ${deadline} mà chưa hoàn thành:`
        : `The task below passed its deadline of ${deadline} and is not done:`
      : vi
        ? `Nhiệm vụ dưới đây đến hạn lúc ${deadline}:`
        : `The task below is due at ${deadline}:`,
    '',
    task.description,
    '',
    `${vi ? 'Đơn vị chủ trì' : 'Unit in charge'}: ${opts.unitName}`,
    `${vi ? 'Từ cuộc họp' : 'From the meeting'}: ${opts.meetingTitle}`,
    `${vi ? 'Tiến độ hiện tại' : 'Progress so far'}: ${task.progress}%`,
    '',
    `${vi ? 'Cập nhật tiến độ' : 'Report progress'}: ${opts.url}`,
  ];
  const text = lines.join('\n').normalize('NFC');
  const html = lines
    .map((l) => (l === '' ? '' : l === opts.url || l.endsWith(opts.url) ? `<p><a href="${escapeHtml(opts.url)}">${escapeHtml(l)}</a></p>` : `<p>${escapeHtml(l)}</p>`))
    .join('')
    .normalize('NFC');
  return { subject: subject.normalize('NFC'), text, html };
}
