import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import * as Y from 'yjs';
import { addShape } from '@e-cabinet/annotations';
import { setLocale } from '../../i18n';
import { AnnotationContext, PageRegistry, PenTracker, type AnnotationContextValue } from './annotation-context';
import { AnnotationLayer, type OverlayPage } from './AnnotationLayer';
import { LayerHistory } from './history';
import { shapeFactory } from './shapes';
import { DEFAULT_TOOL_SETTINGS } from './tools';

const me = { id: 'u1', name: 'Nguyễn Văn An' };
const other = { id: 'u2', name: 'Lê Thị Cúc (cũ)' };

function context(docs: { private: Y.Doc; shared: Y.Doc }, over: Partial<AnnotationContextValue> = {}): AnnotationContextValue {
  const collab = (doc: Y.Doc, readOnly: boolean) => ({ doc, status: 'synced' as const, refusedCode: null, onlyLocal: false, readOnly });
  const names = new Map([['u2', 'Lê Thị Cúc']]);
  return {
    me,
    layers: {
      private: { layer: 'private', collab: collab(docs.private, false), writable: true },
      shared: { layer: 'shared', collab: collab(docs.shared, false), writable: true },
    },
    activeLayer: 'private',
    setActiveLayer: () => {},
    tool: 'select',
    setTool: () => {},
    settings: DEFAULT_TOOL_SETTINGS,
    setColor: () => {},
    setSize: () => {},
    hideOthers: false,
    setHideOthers: () => {},
    selected: null,
    select: () => {},
    edit: () => {},
    history: new LayerHistory(() => null),
    pen: new PenTracker(),
    pages: new PageRegistry(),
    docOf: (layer) => docs[layer],
    authorName: (id, stored) => names.get(id) ?? stored,
    ...over,
  };
}

const page1: OverlayPage = {
  pageNumber: 1,
  viewport: { viewBox: [0, 0, 612, 792], scale: 1.5, rotation: 0, offsetX: 0, offsetY: 0, width: 918, height: 1188 },
  cssWidth: 918,
  cssHeight: 1188,
};

/** The rendered layer, read with a few regular expressions (the client tests run without a DOM). */
function render(value: AnnotationContextValue, info: OverlayPage = page1) {
  const html = renderToStaticMarkup(
    <AnnotationContext.Provider value={value}>
      <AnnotationLayer info={info} />
    </AnnotationContext.Provider>,
  );
  const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w-:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const root = attrs(/^<svg([^>]*)>/.exec(html)?.[1] ?? '');
  const marks = [...html.matchAll(/<g ([^>]*data-shape-id="[^"]*"[^>]*)>(.*?)<\/g>/g)].map((m) => ({ ...attrs(m[1] ?? ''), inner: m[2] ?? '' }));
  return { html, root, marks, mark: (id: string) => marks.find((m) => m['data-shape-id'] === id) };
}

const textOf = (inner: string | undefined, tag: string) => new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`).exec(inner ?? '')?.[1];

function docsWithMarks() {
  const docs = { private: new Y.Doc(), shared: new Y.Doc() };
  let clock = 1_000;
  const mine = shapeFactory(me, () => clock++);
  const theirs = shapeFactory(other, () => clock++);
  const ids = {
    stroke: mine.ink(1, '#1d1d1f', 2, [100, 700, 0.5]),
    myShared: mine.textHighlight(1, '#ffeb3b', [[50, 600, 200, 12]]),
    theirNote: theirs.note(1, '#fbc02d', [300, 300], 'Cần làm rõ'),
    otherPage: mine.note(2, '#fbc02d', [10, 10], 'trang 2'),
  };
  addShape(docs.private, ids.stroke);
  addShape(docs.shared, ids.myShared);
  addShape(docs.shared, ids.theirNote);
  addShape(docs.private, ids.otherPage);
  return { docs, ids };
}

afterEach(() => setLocale('vi'));

describe('annotation layer of a page', () => {
  it('draws both layers’ marks of its page with their layer and author', () => {
    setLocale('vi');
    const { docs, ids } = docsWithMarks();
    const svg = render(context(docs));
    expect(svg.root['data-testid']).toBe('annotation-layer-1');
    expect(svg.root.viewBox).toBe('0 0 918 1188');
    const marks = svg.marks.map((m) => ({ id: m['data-shape-id'], layer: m['data-layer'], author: m['data-author-id'] }));
    // In creation order, whatever the layer.
    expect(marks).toEqual([
      { id: ids.stroke.id, layer: 'private', author: 'u1' },
      { id: ids.myShared.id, layer: 'shared', author: 'u1' },
      { id: ids.theirNote.id, layer: 'shared', author: 'u2' },
    ]);
    // The stroke at 150 %: PDF (100, 700) is 150 px from the left, (792 − 700) × 1.5 from the top.
    expect(svg.mark(ids.stroke.id)?.inner).toContain('d="M150 138L150 138"');
    // Other people's shared marks carry their current name; their notes show it as a label.
    const note = svg.mark(ids.theirNote.id)?.inner;
    expect(textOf(note, 'title')).toBe('Ghi chú chia sẻ · Lê Thị Cúc');
    expect(textOf(note, 'text')).toBe('Lê Thị Cúc');
    expect(textOf(svg.mark(ids.myShared.id)?.inner, 'title')).toBe('Ghi chú chia sẻ · Bạn');
    expect(textOf(svg.mark(ids.stroke.id)?.inner, 'title')).toBe('Ghi chú riêng tư của bạn');
    expect(svg.root.class).toContain('is-selecting');
  });

  it('hides other people’s shared marks on request, never one’s own', () => {
    const { docs, ids } = docsWithMarks();
    const shown = render(context(docs, { hideOthers: true })).marks.map((m) => m['data-shape-id']);
    expect(shown).toEqual([ids.stroke.id, ids.myShared.id]);
  });

  it('shows the selected mark and takes the pointer while a drawing tool is on', () => {
    const { docs, ids } = docsWithMarks();
    const svg = render(context(docs, { tool: 'pen', selected: { layer: 'shared', id: ids.theirNote.id } }));
    expect(svg.root.class).toContain('is-drawing');
    expect(svg.html).toContain('class="ann-selection"');
    expect(render(context(docs)).html).not.toContain('class="ann-selection"');
  });

  it('draws nothing of another page, and nothing before the docs are open', () => {
    const { docs } = docsWithMarks();
    const empty = render(context(docs), { ...page1, pageNumber: 3 });
    expect(empty.root['data-testid']).toBe('annotation-layer-3');
    expect(empty.marks).toHaveLength(0);
    const closed = context(docs);
    const unopened = { ...closed.layers.private, collab: { ...closed.layers.private.collab, doc: null } };
    expect(render({ ...closed, layers: { private: unopened, shared: { ...unopened, layer: 'shared' } } }).marks).toHaveLength(0);
  });
});
