import { useEffect, useEffectEvent, type RefObject } from 'react';

export interface ViewerGestures {
  /** Two fingers went down. */
  onPinchStart: () => void;
  /** They moved: `ratio` of their distance now to at the start; the centre where they started (client coordinates). */
  onPinch: (ratio: number, centreX: number, centreY: number) => void;
  onPinchEnd: (ratio: number, centreX: number, centreY: number) => void;
  /** One finger went down and up again without a pinch: how far it travelled and how fast. */
  onSwipe: (dx: number, dy: number, ms: number) => void;
  /** Ctrl/⌘ + wheel, or a trackpad pinch (which browsers report so), in pixels of wheel travel. */
  onZoomWheel: (deltaY: number, clientX: number, clientY: number) => void;
}

const distance = (a: Touch, b: Touch) => Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY);

/**
 * Touch and wheel gestures on the page area. Touch events rather than pointer events: a
 * pointer stream is cancelled as soon as the browser starts panning, while `preventDefault`
 * on a two-finger touch keeps the pinch ours; one finger is left to the browser (scrolling)
 * or to the annotation overlay (drawing), which see their pointer events unchanged.
 */
export function useViewerGestures(ref: RefObject<HTMLElement | null>, handlers: ViewerGestures): void {
  const onPinchStart = useEffectEvent(handlers.onPinchStart);
  const onPinch = useEffectEvent(handlers.onPinch);
  const onPinchEnd = useEffectEvent(handlers.onPinchEnd);
  const onSwipe = useEffectEvent(handlers.onSwipe);
  const onZoomWheel = useEffectEvent(handlers.onZoomWheel);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let pinch: { distance: number; x: number; y: number; ratio: number } | null = null;
    let swipe: { x: number; y: number; time: number } | null = null;

    const start = (e: TouchEvent) => {
      const [a, b] = [e.touches[0], e.touches[1]];
      if (e.touches.length === 2 && a && b) {
        e.preventDefault();
        swipe = null;
        pinch = { distance: distance(a, b), x: (a.clientX + b.clientX) / 2, y: (a.clientY + b.clientY) / 2, ratio: 1 };
        onPinchStart();
      } else if (e.touches.length === 1 && a && !pinch) {
        swipe = { x: a.clientX, y: a.clientY, time: e.timeStamp };
      } else {
        swipe = null;
      }
    };
    const move = (e: TouchEvent) => {
      const [a, b] = [e.touches[0], e.touches[1]];
      if (!pinch || !a || !b) return;
      e.preventDefault();
      pinch.ratio = distance(a, b) / (pinch.distance || 1);
      onPinch(pinch.ratio, pinch.x, pinch.y);
    };
    const end = (e: TouchEvent) => {
      if (pinch && e.touches.length < 2) {
        const { ratio, x, y } = pinch;
        pinch = null;
        onPinchEnd(ratio, x, y);
        return;
      }
      const lifted = e.changedTouches[0];
      if (swipe && e.touches.length === 0 && lifted && e.type === 'touchend') {
        onSwipe(lifted.clientX - swipe.x, lifted.clientY - swipe.y, e.timeStamp - swipe.time);
      }
      swipe = null;
    };
    const wheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const unit = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : e.deltaMode === WheelEvent.DOM_DELTA_PAGE ? 400 : 1;
      onZoomWheel(e.deltaY * unit, e.clientX, e.clientY);
    };

    // Not passive: preventDefault must be able to stop the browser's own pinch and Ctrl+wheel zoom.
    el.addEventListener('touchstart', start, { passive: false });
    el.addEventListener('touchmove', move, { passive: false });
    el.addEventListener('touchend', end);
    el.addEventListener('touchcancel', end);
    el.addEventListener('wheel', wheel, { passive: false });
    return () => {
      el.removeEventListener('touchstart', start);
      el.removeEventListener('touchmove', move);
      el.removeEventListener('touchend', end);
      el.removeEventListener('touchcancel', end);
      el.removeEventListener('wheel', wheel);
    };
  }, [ref]);
}
