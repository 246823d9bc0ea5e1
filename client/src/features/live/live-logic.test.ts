import { describe, expect, it } from 'vitest';
import type { AgendaItem, AttendanceEntry } from '@e-cabinet/protocol';
import {
  attendanceCounts,
  canGiveProxy,
  countdownTone,
  floorRemaining,
  formatClock,
  isSatisfiableRule,
  moveInQueue,
  neighbours,
  presenceOf,
  proxyCandidates,
  proxyPairs,
  quorumRuleWords,
  quorumShortfall,
  roomPermissions,
} from './live-logic';

const entry = (userId: string, over: Partial<AttendanceEntry> = {}): AttendanceEntry => ({
  userId,
  name: `ĐB ${userId}`,
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
const item = (id: string): AgendaItem => ({ id, meetingId: 'm', order: 0, title: id, description: '', presenterId: null, presenterName: null, durationMinutes: 10 });

describe('attendance', () => {
  it('tells present, left, absent, excused and unknown apart', () => {
    expect(presenceOf({ status: 'present', leftAt: null })).toBe('present');
    expect(presenceOf({ status: 'present', leftAt: '2026-01-01T00:00:00.000Z' })).toBe('left');
    expect(presenceOf({ status: 'excused', leftAt: null })).toBe('excused');
  });

  it('counts every kind and the proxies', () => {
    const counts = attendanceCounts([
      entry('a', { status: 'present' }),
      entry('b', { status: 'present', leftAt: 'x' }),
      entry('c', { status: 'absent', proxyTo: { userId: 'a', name: 'A' } }),
      entry('d', { status: 'excused' }),
      entry('e'),
    ]);
    expect(counts).toEqual({ total: 5, present: 1, left: 1, absent: 1, excused: 1, unknown: 1, proxies: 1 });
  });

  it('lists proxies as principal → holder', () => {
    expect(proxyPairs([entry('a', { proxyFrom: { userId: 'c', name: 'C' } }), entry('c', { name: 'C', proxyTo: { userId: 'a', name: 'A' } })])).toEqual([
      { principal: 'C', principalId: 'c', holder: 'A', holderId: 'a' },
    ]);
  });

  it('offers only voting members without proxies as holders', () => {
    const roll = [
      entry('me'),
      entry('free'),
      entry('holds', { proxyFrom: { userId: 'x', name: 'X' } }),
      entry('gave', { proxyTo: { userId: 'y', name: 'Y' } }),
      entry('guest', { role: 'invitee', votes: false }),
    ];
    expect(proxyCandidates(roll, 'me').map((e) => e.userId)).toEqual(['free']);
  });

  it('lets a voting member who is not in the room give a proxy', () => {
    expect(canGiveProxy(entry('a'), 'published')).toBe(true);
    expect(canGiveProxy(entry('a', { status: 'present' }), 'live')).toBe(false);
    expect(canGiveProxy(entry('a', { status: 'present', leftAt: 'x' }), 'live')).toBe(true);
    expect(canGiveProxy(entry('a', { votes: false }), 'live')).toBe(false);
    expect(canGiveProxy(entry('a', { proxyTo: { userId: 'b', name: 'B' } }), 'live')).toBe(false);
    expect(canGiveProxy(entry('a'), 'ended')).toBe(false);
    expect(canGiveProxy(undefined, 'live')).toBe(false);
  });

  it('derives permissions from the meeting role', () => {
    expect(roomPermissions('chair', entry('c', { role: 'chair' }))).toEqual({ runMeeting: true, keepRoll: false, onRoll: true, votes: true });
    expect(roomPermissions('secretary', entry('s', { role: 'secretary', votes: false }))).toEqual({ runMeeting: true, keepRoll: true, onRoll: true, votes: false });
    expect(roomPermissions('observer', undefined)).toEqual({ runMeeting: false, keepRoll: false, onRoll: false, votes: false });
  });
});

describe('countdown', () => {
  const floor = { startedAt: '2026-01-01T00:00:00.000Z', durationSec: 120 };
  const t0 = Date.parse(floor.startedAt);

  it('counts down from the server start, whole seconds rounded up', () => {
    expect(floorRemaining(floor, t0)).toBe(120);
    expect(floorRemaining(floor, t0 + 500)).toBe(120);
    expect(floorRemaining(floor, t0 + 1000)).toBe(119);
    expect(floorRemaining(floor, t0 + 119_001)).toBe(1);
    expect(floorRemaining(floor, t0 + 120_000)).toBe(0);
    expect(floorRemaining(floor, t0 + 127_400)).toBe(-7);
  });

  it('formats minutes and hours', () => {
    expect(formatClock(125)).toBe('2:05');
    expect(formatClock(-7)).toBe('0:07');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(0)).toBe('0:00');
  });

  it('warns in the last 30 seconds and after the end', () => {
    expect(countdownTone(31)).toBe('normal');
    expect(countdownTone(30)).toBe('ending');
    expect(countdownTone(0)).toBe('over');
  });
});

describe('quorum', () => {
  it('names the usual rules', () => {
    expect(quorumRuleWords({ numerator: 1, denominator: 2, strict: true })).toEqual({ key: 'live.rule.half' });
    expect(quorumRuleWords({ numerator: 2, denominator: 3, strict: false })).toEqual({ key: 'live.rule.twoThirds' });
    expect(quorumRuleWords({ numerator: 4, denominator: 4, strict: false })).toEqual({ key: 'live.rule.all' });
    expect(quorumRuleWords({ numerator: 3, denominator: 4, strict: false })).toEqual({ key: 'live.rule.atLeast', numerator: 3, denominator: 4 });
    expect(quorumRuleWords({ numerator: 1, denominator: 3, strict: true })).toEqual({ key: 'live.rule.moreThan', numerator: 1, denominator: 3 });
  });

  it('says how many more members are needed', () => {
    const rule = { numerator: 1, denominator: 2, strict: true };
    expect(quorumShortfall({ rule, members: 10, present: 4, required: 6, met: false })).toBe(2);
    expect(quorumShortfall({ rule, members: 10, present: 6, required: 6, met: true })).toBe(0);
    expect(quorumShortfall({ rule, members: 0, present: 0, required: 1, met: false })).toBe(1);
  });

  it('accepts only rules that can be met', () => {
    expect(isSatisfiableRule({ numerator: 1, denominator: 1, strict: false })).toBe(true);
    expect(isSatisfiableRule({ numerator: 1, denominator: 1, strict: true })).toBe(false);
    expect(isSatisfiableRule({ numerator: 3, denominator: 2, strict: false })).toBe(false);
  });
});

describe('agenda and queue', () => {
  const agenda = [item('i1'), item('i2'), item('i3')];

  it('finds the previous and next items', () => {
    expect(neighbours(agenda, 'i2')).toMatchObject({ index: 1, prev: { id: 'i1' }, next: { id: 'i3' } });
    expect(neighbours(agenda, null)).toMatchObject({ index: -1, prev: null, next: { id: 'i1' } });
    expect(neighbours(agenda, 'i3')).toMatchObject({ index: 2, next: null });
  });

  it('moves a request within bounds', () => {
    expect(moveInQueue(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveInQueue(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveInQueue(['a', 'b', 'c'], 'a', 5)).toEqual(['b', 'c', 'a']);
    expect(moveInQueue(['a', 'b'], 'zz', 1)).toEqual(['a', 'b']);
  });
});
