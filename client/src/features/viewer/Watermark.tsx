import { useEffect, useState } from 'react';
import { useLocale } from '../../i18n';
import { formatShortDateTime } from '../meetings/meeting-time';

const COPIES = 24;

/**
 * The reader's name and the current time across the page of a confidential document, so a
 * photo of the screen names who took it. Decorative for assistive technology (the page says
 * in words that the document is confidential).
 */
export function Watermark({ name }: { name: string }) {
  const locale = useLocale();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const text = `${name} · ${formatShortDateTime(new Date(now).toISOString(), locale)}`;
  return (
    <div className="watermark" aria-hidden="true" data-watermark={text}>
      <div className="watermark-inner">
        {Array.from({ length: COPIES }, (_, i) => (
          <span key={i}>{text}</span>
        ))}
      </div>
    </div>
  );
}
