import { useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { addShape, eraseAt, type InkPoint, type Point, type Viewport } from '@e-cabinet/annotations';
import type { AnnotationContextValue } from './annotation-context';
import { LOCAL_ORIGIN, type ActionToken } from './history';
import { clientToPdf, cssToPdfLength, pointerAction, pressureOf, scrollableAncestor, type ScreenBox } from './pointer';
import { shapeFactory } from './shapes';
import { StrokeRecorder } from './stroke';
import { ERASER_RADIUS_PX, isDrawingTool, type Layer } from './tools';

type Gesture = { pointerId: number; pointerType: string } & (
  | { kind: 'stroke'; push: (samples: readonly PointerEvent[], box: ScreenBox) => void; flush: () => void; token: ActionToken }
  | { kind: 'erase'; token: ActionToken; layers: Layer[]; last: Point }
  | { kind: 'tap'; x: number; y: number; at: Point }
  | { kind: 'scroll'; x: number; y: number; scroller: HTMLElement | null }
);

/** A tap that moves further than this (CSS px) was not meant as a tap. */
const TAP_SLOP_PX = 10;
/** Samples closer than this (CSS px) to the previous one add nothing visible. */
const MIN_SAMPLE_PX = 0.75;

const boxOf = (el: Element): ScreenBox => {
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, width: r.width, height: r.height };
};

/** The pointer events a move delivered, coalesced ones included (smoother strokes on fast pens). */
function samplesOf(e: ReactPointerEvent): PointerEvent[] {
  const native = e.nativeEvent;
  const coalesced = typeof native.getCoalescedEvents === 'function' ? native.getCoalescedEvents() : [];
  return coalesced.length ? coalesced : [native];
}

/**
 * Pointer handling of one page's annotation layer while a drawing tool is active: pen and
 * highlighter strokes (streamed per frame, one undo step each), the eraser (one step per drag),
 * taps that place notes and text boxes, and palm rejection — fingers scroll by hand once a
 * stylus has been seen, because the layer keeps `touch-action: none` for the stylus's sake.
 */
