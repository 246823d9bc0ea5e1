import { useMemo, useSyncExternalStore } from 'react';
import { useLocale } from '../../i18n';
import { formatShortDateTime } from '../meetings/meeting-time';
import { watermarkLines, watermarkTile } from './watermark-tile';

// One clock for every watermarked page, ticking only while one is shown.
const TICK_MS = 30_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribeClock(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const getNow = () => now;

/**
 * The reader's name, unit and the current time tiled across a page of a confidential
 * document, so a photo of the screen names who took it. It is one background layer above
 * the text layer and the annotation overlay, and lets every pointer through. Decorative for
 * assistive technology (the page says in words that the document is confidential).
 */
export function Watermark({ name, unit }: { name: string; unit: string | null }) {
  const locale = useLocale();
  const time = useSyncExternalStore(subscribeClock, getNow, getNow);
  const when = formatShortDateTime(new Date(time).toISOString(), locale);
  const tile = useMemo(() => {
    const lines = watermarkLines(name, unit, when);
    return { text: lines.join(' · '), ...watermarkTile(lines) };
  }, [name, unit, when]);
  return (
    <div
      className="watermark"
      aria-hidden="true"
      data-watermark={tile.text}
      style={{ backgroundImage: tile.css, backgroundSize: `${tile.width}px ${tile.height}px` }}
    />
  );
}
