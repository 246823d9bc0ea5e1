import { PDFDocument } from 'pdf-lib';
import { drawHeader, drawTitle, drawTwoSignatures, setInfo } from './blocks.ts';
import { embedFonts } from './fonts.ts';
import { DEFAULT_TIME_ZONE, clean, endWith, paragraphs, percent, personLine, roman, sameDay, vnDate, vnLetter, vnTime } from './text.ts';
import { MM, Typesetter, type ParagraphStyle, type Run } from './typesetter.ts';
import type { MinutesData, MinutesItem, PollResult, RenderOptions } from './types.ts';

const SIZE = 13;
const BODY: ParagraphStyle = { size: SIZE, firstIndent: 10 * MM, spaceAfter: 4 };
const HEADING: ParagraphStyle = { size: SIZE, firstIndent: 10 * MM, spaceBefore: 6, spaceAfter: 4, keepWithNext: true, align: 'left' };
const LIST: ParagraphStyle = { size: SIZE, firstIndent: 10 * MM, spaceAfter: 2 };

/** "Tán thành: 12 (60%), Không tán thành: 3 (15%), Không biểu quyết: 5 (25%)". */
export function pollCounts(p: PollResult): string {
  const base = p.base ?? p.inFavour + p.against + p.notVoting;
  return [
    `Tán thành: ${p.inFavour} (${percent(p.inFavour, base)})`,
    `Không tán thành: ${p.against} (${percent(p.against, base)})`,
    `Không biểu quyết: ${p.notVoting} (${percent(p.notVoting, base)})`,
  ].join(', ');
}

export function pollOutcome(p: PollResult): string {
  return p.passed ? 'Thông qua' : 'Không thông qua';
}

function people(ts: Typesetter, list: readonly string[]): void {
  list.forEach((line, i) => ts.paragraph(`- ${line.replace(/[;.]+$/, '')}${i === list.length - 1 ? '.' : ';'}`, LIST));
}

function attendance(ts: Typesetter, data: MinutesData): void {
  const { present, absent, proxies, guests = [] } = data.attendance;
  const members = present.length + absent.length;
  const parts: [string, () => void][] = [
    [`Có mặt ${present.length}/${members} thành viên`, () => people(ts, present.map(personLine))],
  ];
  if (absent.length) {
    parts.push([
      `Vắng mặt ${absent.length} thành viên`,
      () =>
        people(
          ts,
          absent.map((a) => {
            const why = clean(a.reason ?? '').trim();
            return `${personLine(a)}: vắng ${a.excused ? 'có lý do' : 'không có lý do'}${why ? ` (${why})` : ''}`;
          }),
        ),
    ]);
  }
  if (proxies.length) {
    parts.push([
      'Ủy quyền',
      () =>
        people(
          ts,
          proxies.map((p) => {
            const note = clean(p.note ?? '').trim();
            return `${personLine(p.from)} ủy quyền cho ${personLine(p.to)}${note ? ` (${note})` : ''}`;
          }),
        ),
    ]);
  }
  if (guests.length) parts.push([`Khách mời ${guests.length} người`, () => people(ts, guests.map(personLine))]);
  parts.forEach(([label, body], i) => {
    ts.paragraph(`${vnLetter(i)}) ${label}:`, { ...LIST, keepWithNext: true });
    body();
  });
}

