import type { FastifyInstance } from 'fastify';
import { ObjectId } from 'mongodb';
import { rooms, type Locale, type ResultPackage } from '@e-cabinet/protocol';
import { collections, type NotificationDoc, type ResultPackageDoc, type UserDoc } from '../db/collections.ts';
import { isDuplicateKey } from '../http/app-error.ts';
import { toNotification } from '../distribution/distribute.ts';
import { visibleRole } from '../meetings/participants.ts';

const TZ = 'Asia/Ho_Chi_Minh';
type Task = ResultPackage['tasks'][number];

const PRIORITY: Record<Task['priority'], Record<Locale, string>> = {
  low: { vi: 'Thấp', en: 'Low' },
  normal: { vi: 'Bình thường', en: 'Normal' },
  high: { vi: 'Cao', en: 'High' },
  urgent: { vi: 'Khẩn', en: 'Urgent' },
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** The email telling one person the tasks of their unit, in their language, times in Vietnam's zone. */
export function tasksEmail(pkg: ResultPackage, tasks: Task[], recipient: UserDoc, url: string | null) {
  const vi = recipient.locale === 'vi';
  const date = new Intl.DateTimeFormat(vi ? 'vi-VN' : 'en-GB', { timeZone: TZ, dateStyle: 'short' });
  const subject = vi ? `Kết luận và nhiệm vụ sau cuộc họp: ${pkg.title}` : `Conclusions and tasks from the meeting: ${pkg.title}`;
  const intro = vi ? `Kính gửi ${recipient.fullName},` : `Dear ${recipient.fullName},`;
  const body = vi
    ? `Cuộc họp "${pkg.title}" đã kết thúc (${pkg.documentType} số ${pkg.documentNumber}/${pkg.documentNotation}). Đơn vị của anh/chị được giao các nhiệm vụ sau:`
    : `The meeting "${pkg.title}" has concluded (${pkg.documentType} no. ${pkg.documentNumber}/${pkg.documentNotation}). Your unit has been given these tasks:`;
  const lines = tasks.map((t, i) => {
    const due = vi ? `hạn ${date.format(new Date(t.deadline))}` : `due ${date.format(new Date(t.deadline))}`;
    const who = t.assignee ? (vi ? `, người thực hiện: ${t.assignee.name}` : `, assignee: ${t.assignee.name}`) : '';
    return `${i + 1}. ${t.description} (${t.unitName}; ${due}; ${vi ? 'mức độ' : 'priority'}: ${PRIORITY[t.priority][vi ? 'vi' : 'en']}${who})`;
  });
  const open = url ? (vi ? `Xem cuộc họp: ${url}` : `Open the meeting: ${url}`) : '';
  const text = [intro, '', body, ...lines, ...(open ? ['', open] : [])].join('\n').normalize('NFC');
  const html = `<p>${escapeHtml(intro)}</p><p>${escapeHtml(body)}</p><ol>${lines.map((l) => `<li>${escapeHtml(l.replace(/^\d+\. /, ''))}</li>`).join('')}</ol>${url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(open)}</a></p>` : ''}`.normalize('NFC');
  return { subject: subject.normalize('NFC'), text, html };
}

/**
 * Tells the units concerned — every active user of a unit that was given a task, and each named
 * assignee — in the app and by email. Idempotent per person and package (notification dedupe key,
 * outbox key), so it can run again after a crash. The link to the meeting goes only to those who
 * can open it. Returns how many people were told.
 */
export async function notifyUnits(app: FastifyInstance, doc: ResultPackageDoc): Promise<number> {
  const c = collections(app.db);
  const pkg = doc.package;
  if (!pkg.tasks.length) return 0;
  const units = await c.units.find({ code: { $in: [...new Set(pkg.tasks.map((t) => t.unitCode))] } }).toArray();
  const unitCode = new Map(units.map((u) => [u._id.toHexString(), u.code]));
  const assigneeIds = pkg.tasks.flatMap((t) => (t.assignee?.userId ? [new ObjectId(t.assignee.userId)] : []));
  const users = await c.users.find({ active: true, $or: [{ unitId: { $in: units.map((u) => u._id) } }, { _id: { $in: assigneeIds } }] }).toArray();
  const meeting = await c.meetings.findOne({ _id: doc.meetingId });
  const meetingId = doc.meetingId.toHexString();

  for (const user of users) {
    const code = user.unitId ? unitCode.get(user.unitId.toHexString()) : undefined;
    const mine = pkg.tasks.filter((t) => t.unitCode === code || t.assignee?.userId === user._id.toHexString());
    const canOpen = meeting !== null && visibleRole(meeting, user) !== null;
    const note: NotificationDoc = {
      _id: new ObjectId(),
      userId: user._id,
      kind: 'meeting.results',
      meetingId: canOpen ? doc.meetingId : null,
      title: pkg.title,
      createdAt: new Date(),
      readAt: null,
      dedupeKey: `meeting.results:${doc._id}:${user._id.toHexString()}`,
    };
    try {
      await c.notifications.insertOne(note);
      app.io.to(rooms.user(user._id.toHexString())).emit('notification:new', toNotification(note));
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    if (user.email) {
      const mail = tasksEmail(pkg, mine, user, canOpen ? `${app.config.publicUrl}/meetings/${meetingId}` : null);
      await app.outbox.enqueue(`results:${doc._id}:${user._id.toHexString()}`, 'email', { to: user.email, ...mail });
    }
  }
  app.outbox.kick();
  return users.length;
}
