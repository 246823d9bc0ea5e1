import { PDFDocument } from 'pdf-lib';
import { drawHeader, drawRecipientsAndSigner, drawTitle, setInfo } from './blocks.ts';
import { embedFonts } from './fonts.ts';
import { DEFAULT_TIME_ZONE, clean, endWith, paragraphs, vnDate } from './text.ts';
import { MM, Typesetter, type ParagraphStyle } from './typesetter.ts';
import type { NoticeData, RenderOptions } from './types.ts';

const SIZE = 13;
const BODY: ParagraphStyle = { size: SIZE, firstIndent: 10 * MM, spaceAfter: 4 };

/** "Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Văn Dũng", the usual way a chair is named in a notice. */
function chairLine(chair: NoticeData['meeting']['chair']): string {
  return [chair.title, chair.unit, chair.name].map((s) => clean(s ?? '').trim()).filter(Boolean).join(' ');
}

/** The opening paragraph when the caller gives none. */
export function defaultIntroduction(data: NoticeData, timeZone = DEFAULT_TIME_ZONE): string {
  const m = data.meeting;
  const date = vnDate(m.startedAt, timeZone);
  const what = clean(m.title).trim();
  const chair = chairLine(m.chair);
  const lines = [`${date.charAt(0).toLocaleUpperCase('vi')}${date.slice(1)}, tại ${clean(m.location).trim()}, ${chair} chủ trì ${what.charAt(0).toLocaleLowerCase('vi')}${what.slice(1)}.`];
  const who = clean(m.attendeesSummary ?? '').trim();
  if (who) lines.push(`Tham dự cuộc họp có ${endWith(who, '.')}`);
  lines.push(`Sau khi nghe báo cáo và ý kiến của các đại biểu dự họp, ${chair} kết luận như sau:`);
  return lines.join(' ');
}

/**
 * Thông báo kết luận (notice of the chair's conclusions) in the layout of Nghị định
 * 30/2020/NĐ-CP: the heading, "THÔNG BÁO" with its trích yếu, the introduction, the numbered
 * conclusions, the closing paragraph, then "Nơi nhận:" bottom-left and the signer bottom-right;
 * "Trang i/n" on every page. CPU-bound: run it off the request path.
 */
export async function renderConclusionNoticePdf(data: NoticeData, options: RenderOptions = {}): Promise<Uint8Array> {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  const ts = new Typesetter(doc, fonts);
  const subject = clean(data.subject).trim();
  setInfo(doc, `Thông báo - ${subject}`, clean(data.header.issuer.name).trim());

  drawHeader(ts, data.header, tz, options.draft ?? false);
  drawTitle(ts, 'THÔNG BÁO', subject);

  ts.paragraph(data.introduction?.trim() ? data.introduction : defaultIntroduction(data, tz), BODY);
  data.items.forEach((it, i) => {
    ts.paragraph([{ text: `${i + 1}. ${clean(it.title).trim()}`, style: 'bold' }], { ...BODY, spaceBefore: 4, keepWithNext: true, align: 'left' });
    for (const p of paragraphs(it.conclusion)) ts.paragraph(p, BODY);
  });
  const closing = clean(data.closing).trim();
  if (closing) ts.paragraph(closing.endsWith('./.') ? closing : `${closing.replace(/\.$/, '')}./.`, { ...BODY, spaceBefore: 4 });

  drawRecipientsAndSigner(ts, data.recipients, { capacity: data.signer.capacity, name: data.signer.name });
  ts.numberPages();
  return doc.save();
}
