import type { Db } from 'mongodb';
import { collections } from './collections.ts';

/**
 * Every index the code relies on, created idempotently at start-up. No TTL indexes (FerretDB):
 * expired sessions are filtered by query and swept by the app.
 */
export async function ensureIndexes(db: Db): Promise<void> {
  const c = collections(db);
  await Promise.all([
    c.users.createIndex({ username: 1 }, { unique: true, name: 'username_unique' }),
    c.users.createIndex({ unitId: 1 }, { name: 'unit' }),
    c.units.createIndex({ code: 1 }, { unique: true, name: 'code_unique' }),
    c.units.createIndex({ parentId: 1 }, { name: 'parent' }),
    c.sessions.createIndex({ userId: 1 }, { name: 'user' }),
    c.loginAttempts.createIndex({ key: 1, at: -1 }, { name: 'key_time' }),
    c.sessions.createIndex({ expiresAt: 1 }, { name: 'expiry' }),
    c.auditLog.createIndex({ seq: 1 }, { unique: true, name: 'seq_unique' }),
    c.auditLog.createIndex({ action: 1, seq: -1 }, { name: 'action_seq' }),
    c.meetings.createIndex({ 'participants.userId': 1, startsAt: -1 }, { name: 'participant_user' }),
    c.meetings.createIndex({ 'participants.unitId': 1, startsAt: -1 }, { name: 'participant_unit' }),
    db.collection('meetingChanges').createIndex({ meetingId: 1, seq: 1 }, { name: 'meeting_seq' }),
    c.agendaItems.createIndex({ meetingId: 1, order: 1 }, { name: 'meeting_order' }),
    c.documents.createIndex({ meetingId: 1, itemId: 1 }, { name: 'meeting_item' }),
    c.documentVersions.createIndex({ documentId: 1, version: 1 }, { unique: true, name: 'document_version_unique' }),
    c.documentReads.createIndex({ meetingId: 1 }, { name: 'meeting' }),
    c.rsvps.createIndex({ meetingId: 1 }, { name: 'meeting' }),
    c.notifications.createIndex({ userId: 1, createdAt: -1 }, { name: 'user_time' }),
    c.notifications.createIndex({ dedupeKey: 1 }, { unique: true, name: 'dedupe_unique' }),
    c.outbox.createIndex({ key: 1 }, { unique: true, name: 'key_unique' }),
    c.outbox.createIndex({ status: 1, nextAttemptAt: 1 }, { name: 'due' }),
    c.resultPackages.createIndex({ meetingId: 1, meetingVersion: 1 }, { name: 'meeting_version' }),
    db.collection('results.files').createIndex({ filename: 1, uploadDate: 1 }, { name: 'filename_date' }),
    db.collection('results.files').createIndex({ 'metadata.sha256': 1 }, { name: 'sha256' }),
    db.collection('results.chunks').createIndex({ files_id: 1, n: 1 }, { unique: true, name: 'files_n_unique' }),
    db.collection('files.files').createIndex({ filename: 1, uploadDate: 1 }, { name: 'filename_date' }),
    db.collection('files.chunks').createIndex({ files_id: 1, n: 1 }, { unique: true, name: 'files_n_unique' }),
    // A collab doc's records in insertion order: loading and compaction read exactly this.
    c.yjsUpdates.createIndex({ docName: 1, _id: 1 }, { name: 'doc_id' }),
    c.attendance.createIndex({ meetingId: 1 }, { name: 'meeting' }),
    c.proxies.createIndex({ principalSlot: 1 }, { unique: true, name: 'principal_slot_unique' }),
    c.proxies.createIndex({ holderSlot: 1 }, { unique: true, name: 'holder_slot_unique' }),
    c.proxies.createIndex({ meetingId: 1 }, { name: 'meeting' }),
    c.speakers.createIndex({ slot: 1 }, { unique: true, name: 'slot_unique' }),
    c.speakers.createIndex({ meetingId: 1, itemId: 1, state: 1 }, { name: 'meeting_item_state' }),
    c.tasks.createIndex({ meetingId: 1, createdAt: 1 }, { name: 'meeting_created' }),
    c.tasks.createIndex({ assigneeUnitId: 1, deadline: 1 }, { name: 'unit_deadline' }),
    c.tasks.createIndex({ assigneeUserId: 1, deadline: 1 }, { name: 'user_deadline' }),
    c.tasks.createIndex({ status: 1, deadline: 1 }, { name: 'status_deadline' }),
    c.taskChanges.createIndex({ taskId: 1, version: 1 }, { name: 'task_version' }),
    c.taskReminders.createIndex({ sentAt: 1 }, { name: 'sent' }),
    db.collection('taskResults.files').createIndex({ filename: 1, uploadDate: 1 }, { name: 'filename_date' }),
    db.collection('taskResults.chunks').createIndex({ files_id: 1, n: 1 }, { unique: true, name: 'files_n_unique' }),
    c.polls.createIndex({ meetingId: 1 }, { name: 'meeting' }),
    c.polls.createIndex({ status: 1 }, { name: 'status' }),
    // One ballot (or secret-voter record) per principal is the `_id` itself; these serve the reads.
    c.ballots.createIndex({ pollId: 1 }, { name: 'poll' }),
    c.secretVoters.createIndex({ pollId: 1 }, { name: 'poll' }),
    c.secretUrns.createIndex({ pollId: 1 }, { name: 'poll' }),
    c.minutesVersions.createIndex({ meetingId: 1, version: 1 }, { unique: true, name: 'meeting_version_unique' }),
    c.minutesVersions.createIndex({ status: 1 }, { name: 'status' }),
    db.collection('minutes.files').createIndex({ filename: 1, uploadDate: 1 }, { name: 'filename_date' }),
    db.collection('minutes.chunks').createIndex({ files_id: 1, n: 1 }, { unique: true, name: 'files_n_unique' }),
  ]);
}
