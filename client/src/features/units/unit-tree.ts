import type { Unit } from '@e-cabinet/protocol';

export interface UnitRow {
  unit: Unit;
  /** 0 for a top-level unit. */
  depth: number;
}

const byCode = (a: Unit, b: Unit) => a.code.localeCompare(b.code, 'vi', { numeric: true });

/**
 * Units in tree order (each parent followed by its children, siblings by code), with depth.
 * A unit whose parent is missing from the list is shown at the top level rather than dropped,
 * and a cycle in bad data cannot loop forever.
 */
export function unitTreeRows(units: readonly Unit[]): UnitRow[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, Unit[]>();
  for (const unit of units) {
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(unit);
    children.set(parent, list);
  }
  const rows: UnitRow[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const unit of [...(children.get(parent) ?? [])].sort(byCode)) {
      if (seen.has(unit.id)) continue;
      seen.add(unit.id);
      rows.push({ unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  // Units caught in a parent cycle never hang off a root; list them so they can be fixed.
  for (const unit of [...units].sort(byCode)) {
    if (!seen.has(unit.id)) rows.push({ unit, depth: 0 });
  }
  return rows;
}

/** The unit itself and everything below it: what may not become its parent. */
export function selfAndDescendants(units: readonly Unit[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId && out.has(unit.parentId) && !out.has(unit.id)) {
        out.add(unit.id);
        grew = true;
      }
    }
  }
  return out;
}

/**
 * Choices for a unit `<select>`, indented by depth. Inactive units are offered only when
 * already chosen (`keep`), so editing a record never silently changes it.
 */
export function unitOptions(
  units: readonly Unit[],
  { keep, exclude }: { keep?: string | null; exclude?: ReadonlySet<string> } = {},
): { value: string; label: string }[] {
  return unitTreeRows(units)
    .filter(({ unit }) => (unit.active || unit.id === keep) && !exclude?.has(unit.id))
    .map(({ unit, depth }) => ({ value: unit.id, label: `${'\u00a0\u00a0\u00a0'.repeat(depth)}${unit.name}` }));
}