function item(ts: Typesetter, it: MinutesItem, n: number): void {
  ts.paragraph([{ text: `${n}. ${clean(it.title).trim()}`, style: 'bold' }], HEADING);
  const parts: [string, () => void][] = [];
  if (it.presenter?.trim()) parts.push([`Trình bày: ${endWith(clean(it.presenter).trim(), '.')}`, () => {}]);
  if (it.opinions.length) {
    parts.push([
      'Ý kiến phát biểu:',
      () => {
        for (const o of it.opinions) {
          const [first = '', ...more] = paragraphs(o.text);
          ts.paragraph([{ text: `- ${personLine(o.speaker)}:`, style: 'italic' }, { text: ` ${first}` }], BODY);
          for (const p of more) ts.paragraph(p, BODY);
        }
      },
    ]);
  }
  if (it.polls.length) {
    parts.push([
      'Kết quả biểu quyết:',
      () => {
        it.polls.forEach((p, i) => {
          const label = it.polls.length > 1 ? `- Biểu quyết ${i + 1}: ` : '- Nội dung biểu quyết: ';
          ts.paragraph([{ text: label }, { text: endWith(clean(p.question).trim(), '.') }], BODY);
          ts.paragraph(`${pollCounts(p)}.`, BODY);
          const reason = clean(p.outcomeReason).trim();
          ts.paragraph([{ text: 'Kết quả: ' }, { text: `${pollOutcome(p)}.`, style: 'bold' }, { text: reason ? ` ${endWith(reason, '.')}` : '' }], BODY);
        });
      },
    ]);
  }
  const conclusion = paragraphs(it.conclusion);
  if (conclusion.length) {
    parts.push([
      'Kết luận của chủ tọa:',
      () => {
        for (const p of conclusion) ts.paragraph(p, BODY);
      },
    ]);
  }
  parts.forEach(([label, body], i) => {
    ts.paragraph([{ text: `${vnLetter(i)}) ${label}`, style: 'italic' }], { ...BODY, keepWithNext: label.endsWith(':') });
    body();
  });
}

/**
 * Biên bản cuộc họp (meeting minutes) in the layout of Nghị định 30/2020/NĐ-CP: A4, the
 * heading, "BIÊN BẢN" with the meeting's title, time, place, chair, secretary, attendance,
 * each agenda item with its presenter, opinions, vote results and conclusion, the closing line
 * and the two signature columns; "Trang i/n" on every page. Text is NFC-normalised and the fonts
 * are embedded (subset). CPU-bound (a few ms a page): run it off the request path.
 */
export async function renderMinutesPdf(data: MinutesData, options: RenderOptions = {}): Promise<Uint8Array> {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  const ts = new Typesetter(doc, fonts);
  const title = clean(data.meeting.title).trim();
  setInfo(doc, `Biên bản - ${title}`, clean(data.header.issuer.name).trim());

  drawHeader(ts, data.header, tz, options.draft ?? false);
  drawTitle(ts, 'BIÊN BẢN', title);

  const { meeting } = data;
  ts.paragraph([{ text: `${roman(1)}. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN`, style: 'bold' }], HEADING);
  const fields: Run[][] = [
    [{ text: 'Thời gian: ', style: 'bold' }, { text: `bắt đầu lúc ${vnTime(meeting.startedAt, tz)}, ${vnDate(meeting.startedAt, tz)}.` }],
    [{ text: 'Địa điểm: ', style: 'bold' }, { text: endWith(clean(meeting.location).trim(), '.') }],
    [{ text: 'Chủ trì (chủ tọa): ', style: 'bold' }, { text: `${personLine(data.chair)}.` }],
    [{ text: 'Thư ký (người ghi biên bản): ', style: 'bold' }, { text: `${personLine(data.secretary)}.` }],
  ];
  fields.forEach((runs, i) => ts.paragraph([{ text: `${i + 1}. `, style: 'bold' }, ...runs], BODY));
  ts.paragraph([{ text: `${fields.length + 1}. Thành phần tham dự:`, style: 'bold' }], { ...BODY, keepWithNext: true });
  attendance(ts, data);

  ts.paragraph([{ text: `${roman(2)}. NỘI DUNG CUỘC HỌP`, style: 'bold' }], HEADING);
  data.items.forEach((it, i) => item(ts, it, i + 1));

  const end = sameDay(meeting.startedAt, meeting.endedAt, tz) ? `${vnTime(meeting.endedAt, tz)} cùng ngày` : `${vnTime(meeting.endedAt, tz)}, ${vnDate(meeting.endedAt, tz)}`;
  const closing = clean(data.closingNote ?? '').trim();
  ts.paragraph(`Cuộc họp kết thúc vào lúc ${end}${closing ? '.' : './.'}`, { ...BODY, spaceBefore: 6 });
  if (closing) ts.paragraph(closing.endsWith('./.') ? closing : `${closing.replace(/\.$/, '')}./.`, BODY);

  drawTwoSignatures(
    ts,
    { capacity: [data.signatureLabels?.secretary ?? 'THƯ KÝ'], name: data.secretary.name },
    { capacity: [data.signatureLabels?.chair ?? 'CHỦ TỌA'], name: data.chair.name },
  );
  ts.numberPages();
  return doc.save();
}