export function usePageGestures(ctx: AnnotationContextValue, page: number, vp: Viewport) {
  const gesture = useRef<Gesture | null>(null);

  const finish = (cancelled: boolean) => {
    const g = gesture.current;
    gesture.current = null;
    if (!g) return;
    if (g.kind === 'stroke') {
      g.flush();
      ctx.history.end(g.token);
    } else if (g.kind === 'erase') {
      ctx.history.end(g.token);
    } else if (g.kind === 'tap' && !cancelled) {
      if (ctx.tool === 'note' || ctx.tool === 'textbox') ctx.edit({ mode: 'new', kind: ctx.tool, layer: ctx.activeLayer, page, at: g.at, vp });
    }
  };

  /** A second finger: the first one was starting a pinch, which belongs to the viewer. */
  const abortTouch = () => {
    const g = gesture.current;
    if (!g || g.pointerType !== 'touch') return;
    gesture.current = null;
    if (g.kind === 'stroke' || g.kind === 'erase') ctx.history.abort(g.token);
  };

  const eraseHere = (g: Extract<Gesture, { kind: 'erase' }>, at: Point, radius: number) => {
    for (const layer of g.layers) {
      const doc = ctx.docOf(layer);
      // On the shared layer, only one's own marks.
      if (doc) eraseAt(doc, page, at, radius, { origin: LOCAL_ORIGIN, ...(layer === 'shared' ? { authorId: ctx.me.id } : {}) });
    }
    g.last = at;
  };

  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (!isDrawingTool(ctx.tool) || (e.pointerType === 'mouse' && e.button !== 0)) return;
    if (e.pointerType === 'pen') ctx.pen.down();
    const action = pointerAction(e, ctx.pen.state, e.timeStamp);
    if (e.pointerType === 'touch' && gesture.current?.pointerType === 'touch' && gesture.current.pointerId !== e.pointerId) abortTouch();
    if (action === 'ignore' || gesture.current) return;
    const svg = e.currentTarget;
    const base = { pointerId: e.pointerId, pointerType: e.pointerType };
    if (action === 'scroll') {
      gesture.current = { ...base, kind: 'scroll', x: e.clientX, y: e.clientY, scroller: scrollableAncestor(svg) };
      svg.setPointerCapture(e.pointerId);
      return;
    }
    const box = boxOf(svg);
    const at = clientToPdf(e.clientX, e.clientY, box, vp);
    const layer = ctx.activeLayer;
    const doc = ctx.docOf(layer);
    switch (ctx.tool) {
      case 'pen':
      case 'highlighter': {
        if (!doc || !ctx.layers[layer].writable) return;
        const make = shapeFactory(ctx.me);
        const minDistance = cssToPdfLength(MIN_SAMPLE_PX, box, vp);
        const token = ctx.history.begin([layer]);
        if (ctx.tool === 'pen') {
          const first: InkPoint = [at[0], at[1], pressureOf(e)];
          const shape = make.ink(page, ctx.settings.pen.color, ctx.settings.pen.size, first);
          addShape(doc, shape, { origin: LOCAL_ORIGIN });
          const recorder = new StrokeRecorder<InkPoint>(doc, shape.id, first, minDistance);
          const push = (samples: readonly PointerEvent[], b: ScreenBox) =>
            recorder.add(samples.map((p): InkPoint => [...clientToPdf(p.clientX, p.clientY, b, vp), pressureOf(p)]));
          gesture.current = { ...base, kind: 'stroke', token, push, flush: () => recorder.flush() };
        } else {
          const shape = make.freehand(page, ctx.settings.highlighter.color, ctx.settings.highlighter.size, at);
          addShape(doc, shape, { origin: LOCAL_ORIGIN });
          const recorder = new StrokeRecorder<Point>(doc, shape.id, at, minDistance);
          const push = (samples: readonly PointerEvent[], b: ScreenBox) => recorder.add(samples.map((p) => clientToPdf(p.clientX, p.clientY, b, vp)));
          gesture.current = { ...base, kind: 'stroke', token, push, flush: () => recorder.flush() };
        }
        break;
      }
      case 'eraser': {
        const layers = (['private', 'shared'] as const).filter((l) => ctx.layers[l].writable);
        if (!layers.length) return;
        const g: Gesture = { ...base, kind: 'erase', token: ctx.history.begin(layers), layers, last: at };
        gesture.current = g;
        eraseHere(g, at, cssToPdfLength(ERASER_RADIUS_PX, box, vp));
        break;
      }
      case 'note':
      case 'textbox':
        if (!doc || !ctx.layers[layer].writable) return;
        gesture.current = { ...base, kind: 'tap', x: e.clientX, y: e.clientY, at };
        break;
      default:
        return;
    }
    // The gesture is ours: no text selection, no focus change, no emulated mouse events.
    e.preventDefault();
    svg.setPointerCapture(e.pointerId);
  };

  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    const g = gesture.current;
    if (!g || g.pointerId !== e.pointerId) return;
    switch (g.kind) {
      case 'stroke':
        g.push(samplesOf(e), boxOf(e.currentTarget));
        break;
      case 'erase': {
        const box = boxOf(e.currentTarget);
        const radius = cssToPdfLength(ERASER_RADIUS_PX, box, vp);
        const at = clientToPdf(e.clientX, e.clientY, box, vp);
        // Every few pixels is enough: each pass reads the page's marks.
        if (Math.hypot(at[0] - g.last[0], at[1] - g.last[1]) >= radius / 2) eraseHere(g, at, radius);
        break;
      }
      case 'tap':
        if (Math.hypot(e.clientX - g.x, e.clientY - g.y) > TAP_SLOP_PX) gesture.current = null;
        break;
      case 'scroll':
        g.scroller?.scrollBy(g.x - e.clientX, g.y - e.clientY);
        g.x = e.clientX;
        g.y = e.clientY;
        break;
    }
  };

  const onPointerEnd = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (e.pointerType === 'pen') ctx.pen.up(e.timeStamp);
    if (gesture.current?.pointerId === e.pointerId) finish(e.type !== 'pointerup');
  };

  return { onPointerDown, onPointerMove, onPointerUp: onPointerEnd, onPointerCancel: onPointerEnd, onLostPointerCapture: onPointerEnd };
}
