import { describe, expect, it } from 'vitest';
import type { Participant } from '@e-cabinet/protocol';
import {
  addParticipant,
  draftKey,
  fromParticipants,
  parseDraftKey,
  removeParticipant,
  setParticipantRole,
  toParticipantInputs,
  type ParticipantDraft,
} from './participants-draft';

const chair: ParticipantDraft = { kind: 'user', id: 'u1', name: 'Trần Văn Minh', role: 'chair' };
const finance: ParticipantDraft = { kind: 'unit', id: 'n1', name: 'Sở Tài chính', role: 'member' };

describe('participants draft', () => {
  it('adds people and units once, updating the role of a repeat', () => {
    let list = addParticipant([], chair);
    list = addParticipant(list, finance);
    list = addParticipant(list, { ...chair, role: 'member' });
    expect(list).toEqual([{ ...chair, role: 'member' }, finance]);
  });

  it('changes roles and removes by key', () => {
    const list = setParticipantRole([chair, finance], 'unit:n1', 'invitee');
    expect(list[1]!.role).toBe('invitee');
    expect(removeParticipant(list, draftKey(chair))).toEqual([{ ...finance, role: 'invitee' }]);
  });

  it('converts to the API shape', () => {
    expect(toParticipantInputs([chair, finance])).toEqual([
      { userId: 'u1', role: 'chair' },
      { unitId: 'n1', role: 'member' },
    ]);
  });

  it('reads picker values', () => {
    expect(parseDraftKey('user:abc')).toEqual({ kind: 'user', id: 'abc' });
    expect(parseDraftKey('unit:def')).toEqual({ kind: 'unit', id: 'def' });
    expect(parseDraftKey('')).toBeNull();
    expect(parseDraftKey('group:x')).toBeNull();
  });

  it('loads a meeting’s participants, leaving out substitutes', () => {
    const participants: Participant[] = [
      { userId: 'u1', unitId: null, role: 'chair', name: 'Trần Văn Minh', substituteFor: null },
      { userId: null, unitId: 'n1', role: 'member', name: 'Sở Tài chính' },
      { userId: 'u9', unitId: null, role: 'member', name: 'Người dự thay', substituteFor: 'u5' },
    ];
    expect(fromParticipants(participants)).toEqual([chair, finance]);
  });
});
