import type { FastifyInstance } from 'fastify';
import { rooms, type MeetingChangedPayload } from '@e-cabinet/protocol';
import type { MeetingDoc } from '../db/collections.ts';

/** Tells everyone following the meeting what changed, after the change is stored. */
export function broadcastChange(app: FastifyInstance, meeting: MeetingDoc, what: MeetingChangedPayload['what']): void {
  app.io.to(rooms.meeting(meeting._id.toHexString())).emit('meeting:changed', { meetingId: meeting._id.toHexString(), seq: meeting.seq, what, status: meeting.status });
}
