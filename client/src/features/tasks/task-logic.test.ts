import { describe, expect, it } from 'vitest';
import { dueSoonLimit, parseDeadline } from '@e-cabinet/protocol';
import { axisTicks, niceMax, stackSegments } from './chart-scale';
import { byUrgency, daysUntil, deadlineInputValue, dueState, formatDeadline, formatRate, onTimeRate, progressFor, statusChoices, sumCounts } from './task-logic';
import type { Task } from '@e-cabinet/protocol';

/** End of 10 May 2030 in Vietnam. */
const DEADLINE = '2030-05-10T16:59:59.999Z';
const open = (deadline = DEADLINE) => ({ status: 'in_progress' as const, deadline });

describe('deadlines on the Vietnamese calendar', () => {
  it('a bare date is the end of that day in Vietnam', () => {
    expect(parseDeadline('2030-05-10')?.toISOString()).toBe(DEADLINE);
    expect(parseDeadline('2030-02-29')).toBeNull();
    expect(parseDeadline('2028-02-29')?.toISOString()).toBe('2028-02-29T16:59:59.999Z');
    expect(parseDeadline('2030-05-10T09:30:00+07:00')?.toISOString()).toBe('2030-05-10T02:30:00.000Z');
    expect(parseDeadline('10/05/2030')).toBeNull();
    expect(deadlineInputValue(DEADLINE)).toBe('2030-05-10');
  });

  it('classifies by the Vietnamese day, not the device or UTC day', () => {
    // 23:30 on 6 May in Vietnam is still 6 May there (16:30 UTC): four days left → later.
    expect(dueState(open(), new Date('2030-05-06T16:30:00.000Z'))).toBe('later');
    // 00:30 on 7 May in Vietnam, though UTC still says 6 May: three days left → soon.
    expect(dueState(open(), new Date('2030-05-06T17:30:00.000Z'))).toBe('soon');
    expect(daysUntil(DEADLINE, new Date('2030-05-06T17:30:00.000Z'))).toBe(3);
    expect(dueState(open(), new Date('2030-05-10T01:00:00.000Z'))).toBe('today');
    expect(dueState(open(), new Date('2030-05-10T16:59:59.999Z'))).toBe('today');
    expect(dueState(open(), new Date('2030-05-10T17:00:00.000Z'))).toBe('overdue');
    expect(daysUntil(DEADLINE, new Date('2030-05-12T03:00:00.000Z'))).toBe(-2);
    expect(dueState({ status: 'done', deadline: DEADLINE }, new Date('2030-06-01T00:00:00.000Z'))).toBe('done');
    expect(dueState({ status: 'cancelled', deadline: DEADLINE }, new Date('2030-06-01T00:00:00.000Z'))).toBe('cancelled');
  });

  it('agrees with the server on what "due soon" means', () => {
    const now = new Date('2030-05-06T17:30:00.000Z');
    const limit = dueSoonLimit(now);
    expect(limit.toISOString()).toBe(DEADLINE);
    expect(dueState(open(new Date(limit.getTime() + 1).toISOString()), now)).toBe('later');
  });

  it('shows the time only when the deadline is not the end of a day', () => {
    expect(formatDeadline(DEADLINE, 'vi')).toBe('10/05/2030');
    expect(formatDeadline('2030-05-10T02:30:00.000Z', 'en')).toBe('10/05/2030, 09:30');
  });

  it('puts the late first, then by deadline, closed last', () => {
    const now = new Date('2030-05-09T03:00:00.000Z');
    const t = (id: string, status: Task['status'], deadline: string) => ({ id, status, deadline }) as Task;
    const sorted = [t('done', 'done', '2030-05-01T00:00:00.000Z'), t('later', 'todo', '2030-06-01T00:00:00.000Z'), t('late', 'todo', '2030-05-08T00:00:00.000Z'), t('soon', 'todo', DEADLINE)].sort(byUrgency(now));
    expect(sorted.map((x) => x.id)).toEqual(['late', 'soon', 'later', 'done']);
  });

  it('offers cancelling to organisers only; done means 100 %', () => {
    expect(statusChoices(false, 'todo')).toEqual(['todo', 'in_progress', 'done']);
    expect(statusChoices(true, 'todo')).toContain('cancelled');
    expect(progressFor('done', 40)).toBe(100);
    expect(progressFor('in_progress', 140)).toBe(100);
    expect(progressFor('todo', 33.4)).toBe(33);
  });
});

describe('dashboard maths', () => {
  it('the on-time rate counts overdue tasks as not on time, and is empty with nothing decided', () => {
    expect(onTimeRate({ doneOnTime: 1, doneLate: 1, overdue: 1 })).toBeCloseTo(1 / 3);
    expect(onTimeRate({ doneOnTime: 0, doneLate: 0, overdue: 0 })).toBeNull();
    expect(onTimeRate({ doneOnTime: 4, doneLate: 0, overdue: 0 })).toBe(1);
  });

  it('a total is summed, its rate recomputed rather than averaged', () => {
    const a = { assigned: 10, doneOnTime: 9, doneLate: 1, overdue: 0, open: 0, onTimeRate: 0.9 };
    const b = { assigned: 2, doneOnTime: 0, doneLate: 0, overdue: 2, open: 0, onTimeRate: 0 };
    expect(sumCounts([a, b])).toEqual({ assigned: 12, doneOnTime: 9, doneLate: 1, overdue: 2, open: 0, onTimeRate: 0.75 });
    expect(sumCounts([])).toMatchObject({ assigned: 0, onTimeRate: null });
  });

  it('formats rates in the language', () => {
    expect(formatRate(2 / 3, 'vi')).toMatch(/^66,7\s?%$/);
    expect(formatRate(2 / 3, 'en')).toBe('66.7%');
    expect(formatRate(null, 'vi')).toBe('—');
  });
});

describe('chart scaling', () => {
  it('ends the axis on a round number', () => {
    expect([0, 1, 3, 7, 10, 11, 24, 51, 180, 1000].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 50, 100, 200, 1000]);
  });

  it('ticks are whole numbers from 0 to the maximum', () => {
    expect(axisTicks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(axisTicks(1)).toEqual([0, 1]);
    expect(axisTicks(20, 4)).toEqual([0, 5, 10, 15, 20]);
  });

  it('stacks segments end to end, skipping zeros, without rounding gaps', () => {
    const segments = stackSegments(
      [
        { key: 'a', value: 1 },
        { key: 'b', value: 0 },
        { key: 'c', value: 1 },
        { key: 'd', value: 1 },
      ],
      3,
      100,
    );
    expect(segments.map((s) => s.key)).toEqual(['a', 'c', 'd']);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.x).toBeCloseTo(segments[i - 1]!.x + segments[i - 1]!.width, 6);
    expect(segments.at(-1)!.x + segments.at(-1)!.width).toBeCloseTo(100, 6);
    expect(stackSegments([{ key: 'a', value: 5 }], 10, 300)).toEqual([{ key: 'a', value: 5, x: 0, width: 150 }]);
    expect(stackSegments([{ key: 'a', value: 5 }], 0, 300)).toEqual([{ key: 'a', value: 5, x: 0, width: 0 }]);
  });
});
