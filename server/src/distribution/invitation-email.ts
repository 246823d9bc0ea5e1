import type { AgendaItem, Locale } from '@e-cabinet/protocol';
import type { MeetingDoc, UserDoc } from '../db/collections.ts';

const TZ = 'Asia/Ho_Chi_Minh';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** The invitation's subject and body, in the recipient's language, times in Vietnam's zone. */
export function invitationEmail(opts: { meeting: MeetingDoc; agenda: AgendaItem[]; url: string; recipient: UserDoc; locale: Locale }) {
  const { meeting, agenda, url, recipient, locale } = opts;
  const when = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: TZ, dateStyle: 'full', timeStyle: 'short' }).format(meeting.startsAt);
  const vi = locale === 'vi';
  const subject = vi ? `Giấy mời họp: ${meeting.title}` : `Meeting invitation: ${meeting.title}`;
  const intro = vi ? `Kính gửi ${recipient.fullName},` : `Dear ${recipient.fullName},`;
  const body = vi ? `Trân trọng kính mời tham dự cuộc họp "${meeting.title}" vào ${when}${meeting.place ? ` tại ${meeting.place}` : ''}.` : `You are invited to "${meeting.title}" on ${when}${meeting.place ? ` at ${meeting.place}` : ''}.`;
  const agendaTitle = vi ? 'Chương trình họp:' : 'Agenda:';
  const open = vi ? 'Xem tài liệu và xác nhận tham dự:' : 'Read the documents and reply:';
  const items = agenda.map((item, i) => `${i + 1}. ${item.title}`);
  const text = [intro, '', body, '', agendaTitle, ...items, '', `${open} ${url}`].join('\n').normalize('NFC');
  const html = `<p>${escapeHtml(intro)}</p><p>${escapeHtml(body)}</p><p>${escapeHtml(agendaTitle)}</p><ol>${agenda.map((i) => `<li>${escapeHtml(i.title)}</li>`).join('')}</ol><p>${escapeHtml(open)} <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`.normalize('NFC');
  return { subject: subject.normalize('NFC'), text, html };
}
