import { useEffect, useId, useRef, useState } from 'react';
import * as Y from 'yjs';
import { MINUTES_CLOSING_NOTE_KEY, MINUTES_ITEMS_KEY, MINUTES_TEXT_MAX } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { TextareaBinding, type TextSource } from './textarea-binding';
import type { MinutesField as Field } from './minutes-logic';

/** Where an item's field lives in the minutes doc; the item's map and the text are made on the first edit. */
function itemSource(doc: Y.Doc, itemId: string, field: Field): TextSource {
  const items = doc.getMap<Y.Map<Y.Text>>(MINUTES_ITEMS_KEY);
  return {
    doc,
    container: items as unknown as TextSource['container'],
    resolve: () => {
      const value = items.get(itemId)?.get(field);
      return value instanceof Y.Text ? value : null;
    },
    create: () => {
      let item = items.get(itemId);
      if (!(item instanceof Y.Map)) {
        item = new Y.Map<Y.Text>();
        items.set(itemId, item);
      }
      let text = item.get(field);
      if (!(text instanceof Y.Text)) {
        text = new Y.Text();
        item.set(field, text);
      }
      return text;
    },
  };
}

function closingSource(doc: Y.Doc): TextSource {
  const text = doc.getText(MINUTES_CLOSING_NOTE_KEY);
  return { doc, container: text as unknown as TextSource['container'], resolve: () => text, create: () => text };
}

export type FieldTarget = { kind: 'item'; itemId: string; field: Field } | { kind: 'closing' };

interface MinutesFieldProps {
  doc: Y.Doc;
  target: FieldTarget;
  label: string;
  hint?: string;
  readOnly: boolean;
  rows?: number;
}

/** One text of the draft minutes, shared live with everyone on the page. */
export function MinutesField({ doc, target, label, hint, readOnly, rows = 4 }: MinutesFieldProps) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [length, setLength] = useState(0);
  const itemId = target.kind === 'item' ? target.itemId : null;
  const field = target.kind === 'item' ? target.field : null;

  useEffect(() => {
    const textarea = ref.current;
    if (!textarea) return;
    const source = itemId && field ? itemSource(doc, itemId, field) : closingSource(doc);
    const binding = new TextareaBinding(textarea, source);
    // The length warning follows every change, local or remote.
    const count = () => setLength(textarea.value.length);
    count();
    source.container.observeDeep(count);
    textarea.addEventListener('input', count);
    return () => {
      binding.destroy();
      source.container.unobserveDeep(count);
      textarea.removeEventListener('input', count);
    };
  }, [doc, itemId, field]);

  const hintId = `${id}-hint`;
  const warnId = `${id}-warn`;
  const tooLong = length > MINUTES_TEXT_MAX;
  return (
    <div className="field minutes-field">
      <label htmlFor={id}>{label}</label>
      {hint && !readOnly && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        ref={ref}
        rows={rows}
        readOnly={readOnly}
        className={readOnly ? 'minutes-text is-readonly' : 'minutes-text'}
        aria-describedby={[hint && !readOnly ? hintId : '', tooLong ? warnId : ''].filter(Boolean).join(' ') || undefined}
        spellCheck
      />
      {tooLong && (
        <p id={warnId} className="field-error">
          {t('minutes.tooLong', { max: MINUTES_TEXT_MAX })}
        </p>
      )}
    </div>
  );
}
