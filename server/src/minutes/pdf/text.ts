import type { Person } from './types.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * NFC, "\n" line ends, tabs as spaces, no other control or zero-width characters: a decomposed
 * "ệ" or a stray control code would draw as separate marks or a missing-glyph box.
 */
export function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF]/g, ''); // eslint-disable-line no-control-regex
}

/** Capitals the Vietnamese way (also turns "đ" into "Đ"). */
export function upper(text: string): string {
  return clean(text).toLocaleUpperCase('vi');
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function localParts(date: Date, timeZone: string): LocalParts {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    partsFormatters.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(date)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year ?? 0, month: out.month ?? 0, day: out.day ?? 0, hour: out.hour ?? 0, minute: out.minute ?? 0 };
}

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * "ngày 05 tháng 02 năm 2026": Nghị định 30/2020 writes a zero before days below 10 and
 * before months 1 and 2 only ("tháng 11", "tháng 3").
 */
export function vnDate(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const p = localParts(date, timeZone);
  const month = p.month <= 2 ? two(p.month) : String(p.month);
  return `ngày ${two(p.day)} tháng ${month} năm ${p.year}`;
}

/** "08 giờ 30 phút". */
export function vnTime(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const p = localParts(date, timeZone);
  return `${two(p.hour)} giờ ${two(p.minute)} phút`;
}

/** Whether two instants fall on the same calendar day in `timeZone`. */
export function sameDay(a: Date, b: Date, timeZone = DEFAULT_TIME_ZONE): boolean {
  const x = localParts(a, timeZone);
  const y = localParts(b, timeZone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}

/** "Bình Dương, ngày 23 tháng 11 năm 2026". */
export function placeAndDate(place: string, date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return `${clean(place).trim()}, ${vnDate(date, timeZone)}`;
}

/** `part` of `base` as a Vietnamese percentage with at most two decimals: "60%", "33,33%". */
export function percent(part: number, base: number): string {
  if (!(base > 0)) return '0%';
  const value = Math.round((part / base) * 10000) / 100;
  return `${value.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;
}

/** "Trần Thị Hường - Giám đốc, Sở Kế hoạch và Đầu tư". */
export function personLine(p: Person): string {
  const role = [p.title, p.unit].map((s) => clean(s ?? '').trim()).filter(Boolean).join(', ');
  const name = clean(p.name).trim();
  return role ? `${name} - ${role}` : name;
}

// The Vietnamese alphabet has no f, j, w, z and has đ: a), b), c), d), đ), e), g), ...
const VN_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

/** Letter of the i-th (0-based) lettered point, as Nghị định 30 numbers them. */
export function vnLetter(i: number): string {
  return VN_LETTERS[i] ?? `${VN_LETTERS[VN_LETTERS.length - 1] ?? 'y'}${i - VN_LETTERS.length + 2}`;
}

const ROMAN: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

/** Roman numeral of a section (1 → "I"). */
export function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** Paragraphs of a multi-line string, blank ones dropped. */
export function paragraphs(text: string): string[] {
  return clean(text)
    .split('\n')
    .map((p) => p.replace(/ +/g, ' ').trim())
    .filter(Boolean);
}

/** Ends a sentence with `mark` unless it already ends with punctuation. */
export function endWith(text: string, mark: string): string {
  const t = text.trimEnd();
  return /[.;:!?…]$/.test(t) || t.endsWith('./.') ? t : `${t}${mark}`;
}
