import { useCallback, useSyncExternalStore, type CSSProperties } from 'react';
import { useT } from '../../i18n';
import { highlightSelection, selectionOnPage } from './actions';
import { useAnnotations } from './annotation-context';
import { Icon } from './icons';
import { SelectionBar } from './SelectionBar';
import { colorsFor, sizesFor, TOOLS, type Tool } from './tools';

const subscribeSelection = (onChange: () => void) => {
  document.addEventListener('selectionchange', onChange);
  return () => document.removeEventListener('selectionchange', onChange);
};
const pageSelection = () => selectionOnPage(document.getSelection());
const noSelection = () => false;

/** Whether text on a rendered page is selected right now. */
function useHasPageSelection(): boolean {
  return useSyncExternalStore(subscribeSelection, pageSelection, noSelection);
}

const TOOL_LABEL = {
  select: 'ann.tool.select',
  pen: 'ann.tool.pen',
  highlighter: 'ann.tool.highlighter',
  note: 'ann.tool.note',
  textbox: 'ann.tool.textbox',
  eraser: 'ann.tool.eraser',
} as const satisfies Record<Tool, string>;

/**
 * The annotation tools, for the viewer's toolbar: tool, colour and size, the layer new marks go
 * to, hiding other people's marks, undo/redo, highlighting the selected text, and the actions on
 * a tapped mark. Touch targets are at least 44 px.
 */
export function AnnotationToolbar() {
  const t = useT();
  const ctx = useAnnotations();
  const { tool, settings, layers, activeLayer, history } = ctx;
  useSyncExternalStore(history.subscribe, history.getVersion, history.getVersion);
  const hasSelection = useHasPageSelection();
  const opening = layers.private.collab.doc === null && layers.shared.collab.doc === null;
  const canWrite = layers[activeLayer].writable;
  const anyWritable = layers.private.writable || layers.shared.writable;

  const colors = colorsFor(tool);
  const sizes = sizesFor(tool);
  const currentColor = tool === 'pen' || tool === 'highlighter' || tool === 'note' || tool === 'textbox' ? settings[tool].color : null;
  const currentSize = tool === 'pen' || tool === 'highlighter' || tool === 'textbox' ? settings[tool].size : null;
  const applyHighlight = useCallback(() => highlightSelection(ctx, document.getSelection()), [ctx]);

  return (
    <div className="ann-toolbar" role="group" aria-label={t('ann.toolbar')}>
      <div className="ann-group" role="radiogroup" aria-label={t('ann.tools')}>
        {TOOLS.map((name) => (
          <button
            key={name}
            type="button"
            role="radio"
            aria-checked={tool === name}
            className="ann-tool"
            title={t(TOOL_LABEL[name])}
            aria-label={t(TOOL_LABEL[name])}
            disabled={name !== 'select' && (!anyWritable || (name !== 'eraser' && !canWrite))}
            onClick={() => ctx.setTool(name)}
          >
            <Icon name={name} />
          </button>
        ))}
      </div>

      {currentColor && (
        <div className="ann-group" role="radiogroup" aria-label={t('ann.color')}>
          {colors.map((c) => (
            <button
              key={c.value}
              type="button"
              role="radio"
              aria-checked={currentColor === c.value}
              className="ann-swatch"
              title={t(c.label)}
              aria-label={t(c.label)}
              style={{ '--swatch': c.value } as CSSProperties}
              onClick={() => ctx.setColor(c.value)}
            />
          ))}
        </div>
      )}
      {currentSize !== null && (
        <div className="ann-group" role="radiogroup" aria-label={t(tool === 'textbox' ? 'ann.fontSize' : 'ann.size')}>
          {sizes.map((s) => (
            <button key={s.value} type="button" role="radio" aria-checked={currentSize === s.value} className="ann-size" onClick={() => ctx.setSize(s.value)}>
              {t(s.label)}
            </button>
          ))}
        </div>
      )}

      <div className="ann-group">
        <button type="button" className="ann-tool" title={t('ann.undo')} aria-label={t('ann.undo')} aria-keyshortcuts="Control+Z Meta+Z" disabled={!history.canUndo} onClick={() => history.undo()}>
          <Icon name="undo" />
        </button>
        <button
          type="button"
          className="ann-tool"
          title={t('ann.redo')}
          aria-label={t('ann.redo')}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
          disabled={!history.canRedo}
          onClick={() => history.redo()}
        >
          <Icon name="redo" />
        </button>
        <button
          type="button"
          className="ann-text-button"
          disabled={!hasSelection || !canWrite}
          // Keeps the text selection: pressing a button would otherwise clear it on some browsers.
          onPointerDown={(e) => e.preventDefault()}
          onMouseDown={(e) => e.preventDefault()}
          onClick={applyHighlight}
        >
          <Icon name="highlightText" /> {t('ann.highlightSelection')}
        </button>
      </div>

      <div className="ann-group" role="radiogroup" aria-label={t('ann.layer')}>
        {(['private', 'shared'] as const).map((layer) => (
          <button
            key={layer}
            type="button"
            role="radio"
            aria-checked={activeLayer === layer}
            className="ann-layer"
            disabled={!layers[layer].writable}
            onClick={() => ctx.setActiveLayer(layer)}
          >
            {t(layer === 'private' ? 'ann.layer.private' : 'ann.layer.shared')}
          </button>
        ))}
      </div>
      <label className="ann-check">
        <input type="checkbox" checked={ctx.hideOthers} onChange={(e) => ctx.setHideOthers(e.target.checked)} />
        {t('ann.hideOthers')}
      </label>

      {opening && <p className="ann-note muted">{t('ann.opening')}</p>}
      {!opening && layers.shared.collab.readOnly && layers.private.writable && <p className="ann-note muted">{t('ann.readOnlyShared')}</p>}
      {!opening && !anyWritable && <p className="ann-note muted">{t('ann.toolsDisabled')}</p>}
      {ctx.selected && <SelectionBar mark={ctx.selected} />}
    </div>
  );
}
