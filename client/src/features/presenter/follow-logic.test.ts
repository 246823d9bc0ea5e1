import { describe, expect, it } from 'vitest';
import type { PresenterState } from '@e-cabinet/protocol';
import { readFlag, writeFlag } from './flags';
import { acceptState, followAction, mayPresent, pageFromQuery } from './follow-logic';

const state = (over: Partial<PresenterState> = {}): PresenterState => ({
  meetingId: 'm1',
  presenterId: 'chair',
  presenterName: 'Chủ tọa',
  documentId: 'docA',
  page: 4,
  at: 1_000,
  ...over,
});

describe('presenter states', () => {
  it('keeps only newer states: a late ack or a replay is ignored', () => {
    expect(acceptState(null, state())).toEqual(state());
    expect(acceptState(state({ at: 1_000 }), state({ at: 2_000, page: 5 }))).toMatchObject({ page: 5 });
    expect(acceptState(state({ at: 2_000 }), state({ at: 1_000, page: 1 }))).toBeNull();
    expect(acceptState(state({ at: 2_000 }), state({ at: 2_000 }))).toBeNull();
  });
});

describe('what a follower does', () => {
  const here = { documentId: 'docA', meId: 'me', canOpen: (id: string) => id !== 'secret' };

  it('scrolls to the page on the same document', () => {
    expect(followAction(state({ page: 7 }), here)).toEqual({ kind: 'goto', page: 7 });
  });

  it('opens the other document at the page', () => {
    expect(followAction(state({ documentId: 'docB', page: 2 }), here)).toEqual({ kind: 'navigate', to: '/documents/docB?page=2' });
  });

  it('stays put when nobody presents, when it is oneself, or on a document one may not open', () => {
    expect(followAction(null, here)).toEqual({ kind: 'none' });
    expect(followAction(state({ presenterId: null, presenterName: null, documentId: null, page: 1 }), here)).toEqual({ kind: 'none' });
    expect(followAction(state({ presenterId: 'me' }), here)).toEqual({ kind: 'none' });
    expect(followAction(state({ documentId: 'secret' }), here)).toEqual({ kind: 'none' });
  });
});

describe('who may present', () => {
  const agenda = [{ presenterId: 'dept-head' }, { presenterId: null }];
  it('is the chair, the secretary or an item’s presenter, while the meeting is published or live', () => {
    expect(mayPresent({ myRole: 'chair', status: 'live' }, 'x', agenda)).toBe(true);
    expect(mayPresent({ myRole: 'secretary', status: 'published' }, 'x', agenda)).toBe(true);
    expect(mayPresent({ myRole: 'member', status: 'live' }, 'dept-head', agenda)).toBe(true);
    expect(mayPresent({ myRole: 'member', status: 'live' }, 'x', agenda)).toBe(false);
    expect(mayPresent({ myRole: 'observer', status: 'live' }, 'x', agenda)).toBe(false);
    expect(mayPresent({ myRole: 'chair', status: 'ended' }, 'x', agenda)).toBe(false);
    expect(mayPresent({ myRole: 'chair', status: 'draft' }, 'x', agenda)).toBe(false);
  });
});

describe('the ?page= parameter', () => {
  it('accepts page numbers only', () => {
    expect(pageFromQuery('12')).toBe(12);
    expect(pageFromQuery(null)).toBeNull();
    expect(pageFromQuery('0')).toBeNull();
    expect(pageFromQuery('-3')).toBeNull();
    expect(pageFromQuery('2.5')).toBeNull();
    expect(pageFromQuery('1e3')).toBeNull();
    expect(pageFromQuery('9999999')).toBeNull();
  });
});

describe('switches kept per meeting', () => {
  it('remembers follow and present per meeting, and survives a storage that throws', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
    writeFlag('follow', 'm1', true, storage);
    expect(readFlag('follow', 'm1', storage)).toBe(true);
    expect(readFlag('follow', 'm2', storage)).toBe(false);
    expect(readFlag('present', 'm1', storage)).toBe(false);
    writeFlag('follow', 'm1', false, storage);
    expect(readFlag('follow', 'm1', storage)).toBe(false);
    const throwing = {
      getItem: (): string | null => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {},
    };
    expect(() => writeFlag('follow', 'm1', true, throwing)).not.toThrow();
    expect(readFlag('follow', 'm1', throwing)).toBe(false);
  });
});
