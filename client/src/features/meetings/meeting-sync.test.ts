import { describe, expect, it } from 'vitest';
import { ALL_PARTS, planChange, planJoin } from './meeting-sync';

describe('planChange', () => {
  it('refetches only the changed part for the next number', () => {
    expect(planChange(4, { seq: 5, what: 'agenda' })).toEqual({ refetch: ['agenda'], seq: 5 });
    expect(planChange(4, { seq: 5, what: 'documents' })).toEqual({ refetch: ['documents'], seq: 5 });
    expect(planChange(4, { seq: 5, what: 'details' })).toEqual({ refetch: ['meeting'], seq: 5 });
    expect(planChange(4, { seq: 5, what: 'participants' })).toEqual({ refetch: ['meeting'], seq: 5 });
    expect(planChange(4, { seq: 5, what: 'status' }).refetch).toEqual(['meeting', 'documents']);
  });

  it('refetches everything after a gap', () => {
    expect(planChange(4, { seq: 7, what: 'agenda' })).toEqual({ refetch: ALL_PARTS, seq: 7 });
  });

  it('ignores repeated and older numbers', () => {
    expect(planChange(4, { seq: 4, what: 'agenda' })).toEqual({ refetch: [], seq: 4 });
    expect(planChange(4, { seq: 2, what: 'agenda' })).toEqual({ refetch: [], seq: 4 });
  });

  it('refetches everything when it has no number yet', () => {
    expect(planChange(null, { seq: 9, what: 'agenda' })).toEqual({ refetch: ALL_PARTS, seq: 9 });
  });
});

describe('planJoin', () => {
  it('records the number on the first join', () => {
    expect(planJoin(null, 3)).toEqual({ refetch: [], seq: 3 });
  });

  it('resyncs after a reconnect only when something changed meanwhile', () => {
    expect(planJoin(3, 3)).toEqual({ refetch: [], seq: 3 });
    expect(planJoin(3, 6)).toEqual({ refetch: ALL_PARTS, seq: 6 });
  });
});
