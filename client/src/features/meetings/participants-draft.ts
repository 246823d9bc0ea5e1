import type { MeetingRole, Participant, ParticipantInput } from '@e-cabinet/protocol';

/** One line of the participants picker: a person or a whole unit, with a meeting role. */
export interface ParticipantDraft {
  kind: 'user' | 'unit';
  id: string;
  name: string;
  role: MeetingRole;
}

/** `user:<id>` / `unit:<id>`: the value of a picker option, and the key of a line. */
export const draftKey = (d: Pick<ParticipantDraft, 'kind' | 'id'>) => `${d.kind}:${d.id}`;

/** Splits a picker value back into its kind and id; null for anything else. */
export function parseDraftKey(value: string): Pick<ParticipantDraft, 'kind' | 'id'> | null {
  const m = /^(user|unit):(.+)$/.exec(value);
  return m ? { kind: m[1] as ParticipantDraft['kind'], id: m[2]! } : null;
}

/** Adds a line, or changes the role of the same person or unit if already listed. */
export function addParticipant(list: readonly ParticipantDraft[], entry: ParticipantDraft): ParticipantDraft[] {
  const key = draftKey(entry);
  return list.some((d) => draftKey(d) === key) ? list.map((d) => (draftKey(d) === key ? entry : d)) : [...list, entry];
}

export function removeParticipant(list: readonly ParticipantDraft[], key: string): ParticipantDraft[] {
  return list.filter((d) => draftKey(d) !== key);
}

export function setParticipantRole(list: readonly ParticipantDraft[], key: string, role: MeetingRole): ParticipantDraft[] {
  return list.map((d) => (draftKey(d) === key ? { ...d, role } : d));
}

/** What the API takes. */
export function toParticipantInputs(list: readonly ParticipantDraft[]): ParticipantInput[] {
  return list.map((d) => (d.kind === 'user' ? { userId: d.id, role: d.role } : { unitId: d.id, role: d.role }));
}

/** The editable lines of an existing meeting (substitutes come from invitations, not the editor). */
export function fromParticipants(participants: readonly Participant[]): ParticipantDraft[] {
  const out: ParticipantDraft[] = [];
  for (const p of participants) {
    if (p.substituteFor) continue;
    if (p.userId) out.push({ kind: 'user', id: p.userId, name: p.name, role: p.role });
    else if (p.unitId) out.push({ kind: 'unit', id: p.unitId, name: p.name, role: p.role });
  }
  return out;
}
