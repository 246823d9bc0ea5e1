import { PROTOCOL_VERSION } from './version.ts';

/**
 * Names of the Yjs documents served at `/collab/<docName>`. The name says what the document is,
 * so the server can authorise an upgrade from the name alone plus the caller's session:
 *
 * - `ann:<meetingId>:<documentVersionId>:shared` — the shared annotation layer of one version;
 * - `ann:<meetingId>:<documentVersionId>:private:<userId>` — one reader's own marks;
 * - `minutes:<meetingId>` — the minutes being drafted.
 *
 * Ids are ObjectIds in lower-case hex. Names are canonical: one document has exactly one name,
 * because the name is also its storage key.
 */
export type DocName =
  | { kind: 'ann'; meetingId: string; versionId: string; layer: 'shared' }
  | { kind: 'ann'; meetingId: string; versionId: string; layer: 'private'; userId: string }
  | { kind: 'minutes'; meetingId: string };

/** Where the collab endpoint listens; the y-websocket client's server URL is origin + this. */
export const COLLAB_PATH = '/collab';

/** Query parameter carrying {@link PROTOCOL_VERSION} on the upgrade; missing or stale is refused. */
export const COLLAB_VERSION_PARAM = 'v';

/** The y-websocket provider's `params` option: the protocol version the client speaks. */
export function collabParams(): Record<string, string> {
  return { [COLLAB_VERSION_PARAM]: String(PROTOCOL_VERSION) };
}

/** Longest valid name (a private annotation doc); anything longer is refused unparsed. */
export const MAX_DOC_NAME_LENGTH = 'ann:::private:'.length + 3 * 24;

const ID = /^[0-9a-f]{24}$/;

function id(value: string): string {
  if (!ID.test(value)) throw new RangeError(`not an id: ${value}`);
  return value;
}

/** Formats doc names; throws on an id that is not lower-case ObjectId hex. */
export const docNames = {
  annShared: (meetingId: string, versionId: string): string => `ann:${id(meetingId)}:${id(versionId)}:shared`,
  annPrivate: (meetingId: string, versionId: string, userId: string): string => `ann:${id(meetingId)}:${id(versionId)}:private:${id(userId)}`,
  minutes: (meetingId: string): string => `minutes:${id(meetingId)}`,
  format(name: DocName): string {
    if (name.kind === 'minutes') return docNames.minutes(name.meetingId);
    return name.layer === 'shared' ? docNames.annShared(name.meetingId, name.versionId) : docNames.annPrivate(name.meetingId, name.versionId, name.userId);
  },
} as const;

/** Parses a doc name; null for anything that is not exactly one of the canonical forms. */
export function parseDocName(name: string): DocName | null {
  if (typeof name !== 'string' || name.length > MAX_DOC_NAME_LENGTH) return null;
  const parts = name.split(':');
  const [kind, meetingId, versionId, layer, userId] = parts;
  if (!meetingId || !ID.test(meetingId)) return null;
  if (kind === 'minutes') return parts.length === 2 ? { kind: 'minutes', meetingId } : null;
  if (kind !== 'ann' || !versionId || !ID.test(versionId)) return null;
  if (parts.length === 4 && layer === 'shared') return { kind: 'ann', meetingId, versionId, layer: 'shared' };
  if (parts.length === 5 && layer === 'private' && userId && ID.test(userId)) return { kind: 'ann', meetingId, versionId, layer: 'private', userId };
  return null;
}
