import { describe, expect, it } from 'vitest';
import type { AttendanceEntry, LiveEvent, LivePollSummary, LiveState } from '@e-cabinet/protocol';
import { applyEvent, drainBuffer, estimateClockOffset, initialLiveModel, liveReducer, MAX_BUFFERED_EVENTS, mergeByKey, type LiveModel } from './live-state';

const entry = (userId: string, over: Partial<AttendanceEntry> = {}): AttendanceEntry => ({
  userId,
  name: `Đại biểu ${userId}`,
  role: 'member',
  votes: true,
  status: 'unknown',
  checkedInAt: null,
  leftAt: null,
  late: false,
  note: '',
  proxyTo: null,
  proxyFrom: null,
  ...over,
});

const state = (over: Partial<LiveState> = {}): LiveState => ({
  meetingId: 'm1',
  seq: 5,
  status: 'live',
  currentItemId: null,
  attendance: [entry('a'), entry('b'), entry('c')],
  quorum: { rule: { numerator: 1, denominator: 2, strict: true }, members: 3, present: 0, required: 2, met: false },
  speakers: { queue: [], floor: null },
  polls: [],
  serverTime: 1_000_000,
  ...over,
});

const summary = (id: string, status: LivePollSummary['status']): LivePollSummary => ({
  id,
  itemId: null,
  title: id,
  status,
  kind: 'yesNoAbstain',
  secrecy: 'named',
  hideTallyUntilClose: false,
  openedAt: null,
  closesAt: null,
  closedAt: null,
  outcome: null,
});

const ev = (seq: number, over: Partial<LiveEvent> = {}): LiveEvent => ({ meetingId: 'm1', seq, ...over });
const synced = (model: LiveModel, s: LiveState): LiveModel => liveReducer(model, { type: 'synced', state: s, sentAt: 0, receivedAt: 0 });

describe('mergeByKey', () => {
  it('replaces in place, keeps order and appends unknown entries', () => {
    const out = mergeByKey([{ id: 1, v: 'a' }, { id: 2, v: 'b' }], [{ id: 3, v: 'c' }, { id: 1, v: 'A' }], (x) => String(x.id));
    expect(out).toEqual([{ id: 1, v: 'A' }, { id: 2, v: 'b' }, { id: 3, v: 'c' }]);
  });
});

describe('applyEvent', () => {
  it('replaces only the slices the event carries', () => {
    const before = state();
    const after = applyEvent(before, ev(6, { attendance: [entry('b', { status: 'present', checkedInAt: '2026-01-01T00:00:00.000Z' })], currentItemId: 'i2' }));
    expect(after.seq).toBe(6);
    expect(after.currentItemId).toBe('i2');
    expect(after.attendance.map((e) => [e.userId, e.status])).toEqual([
      ['a', 'unknown'],
      ['b', 'present'],
      ['c', 'unknown'],
    ]);
    expect(after.quorum).toBe(before.quorum);
    expect(after.status).toBe('live');
    expect(before.attendance[1]!.status).toBe('unknown');
  });

  it('can set the current item back to none', () => {
    expect(applyEvent(state({ currentItemId: 'i1' }), ev(6, { currentItemId: null })).currentItemId).toBeNull();
  });

  it('merges polls by id', () => {
    const s = state({ polls: [summary('p1', 'draft')] });
    const after = applyEvent(s, ev(6, { polls: [summary('p1', 'open'), summary('p2', 'draft')] }));
    expect(after.polls.map((p) => `${p.id}:${p.status}`)).toEqual(['p1:open', 'p2:draft']);
  });
});

describe('drainBuffer', () => {
  it('applies consecutive events in seq order and stops at a gap', () => {
    const out = drainBuffer(state(), [ev(7, { currentItemId: 'x7' }), ev(4), ev(6, { currentItemId: 'x6' }), ev(9)]);
    expect(out.state.seq).toBe(7);
    expect(out.state.currentItemId).toBe('x7');
    expect(out.buffer.map((e) => e.seq)).toEqual([9]);
    expect(out.gap).toBe(true);
  });

  it('skips duplicates', () => {
    const out = drainBuffer(state(), [ev(6), ev(6), ev(7)]);
    expect(out.state.seq).toBe(7);
    expect(out.gap).toBe(false);
  });
});

