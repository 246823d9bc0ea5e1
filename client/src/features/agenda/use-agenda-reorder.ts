import { useEffect, useLayoutEffect, useRef, useState, type DragEvent, type PointerEvent } from 'react';
import { ErrorCode, type AgendaItem } from '@e-cabinet/protocol';
import { ApiRequestError } from '../../api/client';
import { errorText } from '../../api/errors';
import { useLocale, useT } from '../../i18n';
import { agendaApi } from './agenda-api';
import { dragOver, moveId, sameOrder } from './agenda-logic';
import { ReorderQueue } from './reorder-queue';

interface Options {
  meetingId: string;
  items: readonly AgendaItem[];
  onItemsChange: (items: AgendaItem[]) => void;
  /** The server's agenda differs from ours (AGENDA_ORDER_MISMATCH): fetch it again. */
  onStale: () => void;
}

interface Drag {
  id: string;
  order: string[];
}

const ROW = '[data-agenda-row]';

/**
 * Reordering for the agenda builder, by keyboard, mouse (HTML5 drag and drop) and touch or pen
 * (pointer events). The new order shows at once and is sent through a queue; the server's
 * answer replaces it when the queue is empty. Announces each move for screen readers.
 */
export function useAgendaReorder({ meetingId, items, onItemsChange, onStale }: Options) {
  const t = useT();
  const locale = useLocale();
  const [pending, setPending] = useState<string[] | null>(null);
  const [drag, setDragState] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const focusAfterRef = useRef<{ id: string; key: string } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const latestRef = useRef({ meetingId, onItemsChange, onStale, locale });
  useEffect(() => {
    latestRef.current = { meetingId, onItemsChange, onStale, locale };
  });
  const queueRef = useRef<ReorderQueue<AgendaItem[]> | null>(null);
  // Created on first use, in an event handler; it lives as long as the builder.
  const queue = () =>
    (queueRef.current ??= new ReorderQueue<AgendaItem[]>(
      (ids) => agendaApi.reorder(latestRef.current.meetingId, ids),
      (result) => {
        setPending(null);
        if (result.ok) return latestRef.current.onItemsChange(result.value);
        if (result.error instanceof ApiRequestError && result.error.code === ErrorCode.AGENDA_ORDER_MISMATCH) latestRef.current.onStale();
        setError(errorText(result.error, latestRef.current.locale));
      },
    ));

  const serverOrder = items.map((i) => i.id);
  const order = drag?.order ?? pending ?? serverOrder;
  const orderKey = order.join(',');

  // React moves the DOM nodes of a reordered list, which can drop focus: put it back.
  useLayoutEffect(() => {
    const target = focusAfterRef.current;
    if (!target) return;
    focusAfterRef.current = null;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(target.id)}"] [data-focus-key="${target.key}"]`);
    if (el && document.activeElement !== el) el.focus();
  }, [orderKey]);

  const setDrag = (next: Drag | null) => {
    dragRef.current = next;
    setDragState(next);
  };

  const commit = (ids: string[], movedId: string) => {
    const base = pending ?? serverOrder;
    if (sameOrder(ids, base)) return;
    setError(null);
    setPending(ids);
    queue().push(ids);
    const title = items.find((i) => i.id === movedId)?.title ?? '';
    setAnnouncement(t('agenda.moved', { title, position: ids.indexOf(movedId) + 1, total: ids.length }));
  };

  /** Moves an item one place; `focusKey` names the control to keep focus on after the move. */
  const move = (id: string, step: -1 | 1, focusKey: string) => {
    const next = moveId(order, id, step);
    if (!next) return;
    focusAfterRef.current = { id, key: focusKey };
    commit(next, id);
  };

  const hover = (targetId: string | undefined, clientY: number, rect: DOMRect) => {
    const current = dragRef.current;
    if (!current || !targetId) return;
    const next = dragOver(current.order, current.id, targetId, clientY, rect);
    if (next) setDrag({ ...current, order: next });
  };
  const finish = () => {
    const current = dragRef.current;
    if (!current) return;
    setDrag(null);
    commit(current.order, current.id);
  };
  const rowAt = (el: Element | null) => el?.closest<HTMLElement>(ROW) ?? null;

  /** Props for each row's drag handle. */
  const handleProps = (id: string) => ({
    draggable: true,
    onDragStart: (e: DragEvent<HTMLElement>) => {
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', id);
      const row = rowAt(e.currentTarget);
      if (row) e.dataTransfer.setDragImage(row, 24, 24);
      setDrag({ id, order: [...order] });
    },
    // Dropped outside the list: put things back.
    onDragEnd: () => setDrag(null),
    // Touch and pen: HTML5 drag and drop does not start from a finger on most tablets.
    onPointerDown: (e: PointerEvent<HTMLElement>) => {
      if (e.pointerType === 'mouse') return;
      e.currentTarget.setPointerCapture(e.pointerId);
      setDrag({ id, order: [...order] });
    },
    onPointerMove: (e: PointerEvent<HTMLElement>) => {
      if (e.pointerType === 'mouse' || !dragRef.current) return;
      const row = rowAt(document.elementFromPoint(e.clientX, e.clientY));
      if (row) hover(row.dataset.itemId, e.clientY, row.getBoundingClientRect());
    },
    onPointerUp: (e: PointerEvent<HTMLElement>) => {
      if (e.pointerType !== 'mouse') finish();
    },
    onPointerCancel: () => setDrag(null),
  });

  /** Props for the list: it accepts drops anywhere on it, including between rows. */
  const listProps = {
    onDragOver: (e: DragEvent<HTMLElement>) => {
      if (!dragRef.current) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      const row = rowAt(e.target as Element);
      if (row) hover(row.dataset.itemId, e.clientY, row.getBoundingClientRect());
    },
    onDrop: (e: DragEvent<HTMLElement>) => {
      if (!dragRef.current) return;
      e.preventDefault();
      finish();
    },
  };

  return { order, listRef, draggingId: drag?.id ?? null, busy: pending !== null, announcement, error, clearError: () => setError(null), move, handleProps, listProps };
}
