import { createHash } from 'node:crypto';
import type { ObjectId } from 'mongodb';
import * as Y from 'yjs';
import { MINUTES_CLOSING_NOTE_KEY, MINUTES_CONCLUSION_KEY, MINUTES_ITEMS_KEY, MINUTES_OPINIONS_KEY, MINUTES_TEXT_MAX } from '@e-cabinet/protocol';
import type { Collections, MeetingDoc, MinutesContentDoc, MinutesPersonDoc, MinutesPollDoc, PollDoc, UserDoc } from '../db/collections.ts';
import { rollOf } from '../live/roll.ts';

/** The text of the draft as the collab doc holds it, per agenda item id. */
export interface DraftText {
  items: Map<string, { opinions: string; conclusion: string }>;
  closingNote: string;
}

function text(value: unknown): string {
  const s = value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';
  return s.normalize('NFC').replace(/\r\n?/g, '\n').trim().slice(0, MINUTES_TEXT_MAX);
}

/** Reads the `minutes:<meetingId>` layout (see `schemas/minutes.ts`); anything else in the doc is ignored. */
export function readDraft(doc: Y.Doc): DraftText {
  const items = new Map<string, { opinions: string; conclusion: string }>();
  doc.getMap(MINUTES_ITEMS_KEY).forEach((value, key) => {
    if (!(value instanceof Y.Map)) return;
    items.set(key, { opinions: text(value.get(MINUTES_OPINIONS_KEY)), conclusion: text(value.get(MINUTES_CONCLUSION_KEY)) });
  });
  return { items, closingNote: text(doc.getText(MINUTES_CLOSING_NOTE_KEY)) };
}

/** A closed poll as the minutes count it: yes / no / did not vote (abstained or absent) of all members. */
export function pollForMinutes(poll: PollDoc): MinutesPollDoc | null {
  const r = poll.result;
  if (poll.status !== 'closed' || !r) return null;
  const members = r.outcome.members;
  const votes = (id: string) => r.options.find((o) => o.id === id)?.votes ?? 0;
  const motion = poll.definition.kind === 'yesNoAbstain';
  const inFavour = motion ? (r.outcome.yes ?? votes('yes')) : r.cast;
  const against = motion ? (r.outcome.no ?? votes('no')) : 0;
  return {
    pollId: poll._id.toHexString(),
    question: poll.question,
    kind: poll.definition.kind,
    inFavour,
    against,
    notVoting: Math.max(0, members - inFavour - against),
    base: Math.max(members, inFavour + against),
    passed: r.outcome.passed,
    outcome: r.explanation.vi,
  };
}

async function people(c: Collections, ids: readonly ObjectId[]): Promise<Map<string, MinutesPersonDoc>> {
  const users = await c.users.find({ _id: { $in: [...ids] } }, { projection: { fullName: 1, title: 1, unitId: 1 } }).toArray();
  const unitIds = users.flatMap((u) => (u.unitId ? [u.unitId] : []));
  const units = new Map((await c.units.find({ _id: { $in: unitIds } }, { projection: { name: 1 } }).toArray()).map((u) => [u._id.toHexString(), u.name]));
  return new Map(
    users.map((u: Pick<UserDoc, '_id' | 'fullName' | 'title' | 'unitId'>) => [
      u._id.toHexString(),
      { userId: u._id.toHexString(), name: u.fullName, title: u.title ?? '', unit: (u.unitId && units.get(u.unitId.toHexString())) || '' },
    ]),
  );
}

/**
 * Everything the minutes of this moment contain: the agenda with the draft's text, each item's
 * closed polls, who chaired and took the minutes, and the attendance with proxies.
 */
export async function snapshot(c: Collections, meeting: MeetingDoc, draft: DraftText): Promise<MinutesContentDoc> {
  const [agenda, polls, roll, attendance, proxies] = await Promise.all([
    c.agendaItems.find({ meetingId: meeting._id }, { sort: { order: 1 } }).toArray(),
    c.polls.find({ meetingId: meeting._id, status: 'closed' }, { sort: { closedAt: 1, _id: 1 } }).toArray(),
    rollOf(c, meeting),
    c.attendance.find({ meetingId: meeting._id }).toArray(),
    c.proxies.find({ meetingId: meeting._id, revokedAt: null }).toArray(),
  ]);
  const chairId = meeting.participants.find((p) => p.role === 'chair' && p.userId)?.userId ?? null;
  const secretaryId = meeting.participants.find((p) => p.role === 'secretary' && p.userId)?.userId ?? null;
  const ids = [...roll.map((r) => r.userId), ...agenda.flatMap((a) => (a.presenterId ? [a.presenterId] : [])), ...(chairId ? [chairId] : []), ...(secretaryId ? [secretaryId] : []), ...proxies.flatMap((p) => [p.principalId, p.holderId])];
  const who = await people(c, ids);
  const person = (id: ObjectId | null, fallback = ''): MinutesPersonDoc | null => (id ? (who.get(id.toHexString()) ?? { userId: id.toHexString(), name: fallback || '—', title: '', unit: '' }) : null);
  const status = new Map(attendance.map((a) => [a.userId.toHexString(), a]));

  const present: MinutesContentDoc['present'] = [];
  const absent: MinutesContentDoc['absent'] = [];
  for (const r of roll) {
    const p = person(r.userId, r.name)!;
    const a = status.get(r.userId.toHexString());
    if (a?.status === 'present' || a?.checkedInAt) present.push(p);
    else absent.push({ ...p, excused: a?.status === 'excused', reason: a?.note ?? '' });
  }

  return {
    items: agenda.map((a) => {
      const id = a._id.toHexString();
      const presenter = person(a.presenterId);
      return {
        itemId: id,
        title: a.title,
        presenter: presenter ? [presenter.name, presenter.title].filter(Boolean).join(', ') : '',
        opinions: draft.items.get(id)?.opinions ?? '',
        conclusion: draft.items.get(id)?.conclusion ?? '',
        polls: polls.filter((p) => p.itemId.equals(a._id)).flatMap((p) => pollForMinutes(p) ?? []),
      };
    }),
    closingNote: draft.closingNote,
    chair: person(chairId),
    secretary: person(secretaryId),
    present,
    absent,
    proxies: proxies.map((p) => ({ from: person(p.principalId, p.principalName)!, to: person(p.holderId, p.holderName)! })),
  };
}

/** SHA-256 of the content: objects are built in a fixed key order, so the JSON is stable. */
export function contentHash(content: MinutesContentDoc): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
