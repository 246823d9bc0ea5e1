import { describe, expect, it } from 'vitest';
import type { Unit } from '@e-cabinet/protocol';
import { selfAndDescendants, unitOptions, unitTreeRows } from './unit-tree';

let n = 0;
function makeUnit(overrides: Partial<Unit> & Pick<Unit, 'id' | 'code'>): Unit {
  n += 1;
  return {
    name: `Unit ${n}`,
    kind: 'department',
    parentId: null,
    active: true,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const province = makeUnit({ id: 'p', code: 'UBND', kind: 'province', name: 'UBND tỉnh' });
const sở10 = makeUnit({ id: 's10', code: 'S10', parentId: 'p' });
const sở2 = makeUnit({ id: 's2', code: 'S2', parentId: 'p' });
const phòng = makeUnit({ id: 'ph', code: 'S2.P1', parentId: 's2', active: false });
const orphan = makeUnit({ id: 'o', code: 'ORPHAN', parentId: 'gone' });

describe('unitTreeRows', () => {
  it('lists parents before children, siblings by code (numeric aware), with depth', () => {
    const rows = unitTreeRows([phòng, sở10, orphan, sở2, province]);
    expect(rows.map((r) => [r.unit.id, r.depth])).toEqual([
      ['o', 0],
      ['p', 0],
      ['s2', 1],
      ['ph', 2],
      ['s10', 1],
    ]);
  });

  it('survives a parent cycle without losing units', () => {
    const a = makeUnit({ id: 'a', code: 'A', parentId: 'b' });
    const b = makeUnit({ id: 'b', code: 'B', parentId: 'a' });
    expect(unitTreeRows([a, b]).map((r) => r.unit.id)).toEqual(['a', 'b']);
  });
});

describe('unit choices', () => {
  const all = [province, sở10, sở2, phòng];

  it('finds a unit and everything below it', () => {
    expect([...selfAndDescendants(all, 's2')].sort()).toEqual(['ph', 's2']);
  });

  it('offers active units only, unless the inactive one is already chosen', () => {
    expect(unitOptions(all).map((o) => o.value)).toEqual(['p', 's2', 's10']);
    expect(unitOptions(all, { keep: 'ph' }).map((o) => o.value)).toEqual(['p', 's2', 'ph', 's10']);
    expect(unitOptions(all, { exclude: selfAndDescendants(all, 's2') }).map((o) => o.value)).toEqual(['p', 's10']);
  });
});
