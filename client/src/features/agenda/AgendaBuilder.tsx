import { useState, type ReactNode } from 'react';
import type { AgendaItem, Participant } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alerts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useToast } from '../../ui/Toasts';
import { agendaApi } from './agenda-api';
import { applyOrder } from './agenda-logic';
import { AgendaBuilderRow } from './AgendaBuilderRow';
import { AgendaItemDialog } from './AgendaItemDialog';
import { useAgendaReorder } from './use-agenda-reorder';

interface AgendaBuilderProps {
  meetingId: string;
  participants: readonly Participant[];
  items: AgendaItem[];
  onItemsChange: (items: AgendaItem[]) => void;
  onStale: () => void;
  renderDocuments: (item: AgendaItem) => ReactNode;
}

type OpenDialog = { kind: 'add' } | { kind: 'edit'; item: AgendaItem } | { kind: 'delete'; item: AgendaItem } | null;

/** The secretary's agenda editor: add, edit, delete, and reorder by drag, touch or keyboard. */
export function AgendaBuilder({ meetingId, participants, items, onItemsChange, onStale, renderDocuments }: AgendaBuilderProps) {
  const t = useT();
  const toast = useToast();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const { order, listRef, draggingId, busy, announcement, error, clearError, move, handleProps, listProps } = useAgendaReorder({
    meetingId,
    items,
    onItemsChange,
    onStale,
  });
  const shown = applyOrder(items, order);

  const close = () => setDialog(null);
  const saved = (next: AgendaItem[], message: string) => {
    close();
    onItemsChange(next);
    toast(message);
  };

  return (
    <div className="agenda-builder">
      <p id="agenda-reorder-help" className="field-hint" hidden={shown.length < 2}>
        {t('agenda.reorderHelp')}
      </p>
      {error && (
        <ErrorAlert message={error}>
          <button type="button" onClick={clearError}>
            {t('common.close')}
          </button>
        </ErrorAlert>
      )}
      {shown.length === 0 ? (
        <p className="muted">{t('agenda.empty')}</p>
      ) : (
        <ol ref={listRef} className="agenda-list agenda-list-editable" aria-busy={busy} {...listProps}>
          {shown.map((item, index) => (
            <AgendaBuilderRow
              key={item.id}
              item={item}
              position={index + 1}
              isFirst={index === 0}
              isLast={index === shown.length - 1}
              dragging={draggingId === item.id}
              handleProps={handleProps(item.id)}
              onMove={(step, focusKey) => move(item.id, step, focusKey)}
              onEdit={() => setDialog({ kind: 'edit', item })}
              onDelete={() => setDialog({ kind: 'delete', item })}
            >
              {renderDocuments(item)}
            </AgendaBuilderRow>
          ))}
        </ol>
      )}
      <p aria-live="assertive" aria-atomic="true" className="visually-hidden">
        {announcement}
      </p>
      <div className="form-actions form-actions-start">
        <button type="button" className="button-primary" onClick={() => setDialog({ kind: 'add' })}>
          {t('agenda.add')}
        </button>
      </div>

      {dialog?.kind === 'add' && (
        <AgendaItemDialog meetingId={meetingId} participants={participants} onClose={close} onSaved={(next) => saved(next, t('agenda.added'))} />
      )}
      {dialog?.kind === 'edit' && (
        <AgendaItemDialog meetingId={meetingId} participants={participants} item={dialog.item} onClose={close} onSaved={(next) => saved(next, t('agenda.updated'))} />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('agenda.deleteTitle')}
          message={t('agenda.deleteConfirm', { title: dialog.item.title })}
          confirmLabel={t('agenda.delete')}
          danger
          onConfirm={async () => {
            // An item with documents is refused with AGENDA_ITEM_HAS_DOCUMENTS and its own message.
            saved(await agendaApi.remove(meetingId, dialog.item.id), t('agenda.deleted', { title: dialog.item.title }));
          }}
          onClose={close}
        />
      )}
    </div>
  );
}
