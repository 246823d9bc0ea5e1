import { rgb, type PDFDocument } from 'pdf-lib';
import type { FontStyle } from './fonts.ts';
import { A4, MARGINS, type Line, type Typesetter } from './typesetter.ts';
import { clean, placeAndDate, upper } from './text.ts';
import type { DocumentHeader } from './types.ts';

/*
 * The fixed parts of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): the
 * two-column heading, the title with its trích yếu, and the signature blocks.
 */

export const NATIONAL_HEADING = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

const HEADING_SIZE = 12;
const MOTTO_SIZE = 13;
const BODY_SIZE = 13;

interface Cell {
  text: string;
  style: FontStyle;
  size: number;
}

// Where the name of a body is broken when it does not fit: "ỦY BAN NHÂN DÂN / TỈNH BÌNH DƯƠNG".
const LOCALITY_WORDS = ['TỈNH', 'THÀNH PHỐ', 'HUYỆN', 'QUẬN', 'THỊ XÃ', 'XÃ', 'PHƯỜNG', 'THỊ TRẤN', 'ĐẶC KHU'];

/** Lines of one centred line of text, broken before a locality word when it must wrap. */
function nameLines(ts: Typesetter, text: string, cell: Cell, width: number): Line[] {
  const greedy = ts.layout([{ text, style: cell.style }], cell.size, width);
  if (greedy.length < 2) return greedy;
  const words = text.split(' ');
  for (let i = 1; i < words.length; i++) {
    const rest = words.slice(i).join(' ');
    if (!LOCALITY_WORDS.some((w) => rest.toLocaleUpperCase('vi') === w || rest.toLocaleUpperCase('vi').startsWith(`${w} `))) continue;
    const first = ts.layout([{ text: words.slice(0, i).join(' '), style: cell.style }], cell.size, width);
    const second = ts.layout([{ text: rest, style: cell.style }], cell.size, width);
    if (first.length === 1 && second.length === 1) return [...first, ...second];
  }
  return greedy;
}

/** Lines of a centred cell entry ("\n" forces a break, as in "ỦY BAN NHÂN DÂN\nTỈNH BÌNH DƯƠNG"). */
function cellLines(ts: Typesetter, cell: Cell, width: number): Line[] {
  return clean(cell.text)
    .split('\n')
    .map((t) => t.replace(/ +/g, ' ').trim())
    .filter(Boolean)
    .flatMap((t) => nameLines(ts, t, cell, width));
}

function widest(lines: readonly Line[]): number {
  return lines.reduce((w, l) => Math.max(w, l.width), 0);
}

/** Draws a centred cell entry from `top`; returns the y below it and its last line's width. */
function drawCell(ts: Typesetter, cell: Cell, x: number, width: number, top: number): { y: number; lines: Line[] } {
  const lines = cellLines(ts, cell, width);
  return { y: ts.drawLines(lines, x, top, width, cell.size, 'center'), lines };
}

/**
 * The heading of the first page: issuing body (left) and national heading with the motto
 * (right), then "Số: 12/BB-UBND" and the italic place and date on one line. Leaves the cursor
 * below it.
 */
export function drawHeader(ts: Typesetter, header: DocumentHeader, timeZone: string, draft: boolean): void {
  const nationalWidth = ts.measure(ts.fonts.bold, NATIONAL_HEADING, HEADING_SIZE);
  const rightWidth = Math.min(ts.width * 0.62, nationalWidth + 14);
  const leftWidth = ts.width - rightWidth;
  const leftX = ts.left - 6; // the issuer cell may reach a little into the left margin, as in the decree's template
  const rightX = ts.left + leftWidth;
  const top = ts.y;

  if (draft) drawDraftMark(ts);

  // Left: parent body (regular caps), issuing body (bold caps) with a short rule under it.
  let leftY = top;
  if (header.issuer.parentName?.trim()) {
    leftY = drawCell(ts, { text: upper(header.issuer.parentName), style: 'regular', size: HEADING_SIZE }, leftX, leftWidth + 6, leftY).y;
  }
  const issuer = drawCell(ts, { text: upper(header.issuer.name), style: 'bold', size: HEADING_SIZE }, leftX, leftWidth + 6, leftY);
  leftY = issuer.y;
  const issuerLine = issuer.lines[issuer.lines.length - 1]?.width ?? 0;
  const cx = leftX + (leftWidth + 6) / 2;
  ts.rule(cx - issuerLine * 0.2, cx + issuerLine * 0.2, leftY - 1.5);

  // Right: national heading (bold caps), motto (bold) underlined its full length.
  let rightY = drawCell(ts, { text: NATIONAL_HEADING, style: 'bold', size: HEADING_SIZE }, rightX, rightWidth, top).y;
  const motto = drawCell(ts, { text: MOTTO, style: 'bold', size: MOTTO_SIZE }, rightX, rightWidth, rightY);
  rightY = motto.y;
  const mottoWidth = widest(motto.lines);
  const rcx = rightX + rightWidth / 2;
  ts.rule(rcx - mottoWidth / 2, rcx + mottoWidth / 2, rightY - 1.5);

  // Number (left) and date (right) share a baseline below the taller column.
  const rowTop = Math.min(leftY, rightY) - 10;
  const number = header.number.trim() || '\u00a0'.repeat(6);
  const numberCell = { text: `Số: ${number}/${clean(header.code).trim()}`, style: 'regular' as const, size: BODY_SIZE };
  const dateCell = { text: placeAndDate(header.place, header.date, timeZone), style: 'italic' as const, size: BODY_SIZE };
  const a = drawCell(ts, numberCell, leftX, leftWidth + 6, rowTop).y;
  const b = drawCell(ts, dateCell, rightX, rightWidth, rowTop).y;
  ts.y = Math.min(a, b);
}