describe('estimateClockOffset', () => {
  it('takes the midpoint of the round trip', () => {
    // Local clock 5 s behind the server, 200 ms round trip.
    expect(estimateClockOffset(105_100, 100_000, 100_200)).toBe(5000);
  });
});

describe('liveReducer', () => {
  it('needs a sync at first and buffers events until it arrives', () => {
    let m = liveReducer(initialLiveModel, { type: 'event', event: ev(6, { currentItemId: 'i6' }) });
    expect(m.state).toBeNull();
    expect(m.needsSync).toBe(true);
    m = liveReducer(m, { type: 'syncStart' });
    expect(m.syncing).toBe(true);
    m = synced(m, state());
    expect(m.state?.seq).toBe(6);
    expect(m.state?.currentItemId).toBe('i6');
    expect(m.needsSync).toBe(false);
    expect(m.syncing).toBe(false);
  });

  it('drops buffered events the synced state already includes', () => {
    let m = liveReducer(initialLiveModel, { type: 'event', event: ev(5, { currentItemId: 'old' }) });
    m = synced(m, state({ currentItemId: 'new' }));
    expect(m.state?.currentItemId).toBe('new');
    expect(m.buffer).toEqual([]);
  });

  it('applies the next event, ignores older ones and asks for a sync on a gap', () => {
    let m = synced(initialLiveModel, state());
    m = liveReducer(m, { type: 'event', event: ev(6, { status: 'ended' }) });
    expect(m.state?.status).toBe('ended');
    const same = liveReducer(m, { type: 'event', event: ev(6, { status: 'live' }) });
    expect(same).toBe(m);
    m = liveReducer(m, { type: 'event', event: ev(8, { currentItemId: 'i8' }) });
    expect(m.needsSync).toBe(true);
    expect(m.state?.seq).toBe(6);
    expect(m.state?.currentItemId).toBeNull();
    // The missing event arrives late: the buffered one follows it and the gap closes.
    m = liveReducer(m, { type: 'event', event: ev(7) });
    // Still waiting for the sync that was asked for, so it buffers instead of applying.
    expect(m.state?.seq).toBe(6);
    m = synced(m, state({ seq: 7 }));
    expect(m.state?.seq).toBe(8);
    expect(m.state?.currentItemId).toBe('i8');
    expect(m.needsSync).toBe(false);
  });

  it('keeps the newer state when an older sync answer arrives late', () => {
    let m = synced(initialLiveModel, state({ seq: 9, currentItemId: 'i9' }));
    m = synced(m, state({ seq: 8, currentItemId: 'i8' }));
    expect(m.state?.seq).toBe(9);
    expect(m.state?.currentItemId).toBe('i9');
  });

  it('takes an answer at the same seq (it may carry a meeting change)', () => {
    let m = synced(initialLiveModel, state({ status: 'published' }));
    m = synced(m, state({ status: 'live' }));
    expect(m.state?.status).toBe('live');
  });

  it('keeps the state and shows the error when a sync fails', () => {
    let m = synced(initialLiveModel, state());
    m = liveReducer(m, { type: 'syncFailed', code: 'NOT_FOUND', message: 'Không tìm thấy.' });
    expect(m.state?.seq).toBe(5);
    expect(m.error).toEqual({ code: 'NOT_FOUND', message: 'Không tìm thấy.' });
    m = synced(m, state());
    expect(m.error).toBeNull();
  });

  it('records the clock offset of every sync', () => {
    const m = liveReducer(initialLiveModel, { type: 'synced', state: state({ serverTime: 10_000 }), sentAt: 11_000, receivedAt: 11_000 });
    expect(m.clockOffset).toBe(-1000);
  });

  it('bounds the buffer', () => {
    let m = initialLiveModel;
    for (let i = 0; i < MAX_BUFFERED_EVENTS + 10; i++) m = liveReducer(m, { type: 'event', event: ev(100 + i) });
    expect(m.buffer).toHaveLength(MAX_BUFFERED_EVENTS);
    expect(m.buffer.at(-1)?.seq).toBe(100 + MAX_BUFFERED_EVENTS + 9);
  });
});
