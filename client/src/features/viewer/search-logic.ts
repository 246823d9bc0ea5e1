/**
 * Text search that ignores case and Vietnamese diacritics ("nghi quyet" finds "Nghị quyết",
 * "de an" finds "ĐỀ ÁN"), and maps every hit back to the pdf.js text items it spans so the
 * text layer can highlight exactly those characters.
 */

export interface FoldedText {
  /** Lower case, without combining marks, đ → d, every run of white space one space. */
  text: string;
  /** For each character of `text`: where its source starts and ends in the original string. */
  starts: number[];
  ends: number[];
}

const MARKS = /\p{M}/gu;
const SPACE = /\s/u;

function foldChar(ch: string): string {
  // NFKD splits letters from their marks (and ligatures like "ﬁ" into "fi").
  return ch.normalize('NFKD').toLowerCase().replace(MARKS, '').replace(/đ/g, 'd');
}

/** Folds `source` for matching, keeping the way back to its characters. */
export function foldText(source: string): FoldedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (const ch of source) {
    const end = i + ch.length;
    if (SPACE.test(ch)) {
      if (text.length > 0 && !text.endsWith(' ')) {
        text += ' ';
        starts.push(i);
        ends.push(end);
      }
    } else {
      const folded = foldChar(ch);
      if (folded === '') {
        // A combining mark of an already decomposed letter belongs to that letter.
        if (ends.length > 0 && !text.endsWith(' ')) ends[ends.length - 1] = end;
      } else {
        // Per UTF-16 unit, so that indices into `text` index these arrays too.
        for (let k = 0; k < folded.length; k++) {
          starts.push(i);
          ends.push(end);
        }
        text += folded;
      }
    }
    i = end;
  }
  return { text, starts, ends };
}

/** The query as it is matched: folded and trimmed; '' matches nothing. */
export function foldQuery(query: string): string {
  return foldText(query).text.trim();
}

/** Start offsets of the non-overlapping occurrences of `needle` in `haystack`. */
export function findAll(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

/** The text of one page as pdf.js gives it: items in reading order, some ending a line. */
export interface TextPiece {
  str: string;
  hasEOL: boolean;
}

/** Characters `from…to` (end exclusive) of text item `item` (its index among the page's items). */
export interface ItemRange {
  item: number;
  from: number;
  to: number;
}

export interface PageText {
  folded: FoldedText;
  /** Offset of each item in the joined page text. */
  itemStarts: number[];
  itemLengths: number[];
}

/** Joins a page's items (a line break after those that end a line) and folds the result once. */
export function pageText(items: readonly TextPiece[]): PageText {
  let joined = '';
  const itemStarts: number[] = [];
  const itemLengths: number[] = [];
  for (const item of items) {
    itemStarts.push(joined.length);
    itemLengths.push(item.str.length);
    joined += item.str;
    if (item.hasEOL) joined += '\n';
  }
  return { folded: foldText(joined), itemStarts, itemLengths };
}

/** Every hit of the folded `query` on a page, each as the item ranges it covers. */
export function findInPage(page: PageText, query: string): ItemRange[][] {
  const { folded, itemStarts, itemLengths } = page;
  return findAll(folded.text, query).map((at) => {
    const start = folded.starts[at]!;
    const end = folded.ends[at + query.length - 1]!;
    const ranges: ItemRange[] = [];
    for (let item = 0; item < itemStarts.length; item++) {
      const itemStart = itemStarts[item]!;
      const from = Math.max(start, itemStart);
      const to = Math.min(end, itemStart + itemLengths[item]!);
      if (to > from) ranges.push({ item, from: from - itemStart, to: to - itemStart });
    }
    return ranges;
  });
}

/** One hit in the document. */
export interface SearchHit {
  page: number;
  /** Its index among the hits of its page. */
  index: number;
  ranges: ItemRange[];
}

/** The next (or previous) hit after `current`, wrapping around; -1 with no hits. */
export function stepHit(current: number, count: number, direction: 1 | -1): number {
  if (count <= 0) return -1;
  if (current < 0) return direction > 0 ? 0 : count - 1;
  return (current + direction + count) % count;
}

/** The first hit on or after `page` — where a new search starts, so it does not jump away. */
export function firstHitFrom(hits: readonly SearchHit[], page: number): number {
  if (hits.length === 0) return -1;
  const i = hits.findIndex((h) => h.page >= page);
  return i === -1 ? 0 : i;
}
