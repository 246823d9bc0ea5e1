import { describe, expect, it } from 'vitest';
import { ObjectId } from 'mongodb';
import { MEETING_STATUSES } from '@e-cabinet/protocol';
import { allowedTransitions, canEditDocuments, roleOf, visibleRole } from './participants.ts';

const unit = new ObjectId();
const alice = { _id: new ObjectId(), unitId: unit };
const bob = { _id: new ObjectId(), unitId: null };

describe('participants', () => {
  it('prefers a direct entry over the unit’s', () => {
    const list = [
      { userId: null, unitId: unit, role: 'observer' as const },
      { userId: alice._id, unitId: null, role: 'member' as const },
    ];
    expect(roleOf(list, alice)).toBe('member');
    expect(roleOf([list[0]!], alice)).toBe('observer');
    expect(roleOf(list, bob)).toBeNull();
  });

  it('hides drafts from everyone but the chair and the secretary', () => {
    const participants = [
      { userId: alice._id, unitId: null, role: 'member' as const },
      { userId: bob._id, unitId: null, role: 'chair' as const },
    ];
    for (const status of MEETING_STATUSES) {
      const distributed = ['published', 'live', 'ended', 'closed'].includes(status);
      expect(visibleRole({ participants, status }, alice)).toBe(distributed ? 'member' : null);
      expect(visibleRole({ participants, status }, bob)).toBe('chair');
    }
  });

  it('lets each role make only its own transitions', () => {
    expect(allowedTransitions('draft', 'secretary')).toEqual(['submit']);
    expect(allowedTransitions('submitted', 'chair')).toEqual(['approve', 'return']);
    expect(allowedTransitions('submitted', 'secretary')).toEqual([]);
    expect(allowedTransitions('approved', 'secretary')).toEqual(['publish']);
    expect(allowedTransitions('published', 'member')).toEqual([]);
    expect(allowedTransitions('published', 'observer')).toEqual([]);
    expect(allowedTransitions('closed', 'chair')).toEqual([]);
  });

  it('never gives an observer a write path', () => {
    for (const status of MEETING_STATUSES) expect(canEditDocuments(status, 'observer')).toBe(false);
  });
});
