import { describe, expect, it } from 'vitest';
import { MOTTO, NATIONAL_HEADING, renderMinutesPdf, type MinutesData } from './index.ts';
import { flatText, pdfFonts, pdfPages, pdfWords } from './poppler.ts';
import { sampleMinutes } from './sample-data.ts';
import { MARGINS } from './typesetter.ts';

const both = async (data: MinutesData, draft = false) => {
  const pdf = await renderMinutesPdf(data, { draft });
  return { pdf, layout: pdfPages(pdf, { layout: true }), raw: pdfPages(pdf, { layout: false }) };
};

describe('renderMinutesPdf', () => {
  it('writes every part of the minutes in exact Vietnamese, with and without -layout', async () => {
    const data = sampleMinutes();
    const { layout, raw } = await both(data);
    const expected = [
      NATIONAL_HEADING,
      MOTTO,
      'ỦY BAN NHÂN DÂN',
      'TỈNH BÌNH DƯƠNG',
      'SỞ KẾ HOẠCH VÀ ĐẦU TƯ',
      'Số: 12/BB-SKHĐT',
      'Bình Dương, ngày 23 tháng 11 năm 2026',
      'BIÊN BẢN',
      'Cuộc họp giao ban công tác tháng 11 năm 2026',
      'Thời gian: bắt đầu lúc 08 giờ 00 phút, ngày 23 tháng 11 năm 2026.',
      'Địa điểm: Phòng họp số 2, trụ sở Sở Kế hoạch và Đầu tư.',
      'Chủ trì (chủ tọa): Nguyễn Văn Dũng - Giám đốc, Sở Kế hoạch và Đầu tư.',
      'Thư ký (người ghi biên bản): Trần Thị Hường - Chuyên viên, Văn phòng Sở.',
      'a) Có mặt 5/7 thành viên:',
      '- Nguyễn Văn Dũng - Giám đốc, Sở Kế hoạch và Đầu tư;',
      '- Lê Thị Thu Hằng - Phó Giám đốc, Sở Kế hoạch và Đầu tư;',
      '- Phạm Quốc Việt - Trưởng phòng, Phòng Tổng hợp, Quy hoạch;',
      '- Trần Thị Hường - Chuyên viên, Văn phòng Sở;',
      '- Đặng Minh Khôi - Trưởng phòng, Phòng Đăng ký kinh doanh.',
      'b) Vắng mặt 2 thành viên:',
      '- Võ Thị Ngọc Ánh - Phó Giám đốc, Sở Kế hoạch và Đầu tư: vắng có lý do (đi công tác tại Hà Nội);',
      '- Hoàng Đức Thắng - Chánh Thanh tra, Thanh tra Sở: vắng không có lý do.',
      'c) Ủy quyền:',
      '- Võ Thị Ngọc Ánh - Phó Giám đốc ủy quyền cho Lê Thị Thu Hằng - Phó Giám đốc (biểu quyết nội dung 1).',
      'd) Khách mời 1 người:',
      '- Bùi Thị Yến - Phó Chánh Văn phòng, Văn phòng Ủy ban nhân dân tỉnh.',
      '1. Dự thảo Kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030',
      'a) Trình bày: Ông Phạm Quốc Việt, Trưởng phòng Tổng hợp, Quy hoạch.',
      '- Lê Thị Thu Hằng - Phó Giám đốc: Đề nghị rà soát lại danh mục dự án chuyển tiếp',
      'Bổ sung phương án huy động nguồn lực xã hội hóa.',
      '- Nội dung biểu quyết: Thông qua dự thảo Kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030.',
      'Tán thành: 12 (60%), Không tán thành: 3 (15%), Không biểu quyết: 5 (25%).',
      'Kết quả: Thông qua. Số thành viên tán thành đạt trên 50% tổng số thành viên.',
      'd) Kết luận của chủ tọa:',
      'Giao Phòng Tổng hợp, Quy hoạch tiếp thu ý kiến, hoàn chỉnh dự thảo, trình Ủy ban nhân dân tỉnh trước ngày 05 tháng 12 năm 2026.',
      'Các phòng chuyên môn phối hợp cung cấp số liệu đúng thời hạn.',
      '2. Tình hình cải cách thủ tục hành chính',
      'Tán thành: 6 (30%), Không tán thành: 9 (45%), Không biểu quyết: 5 (25%).',
      'Kết quả: Không thông qua. Số thành viên tán thành chưa đạt trên 50% tổng số thành viên.',
      'Văn phòng Sở nghiên cứu, đề xuất lại phương án điều chỉnh quy trình tại cuộc họp tháng 12.',
      'Cuộc họp kết thúc vào lúc 11 giờ 30 phút cùng ngày./.',
      'THƯ KÝ',
      'CHỦ TỌA',
    ];
    for (const pages of [layout, raw]) {
      const text = flatText(pages);
      for (const s of expected) expect(text, s).toContain(s);
      expect(text).not.toContain('\ufffd');
      expect(text).not.toContain('DỰ THẢO');
    }
    // The signature block: both names on the last page, on one line below "THƯ KÝ ... CHỦ TỌA".
    const last = layout[layout.length - 1] ?? '';
    expect(last).toMatch(/THƯ KÝ\s+CHỦ TỌA/);
    expect(last).toMatch(/Trần Thị Hường\s+Nguyễn Văn Dũng/);
    // The heading's two columns side by side, as on the paper form.
    expect(layout[0]).toMatch(/ỦY BAN NHÂN DÂN\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(layout[0]).toMatch(/Số: 12\/BB-SKHĐT\s+Bình Dương, ngày 23 tháng 11 năm 2026/);
  });

  it('normalises decomposed (NFD) input to the precomposed letters a reader searches for', async () => {
    const data = sampleMinutes();
    data.chair = { ...data.chair, name: 'Nguyễn Văn Dũng'.normalize('NFD') };
    data.items[0]!.conclusion = 'Giao Sở Tài chính thẩm định nguồn vốn.'.normalize('NFD');
    const text = flatText(pdfPages(await renderMinutesPdf(data), { layout: false }));
    expect(text).toContain('Chủ trì (chủ tọa): Nguyễn Văn Dũng - Giám đốc');
    expect(text).toContain('Giao Sở Tài chính thẩm định nguồn vốn.');
    expect(text).toBe(text.normalize('NFC'));
  });

  it('leaves room for the number while the minutes are unnumbered, and marks a draft', async () => {
    const data = sampleMinutes();
    data.header.number = '';
    const pdf = await renderMinutesPdf(data, { draft: true });
    const [first = ''] = pdfPages(pdf, { layout: true });
    expect(first).toMatch(/Số:\s{4,}\/BB-SKHĐT/);
    expect(first).toContain('DỰ THẢO');
  });

  it('embeds its fonts with a Unicode map', async () => {
    const fonts = pdfFonts(await renderMinutesPdf(sampleMinutes()));
    expect(fonts.length).toBeGreaterThanOrEqual(3); // regular, bold, italic
    for (const f of fonts) {
      expect(f, f.name).toMatchObject({ embedded: true, unicode: true });
      expect(f.name).toMatch(/Serif/);
    }
  });

  it('paginates a long body, numbers every page and keeps every word inside the margins', async () => {
    const data = sampleMinutes();
    const long = Array.from(
      { length: 200 },
      (_, i) =>
        `Đoạn ${i + 1}: Ủy ban nhân dân tỉnh giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở, ngành liên quan rà soát danh mục dự án, bảo đảm tiến độ giải ngân vốn đầu tư công theo đúng quy định.`,
    );
    long[100] = `Đường dẫn tài liệu: https://hop.example.gov.vn/tai-lieu/${'ke-hoach-dau-tu-cong-trung-han-'.repeat(4)}2026-2030.pdf`;
    data.items[0]!.conclusion = long.join('\n');
    const pdf = await renderMinutesPdf(data, { draft: true });
    const pages = pdfPages(pdf, { layout: true });
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((text, i) => {
      const numbers = text.match(/Trang \d+\/\d+/g);
      expect(numbers, `page ${i + 1}`).toEqual([`Trang ${i + 1}/${pages.length}`]);
    });
    const text = flatText(pages);
    for (const n of [1, 57, 100, 200]) expect(text).toContain(`Đoạn ${n}: Ủy ban nhân dân tỉnh giao Sở Kế hoạch và Đầu tư`);
    expect(text).toContain('Cuộc họp kết thúc vào lúc 11 giờ 30 phút cùng ngày./.');
    expect(flatText(pages.slice(0, 1))).toContain('DỰ THẢO');
    expect(flatText(pages.slice(1))).not.toContain('DỰ THẢO');

    const { pageWidth, pageHeight, words } = pdfWords(pdf);
    const right = pageWidth - MARGINS.right;
    for (const w of words) {
      if (w.text === 'DỰ' || w.text === 'THẢO') continue; // the draft mark sits in the top margin
      expect(w.xMax, `"${w.text}" on page ${w.page}`).toBeLessThanOrEqual(right + 0.5);
      expect(w.xMin, `"${w.text}" on page ${w.page}`).toBeGreaterThanOrEqual(MARGINS.left - 7);
      expect(w.yMin, `"${w.text}" on page ${w.page}`).toBeGreaterThanOrEqual(MARGINS.top - 4);
      if (!/^Trang$|^\d+\/\d+$/.test(w.text)) expect(w.yMax, `"${w.text}" on page ${w.page}`).toBeLessThanOrEqual(pageHeight - MARGINS.bottom + 4);
    }
    // Justified: the lines of a long paragraph end flush with the right margin.
    const lineEnds = new Map<string, number>();
    for (const w of words.filter((w) => w.page === 3)) {
      const key = Math.round(w.yMax).toString();
      lineEnds.set(key, Math.max(lineEnds.get(key) ?? 0, w.xMax));
    }
    const flush = [...lineEnds.values()].filter((x) => Math.abs(x - right) < 1);
    expect(flush.length).toBeGreaterThan(lineEnds.size / 2);
  });
});
