import type { FastifyInstance } from 'fastify';
import { ObjectId } from 'mongodb';
import { rooms, type Notification } from '@e-cabinet/protocol';
import { collections, type MeetingDoc, type NotificationDoc } from '../db/collections.ts';
import { isDuplicateKey } from '../http/app-error.ts';
import { toSummary } from '../meetings/meetings-service.ts';
import { buildIcs } from './ics.ts';
import { invitationEmail } from './invitation-email.ts';

export function toNotification(doc: NotificationDoc): Notification {
  return { id: doc._id.toHexString(), kind: doc.kind, meetingId: doc.meetingId?.toHexString() ?? null, taskId: doc.taskId?.toHexString() ?? null, title: doc.title, createdAt: doc.createdAt.toISOString(), readAt: doc.readAt?.toISOString() ?? null };
}

/**
 * Sends a published meeting to every participant: a live push to their own room, an in-app
 * notification and an emailed invitation with an .ics. Each step is idempotent per user, so
 * running it again (a retry, a second publish after a return) does not duplicate anything.
 */
export async function distributePublished(app: FastifyInstance, meeting: MeetingDoc): Promise<{ users: number; emails: number }> {
  const c = collections(app.db);
  const people = await app.meetings.participantUsers(meeting);
  const organizer = await c.users.findOne({ _id: meeting.createdBy });
  const agenda = await app.agenda.list(meeting._id);
  let emails = 0;
  for (const { user, role } of people) {
    const doc: NotificationDoc = {
      _id: new ObjectId(),
      userId: user._id,
      kind: 'meeting.published',
      meetingId: meeting._id,
      title: meeting.title,
      createdAt: new Date(),
      readAt: null,
      dedupeKey: `meeting.published:${meeting._id.toHexString()}:${meeting.publishedAt?.getTime() ?? 0}:${user._id.toHexString()}`,
    };
    let fresh = true;
    try {
      await c.notifications.insertOne(doc);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      fresh = false;
    }
    const room = rooms.user(user._id.toHexString());
    app.io.to(room).emit('meeting:published', { meeting: toSummary(meeting, role) });
    if (fresh) app.io.to(room).emit('notification:new', toNotification(doc));

    if (user.email) {
      const url = `${app.config.publicUrl}/meetings/${meeting._id.toHexString()}`;
      const ics = buildIcs({
        uid: `${meeting._id.toHexString()}@e-cabinet`,
        sequence: meeting.seq,
        start: meeting.startsAt,
        end: meeting.endsAt,
        summary: meeting.title,
        description: agenda.map((item, i) => `${i + 1}. ${item.title} (${item.durationMinutes}′)`).join('\n'),
        location: meeting.place || meeting.onlineLink || '',
        url,
        organizer: { name: organizer?.fullName ?? 'E-Cabinet', email: organizer?.email ?? 'no-reply@e-cabinet.local' },
        attendee: { name: user.fullName, email: user.email },
      });
      const mail = invitationEmail({ meeting, agenda, url, recipient: user, locale: user.locale });
      await app.outbox.enqueue(`invite:${meeting._id.toHexString()}:${meeting.publishedAt?.getTime() ?? 0}:${user._id.toHexString()}`, 'email', { to: user.email, ...mail, ics });
      emails++;
    }
  }
  app.outbox.kick();
  return { users: people.length, emails };
}