function drawDraftMark(ts: Typesetter): void {
  const size = 12;
  const text = 'DỰ THẢO';
  const w = ts.measure(ts.fonts.bold, text, size);
  const right = A4.width - MARGINS.right;
  const baseline = A4.height - MARGINS.top / 2 - size / 3;
  ts.centred(ts.page, text, 'bold', size, right - w / 2 - 6, baseline);
  ts.page.drawRectangle({ x: right - w - 12, y: baseline - 5, width: w + 12, height: size + 8, borderWidth: 0.8, borderColor: rgb(0, 0, 0) });
}

/** "BIÊN BẢN" / "THÔNG BÁO" and the trích yếu, centred, with a short rule under them. */
export function drawTitle(ts: Typesetter, title: string, subject: string): void {
  const size = 14;
  ts.space(22);
  ts.paragraph([{ text: title, style: 'bold' }], { size, align: 'center' });
  const lines = cellLines(ts, { text: subject, style: 'bold', size }, ts.width - 40);
  ts.ensure(lines.length * ts.lineHeight(size));
  ts.y = ts.drawLines(lines, ts.left + 20, ts.y, ts.width - 40, size, 'center');
  const cx = ts.left + ts.width / 2;
  const len = Math.max(widest(lines) / 3, 60);
  ts.rule(cx - len / 2, cx + len / 2, ts.y - 2);
  ts.y -= 18;
}

export interface SignatureColumn {
  /** Bold capital lines above the signature, e.g. ["THƯ KÝ"] or ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. */
  capacity: string[];
  name: string;
}

/** Room left for a handwritten signature or a signature image between the capacity and the name. */
const SIGNATURE_GAP = 62;

function columnLines(ts: Typesetter, col: SignatureColumn, width: number) {
  const capacity = col.capacity.flatMap((c) => cellLines(ts, { text: upper(c), style: 'bold', size: BODY_SIZE }, width));
  const name = cellLines(ts, { text: col.name, style: 'bold', size: BODY_SIZE }, width);
  const height = (capacity.length + name.length) * ts.lineHeight(BODY_SIZE) + SIGNATURE_GAP;
  return { capacity, name, height };
}

function drawColumn(ts: Typesetter, lines: ReturnType<typeof columnLines>, x: number, width: number, top: number): void {
  const y = ts.drawLines(lines.capacity, x, top, width, BODY_SIZE, 'center');
  ts.drawLines(lines.name, x, y - SIGNATURE_GAP, width, BODY_SIZE, 'center');
}

/** Two signature columns side by side (minutes: secretary left, chair right), kept on one page. */
export function drawTwoSignatures(ts: Typesetter, left: SignatureColumn, right: SignatureColumn): void {
  const half = ts.width / 2;
  const l = columnLines(ts, left, half - 10);
  const r = columnLines(ts, right, half - 10);
  ts.space(14);
  ts.ensure(Math.max(l.height, r.height));
  const top = ts.y;
  drawColumn(ts, l, ts.left, half - 10, top);
  drawColumn(ts, r, ts.left + half + 10, half - 10, top);
  ts.y = top - Math.max(l.height, r.height);
}

/** "Nơi nhận:" list bottom-left and the signer bottom-right (notices), kept on one page. */
export function drawRecipientsAndSigner(ts: Typesetter, recipients: readonly string[], signer: SignatureColumn): void {
  const leftWidth = ts.width * 0.45;
  const rightWidth = ts.width - leftWidth;
  const listSize = 11;
  const entries = recipients.map((r) => clean(r).trim().replace(/^-\s*/, '').replace(/[;.,]+$/, '')).filter(Boolean);
  const listLines = [
    ...ts.layout([{ text: 'Nơi nhận:', style: 'boldItalic' }], 12, leftWidth),
    ...entries.flatMap((e, i) => ts.layout([{ text: `- ${e}${i === entries.length - 1 ? '.' : ';'}` }], listSize, leftWidth)),
  ];
  const listHeight = ts.lineHeight(12) + (listLines.length - 1) * ts.lineHeight(listSize);
  const sig = columnLines(ts, signer, rightWidth - 10);
  ts.space(14);
  ts.ensure(Math.max(listHeight, sig.height));
  const top = ts.y;
  const [heading, ...rest] = listLines;
  let y = heading ? ts.drawLines([heading], ts.left, top, leftWidth, 12, 'left') : top;
  y = ts.drawLines(rest, ts.left, y, leftWidth, listSize, 'left');
  drawColumn(ts, sig, ts.left + leftWidth + 10, rightWidth - 10, top);
  ts.y = Math.min(y, top - sig.height);
}

/** Document properties; the title is what a PDF viewer shows in its title bar. */
export function setInfo(doc: PDFDocument, title: string, author: string): void {
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(author);
  doc.setCreator('E-Cabinet');
  doc.setProducer('E-Cabinet');
  doc.setLanguage('vi-VN');
}
