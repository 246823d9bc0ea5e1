import { useId, type KeyboardEvent, type ReactNode } from 'react';
import type { AgendaItem } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { reorderStep } from './agenda-logic';
import { AgendaItemContent } from './AgendaItemContent';
import type { useAgendaReorder } from './use-agenda-reorder';

interface AgendaBuilderRowProps {
  item: AgendaItem;
  position: number;
  isFirst: boolean;
  isLast: boolean;
  dragging: boolean;
  handleProps: ReturnType<ReturnType<typeof useAgendaReorder>['handleProps']>;
  onMove: (step: -1 | 1, focusKey: string) => void;
  onEdit: () => void;
  onDelete: () => void;
  /** The item's documents, below the row. */
  children?: ReactNode;
}

/**
 * One editable agenda item. "Lên"/"Xuống" stay focusable at the ends (aria-disabled, not
 * disabled), so focus is not lost when an item reaches the top or bottom.
 */
export function AgendaBuilderRow(props: AgendaBuilderRowProps) {
  const { item, position, isFirst, isLast, dragging, handleProps, onMove, onEdit, onDelete, children } = props;
  const t = useT();
  const titleId = useId();

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = reorderStep(e);
    if (step === null) return;
    e.preventDefault();
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.focusKey : undefined;
    onMove(step, focused ?? 'handle');
  };

  return (
    <li data-agenda-row="" data-item-id={item.id} className={dragging ? 'agenda-item agenda-item-dragging' : 'agenda-item'}>
      <div className="agenda-row" onKeyDown={onKeyDown}>
        <button
          type="button"
          className="drag-handle"
          data-focus-key="handle"
          aria-label={t('agenda.dragHandle', { title: item.title })}
          aria-describedby="agenda-reorder-help"
          {...handleProps}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <AgendaItemContent item={item} position={position} titleId={titleId} />
        <div className="agenda-row-actions">
          <button
            type="button"
            data-focus-key="up"
            aria-describedby={titleId}
            aria-disabled={isFirst || undefined}
            aria-keyshortcuts="Alt+ArrowUp"
            onClick={() => !isFirst && onMove(-1, 'up')}
          >
            {t('agenda.up')}
          </button>
          <button
            type="button"
            data-focus-key="down"
            aria-describedby={titleId}
            aria-disabled={isLast || undefined}
            aria-keyshortcuts="Alt+ArrowDown"
            onClick={() => !isLast && onMove(1, 'down')}
          >
            {t('agenda.down')}
          </button>
          <button type="button" data-focus-key="edit" aria-describedby={titleId} onClick={onEdit}>
            {t('common.edit')}
          </button>
          <button type="button" data-focus-key="delete" aria-describedby={titleId} onClick={onDelete}>
            {t('agenda.delete')}
          </button>
        </div>
      </div>
      {children}
    </li>
  );
}
