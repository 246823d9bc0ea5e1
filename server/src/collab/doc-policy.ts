import type { FastifyInstance } from 'fastify';
import { ObjectId } from 'mongodb';
import { CloseCode, type DocName } from '@e-cabinet/protocol';
import { collections, type UserDoc } from '../db/collections.ts';
import { AppError } from '../http/app-error.ts';
import { isOrganiser } from '../meetings/participants.ts';

export type DocGrant = { ok: true; writable: boolean } | { ok: false; code: CloseCode; reason: string };

const notFound: DocGrant = { ok: false, code: CloseCode.NOT_FOUND, reason: 'not found' };

/**
 * Who may open which doc, from its name (see `parseDocName`):
 *
 * - `ann:…:shared`: anyone who can read the version's document in that meeting; observers
 *   read only.
 * - `ann:…:private:<userId>`: only that user, who must also be able to read the document; always
 *   writable, whatever the meeting role (a private note is the reader's own). Anyone else gets
 *   FORBIDDEN, decided from the name alone before any lookup, so it tells nothing about the
 *   meeting or document.
 * - `minutes:<meetingId>`: participants who can see the meeting; only organisers (the secretary
 *   and the chair) write, and nobody once the meeting is closed (its minutes are signed).
 *
 * Everything else, including a version of another meeting and a meeting the user cannot see,
 * is NOT_FOUND, exactly as if it did not exist.
 */
export async function authorizeDoc(app: FastifyInstance, name: DocName, user: UserDoc): Promise<DocGrant> {
  if (name.kind === 'ann' && name.layer === 'private' && name.userId !== user._id.toHexString()) {
    return { ok: false, code: CloseCode.FORBIDDEN, reason: 'not your private doc' };
  }
  const meetingId = new ObjectId(name.meetingId);
  try {
    if (name.kind === 'minutes') {
      const { meeting, role } = await app.meetings.access(meetingId, user);
      return { ok: true, writable: isOrganiser(role) && meeting.status !== 'closed' };
    }
    const version = await collections(app.db).documentVersions.findOne({ _id: new ObjectId(name.versionId), meetingId }, { projection: { documentId: 1, meetingId: 1 } });
    if (!version) return notFound;
    // Meeting visibility and the document's own access list, as for reading the file.
    const { doc, role } = await app.documents.access(version.documentId, user);
    if (!doc.meetingId.equals(meetingId)) return notFound;
    return { ok: true, writable: name.layer === 'private' || role !== 'observer' };
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return notFound;
    throw err;
  }
}
