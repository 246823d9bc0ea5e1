import type { Locale } from '@e-cabinet/protocol';
import { DISPLAY_TIME_ZONE } from '../audit/format-time';

const formatters = new Map<Locale, Intl.DateTimeFormat>();

/** `HH:MM` in Vietnam time, for check-in and leaving times; empty for null or a non-date. */
export function formatTime(iso: string | null, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: DISPLAY_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(locale, f);
  }
  return f.format(date);
}
