import { useCallback, useSyncExternalStore } from 'react';
import { ShapeKind, type Shape } from '@e-cabinet/annotations';
import { useT } from '../../i18n';
import { canDelete, canMove, deleteMark, isTextKind, moveMark } from './actions';
import { useAnnotations, type MarkRef } from './annotation-context';
import { shapeIndex } from './shape-index';

/** The selected mark, live: undefined once it is gone (erased here or by someone else). */
function useMark(mark: MarkRef): Shape | undefined {
  const { docOf } = useAnnotations();
  const doc = docOf(mark.layer);
  const subscribe = useCallback((onChange: () => void) => (doc ? shapeIndex(doc).subscribeAny(onChange) : () => {}), [doc]);
  const get = useCallback(() => (doc ? shapeIndex(doc).get(mark.id) : undefined), [doc, mark.id]);
  return useSyncExternalStore(subscribe, get, get);
}

const KIND_LABEL = {
  [ShapeKind.INK]: 'ann.kind.ink',
  [ShapeKind.HIGHLIGHT]: 'ann.kind.highlight',
  [ShapeKind.NOTE]: 'ann.kind.note',
  [ShapeKind.TEXTBOX]: 'ann.kind.textbox',
} as const;

/** What can be done with the tapped mark: who made it, open, move to the other layer, delete. */
export function SelectionBar({ mark }: { mark: MarkRef }) {
  const t = useT();
  const ctx = useAnnotations();
  const shape = useMark(mark);
  if (!shape) return null;
  const mine = shape.authorId === ctx.me.id;
  const author = mine ? t('ann.you') : ctx.authorName(shape.authorId, shape.authorName);
  return (
    <div className="ann-selection-bar" role="group" aria-label={t('ann.selected')}>
      <p className="ann-selection-info">
        {t('ann.selectedInfo', {
          kind: t(KIND_LABEL[shape.kind]),
          layer: t(mark.layer === 'shared' ? 'ann.layer.shared' : 'ann.layer.private'),
          name: author,
        })}
      </p>
      {isTextKind(shape) && (
        <button type="button" onClick={() => ctx.edit({ mode: 'open', ...mark })}>
          {t('ann.open')}
        </button>
      )}
      {canMove(ctx, mark) && (
        <button type="button" onClick={() => moveMark(ctx, mark)}>
          {t(mark.layer === 'private' ? 'ann.moveToShared' : 'ann.moveToPrivate')}
        </button>
      )}
      {canDelete(ctx, mark) && (
        <button type="button" className="button-danger" onClick={() => deleteMark(ctx, mark)}>
          {t('ann.delete')}
        </button>
      )}
      <button type="button" className="button-quiet" onClick={() => ctx.select(null)}>
        {t('ann.deselect')}
      </button>
    </div>
  );
}
