import type { Locale } from '@e-cabinet/protocol';
import { DISPLAY_TIME_ZONE } from '../audit/format-time';

/** Vietnam has used UTC+7 all year since 1975: no daylight saving to account for. */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const INPUT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An instant as the value of `<input type="datetime-local">` in Vietnam time
 * (`2026-08-01T08:00`), whatever zone the device is set to. Empty for a non-date.
 */
export function toVnInputValue(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms + VN_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A `datetime-local` value read as Vietnam wall time, as an ISO instant; null if incomplete or invalid. */
export function fromVnInputValue(value: string): string | null {
  const m = INPUT_PATTERN.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hour, minute) - VN_OFFSET_MS;
  // Date.UTC rolls 31/02 over into March: refuse dates that do not exist.
  if (toVnInputValue(new Date(ms).toISOString()) !== value) return null;
  return new Date(ms).toISOString();
}

/** Whole minutes between start and end (0 when the end is not after the start). */
export function meetingMinutes(startsAt: string, endsAt: string): number {
  const diff = Date.parse(endsAt) - Date.parse(startsAt);
  return Number.isFinite(diff) && diff > 0 ? Math.round(diff / 60_000) : 0;
}

const parts = new Map<Locale, Intl.DateTimeFormat>();
function partsFormatter(locale: Locale): Intl.DateTimeFormat {
  let f = parts.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone: DISPLAY_TIME_ZONE,
      weekday: 'long',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    parts.set(locale, f);
  }
  return f;
}

interface VnParts {
  weekday: string;
  date: string;
  time: string;
}

function vnParts(iso: string, locale: Locale): VnParts | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const p: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of partsFormatter(locale).formatToParts(ms)) p[part.type] = part.value;
  return { weekday: p.weekday ?? '', date: `${p.day}/${p.month}/${p.year}`, time: `${p.hour}:${p.minute}` };
}

/**
 * When a meeting takes place, in Vietnam time: `Thứ Bảy, 01/08/2026, 08:00 – 11:00`, or both
 * dates when it runs past midnight.
 */
export function formatMeetingTime(startsAt: string, endsAt: string, locale: Locale): string {
  const start = vnParts(startsAt, locale);
  const end = vnParts(endsAt, locale);
  if (!start || !end) return `${startsAt} – ${endsAt}`;
  if (start.date === end.date) return `${start.weekday}, ${start.date}, ${start.time} – ${end.time}`;
  return `${start.weekday}, ${start.date}, ${start.time} – ${end.weekday}, ${end.date}, ${end.time}`;
}

/** A single instant as `01/08/2026 08:00` in Vietnam time. */
export function formatShortDateTime(iso: string, locale: Locale): string {
  const p = vnParts(iso, locale);
  return p ? `${p.date} ${p.time}` : iso;
}
