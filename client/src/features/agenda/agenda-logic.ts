import type { AgendaItem, Directory, Participant } from '@e-cabinet/protocol';

/** A copy of `list` with the element at `from` moved to `to` (indexes clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const target = Math.max(0, Math.min(out.length - 1, to));
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item as T);
  return out;
}

/** `ids` with `id` moved by `step` places (−1 up, +1 down); null when it cannot move. */
export function moveId(ids: readonly string[], id: string, step: -1 | 1): string[] | null {
  const from = ids.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  return moveItem(ids, from, to);
}

/** Items in the order of `ids`; items missing from `ids` (added meanwhile) keep their place at the end. */
export function applyOrder<T extends { id: string }>(items: readonly T[], ids: readonly string[]): T[] {
  const rank = new Map(ids.map((id, i) => [id, i]));
  return [...items].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
}

/** True when the two lists name the same items in the same order. */
export function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** The step for a reordering key press: Alt+↑ / Alt+↓; null for anything else. */
export function reorderStep(event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): -1 | 1 | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (event.key === 'ArrowUp') return -1;
  if (event.key === 'ArrowDown') return 1;
  return null;
}

export interface AgendaBudget {
  /** Minutes of all items together. */
  total: number;
  /** Minutes between the meeting's start and end. */
  available: number;
  /** Minutes over the meeting's length; 0 when it fits. */
  over: number;
}

/** The agenda's running total against the time the meeting has. */
export function agendaBudget(items: readonly Pick<AgendaItem, 'durationMinutes'>[], available: number): AgendaBudget {
  const total = items.reduce((sum, item) => sum + item.durationMinutes, 0);
  return { total, available, over: Math.max(0, total - available) };
}

/** A typed time box: whole minutes in 1…600 (what the server accepts), or null. */
export function parseMinutes(value: string): number | null {
  const text = value.trim();
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 600 ? n : null;
}

/**
 * The new order while dragging `draggedId` over the row `targetId`, or null for no change.
 * The row must be passed beyond its middle in the direction of travel, so rows of different
 * heights do not swap back and forth under a still pointer.
 */
export function dragOver(
  order: readonly string[],
  draggedId: string,
  targetId: string,
  pointerY: number,
  targetRect: { top: number; height: number },
): string[] | null {
  const from = order.indexOf(draggedId);
  const to = order.indexOf(targetId);
  if (from < 0 || to < 0 || from === to) return null;
  const middle = targetRect.top + targetRect.height / 2;
  if ((to > from && pointerY < middle) || (to < from && pointerY > middle)) return null;
  return moveItem(order, from, to);
}

/** People who may present: named on the meeting, or members of a unit that is. */
export function eligiblePresenters(users: Directory['users'], participants: readonly Participant[]): Directory['users'] {
  const userIds = new Set(participants.flatMap((p) => (p.userId ? [p.userId] : [])));
  const unitIds = new Set(participants.flatMap((p) => (p.unitId ? [p.unitId] : [])));
  return users.filter((u) => userIds.has(u.id) || (u.unitId !== null && unitIds.has(u.unitId)));
}
