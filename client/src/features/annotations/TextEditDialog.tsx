import { useState } from 'react';
import { Limits, ShapeKind } from '@e-cabinet/annotations';
import { useT } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { TextAreaField } from '../../ui/Field';
import { canDelete, deleteMark, markShape, saveText } from './actions';
import { useAnnotations, type TextEdit } from './annotation-context';
import { canModify } from './shapes';

/**
 * Writes a new sticky note or text box, or opens an existing one: editable for its author (on a
 * layer they may write), read-only with the author's name for everyone else.
 */
export function TextEditDialog({ edit, onClose }: { edit: TextEdit; onClose: () => void }) {
  const t = useT();
  const ctx = useAnnotations();
  const shape = edit.mode === 'open' ? markShape(ctx, edit) : undefined;
  const [text, setText] = useState(() => (shape && 'text' in shape ? shape.text : ''));
  const [error, setError] = useState<string | null>(null);

  const isNote = edit.mode === 'new' ? edit.kind === 'note' : shape?.kind === ShapeKind.NOTE;
  const title = edit.mode === 'new' ? t(isNote ? 'ann.note.newTitle' : 'ann.textbox.newTitle') : t(isNote ? 'ann.note.title' : 'ann.textbox.title');
  const editable = edit.mode === 'new' ? ctx.layers[edit.layer].writable : !!shape && canModify(edit.layer, shape, ctx.me.id, ctx.layers[edit.layer].writable);

  if (edit.mode === 'open' && !shape) {
    return (
      <Dialog title={title} onClose={onClose}>
        <p>{t('ann.text.gone')}</p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </Dialog>
    );
  }

  const author = shape ? ctx.authorName(shape.authorId, shape.authorName) : ctx.me.name;
  const layerLabel = t(edit.layer === 'shared' ? 'ann.layer.shared' : 'ann.layer.private');
  const submit = () => {
    const value = text.trim();
    if (!value) return setError(t('ann.text.empty'));
    if (value.length > Limits.MAX_TEXT) return setError(t('ann.text.tooLong', { max: Limits.MAX_TEXT }));
    if (!saveText(ctx, edit, value)) return setError(t('ann.text.gone'));
    onClose();
  };

  return (
    <Dialog title={title} onClose={onClose}>
      <p className="muted ann-dialog-meta">
        {t('ann.text.meta', { layer: layerLabel, name: author })}
      </p>
      {editable ? (
        <form
          noValidate
          className="dialog-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <TextAreaField
            label={t('ann.text.label')}
            value={text}
            onValueChange={(v) => {
              setText(v);
              setError(null);
            }}
            rows={5}
            maxLength={Limits.MAX_TEXT}
            error={error ?? undefined}
            data-autofocus
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                submit();
              }
            }}
          />
          <div className="dialog-actions">
            {edit.mode === 'open' && canDelete(ctx, edit) && (
              <button
                type="button"
                className="button-danger"
                onClick={() => {
                  deleteMark(ctx, edit);
                  onClose();
                }}
              >
                {t('ann.delete')}
              </button>
            )}
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button-primary">
              {t('common.save')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="ann-dialog-text">{text}</p>
          <p className="muted">{t('ann.text.readOnly')}</p>
          <div className="dialog-actions">
            <button type="button" onClick={onClose} data-autofocus>
              {t('common.close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
