import { describe, expect, it } from 'vitest';
import { agendaBudget, eligiblePresenters, applyOrder, dragOver, moveId, moveItem, parseMinutes, reorderStep, sameOrder } from './agenda-logic';

describe('moveItem / moveId', () => {
  it('moves an element and clamps the target', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 99)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });

  it('moves by one step, refusing to leave the list', () => {
    expect(moveId(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveId(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveId(['a', 'b', 'c'], 'a', -1)).toBeNull();
    expect(moveId(['a', 'b', 'c'], 'c', 1)).toBeNull();
    expect(moveId(['a'], 'x', 1)).toBeNull();
  });
});

describe('applyOrder', () => {
  it('sorts by the given ids and keeps unknown items at the end', () => {
    const items = [{ id: 'a' }, { id: 'b' }, { id: 'new' }, { id: 'c' }];
    expect(applyOrder(items, ['c', 'a', 'b']).map((i) => i.id)).toEqual(['c', 'a', 'b', 'new']);
    expect(sameOrder(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameOrder(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameOrder(['a'], ['a', 'b'])).toBe(false);
  });
});

describe('reorderStep', () => {
  const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({
    key: k,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...mods,
  });

  it('answers only to Alt+ArrowUp and Alt+ArrowDown', () => {
    expect(reorderStep(key('ArrowUp', { altKey: true }))).toBe(-1);
    expect(reorderStep(key('ArrowDown', { altKey: true }))).toBe(1);
    expect(reorderStep(key('ArrowDown'))).toBeNull();
    expect(reorderStep(key('ArrowDown', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(reorderStep(key('Enter', { altKey: true }))).toBeNull();
  });
});

describe('agendaBudget', () => {
  it('totals the minutes and reports the overrun', () => {
    const items = [{ durationMinutes: 30 }, { durationMinutes: 45 }, { durationMinutes: 20 }];
    expect(agendaBudget(items, 180)).toEqual({ total: 95, available: 180, over: 0 });
    expect(agendaBudget(items, 90)).toEqual({ total: 95, available: 90, over: 5 });
    expect(agendaBudget([], 60)).toEqual({ total: 0, available: 60, over: 0 });
  });
});

describe('parseMinutes', () => {
  it('accepts whole minutes from 1 to 600', () => {
    expect(parseMinutes('45')).toBe(45);
    expect(parseMinutes(' 600 ')).toBe(600);
    expect(parseMinutes('0')).toBeNull();
    expect(parseMinutes('601')).toBeNull();
    expect(parseMinutes('1.5')).toBeNull();
    expect(parseMinutes('')).toBeNull();
    expect(parseMinutes('-3')).toBeNull();
  });
});

describe('dragOver', () => {
  const order = ['a', 'b', 'c'];
  const rowB = { top: 100, height: 200 }; // middle at 200

  it('moves down only past the middle of the row below', () => {
    expect(dragOver(order, 'a', 'b', 150, rowB)).toBeNull();
    expect(dragOver(order, 'a', 'b', 200, rowB)).toEqual(['b', 'a', 'c']);
    expect(dragOver(order, 'a', 'c', 900, { top: 300, height: 50 })).toEqual(['b', 'c', 'a']);
  });

  it('moves up only past the middle of the row above', () => {
    expect(dragOver(order, 'c', 'b', 250, rowB)).toBeNull();
    expect(dragOver(order, 'c', 'b', 199, rowB)).toEqual(['a', 'c', 'b']);
  });

  it('does not swap back under a still pointer after a tall row moved', () => {
    // After a (short) passed b (tall): b is now on top, occupying 0–200; the pointer is at 160.
    const after = dragOver(order, 'a', 'b', 210, rowB)!;
    expect(dragOver(after, 'a', 'b', 160, { top: 0, height: 200 })).toEqual(null);
  });

  it('ignores the dragged row itself and unknown rows', () => {
    expect(dragOver(order, 'a', 'a', 0, rowB)).toBeNull();
    expect(dragOver(order, 'a', 'x', 0, rowB)).toBeNull();
  });
});

describe('eligiblePresenters', () => {
  it('keeps people named on the meeting and members of participating units', () => {
    const person = (id: string, unitId: string | null) => ({ id, fullName: id, title: null, unitId, role: 'delegate' as const });
    const users = [person('chair', 'ubnd'), person('health', 'syt'), person('nurse', 'syt'), person('other', 'stp'), person('loner', null)];
    const participants = [
      { userId: 'chair', unitId: null, role: 'chair' as const, name: 'Chủ tịch' },
      { userId: null, unitId: 'syt', role: 'member' as const, name: 'Sở Y tế' },
    ];
    expect(eligiblePresenters(users, participants).map((u) => u.id)).toEqual(['chair', 'health', 'nurse']);
  });
});
