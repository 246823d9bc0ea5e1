import type { Locale } from '@e-cabinet/protocol';

/** Government meetings run on Vietnam time whatever the device's clock says. */
export const DISPLAY_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const formatters = new Map<Locale, Intl.DateTimeFormat>();

function formatterFor(locale: Locale): Intl.DateTimeFormat {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone: DISPLAY_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(locale, formatter);
  }
  return formatter;
}

/** An ISO timestamp as date and time in Asia/Ho_Chi_Minh; the input unchanged if it is not a date. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatterFor(locale).format(date);
}
