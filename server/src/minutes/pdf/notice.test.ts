import { describe, expect, it } from 'vitest';
import { MOTTO, NATIONAL_HEADING, renderConclusionNoticePdf } from './index.ts';
import { flatText, pdfFonts, pdfPages } from './poppler.ts';
import { sampleNotice } from './sample-data.ts';

describe('renderConclusionNoticePdf', () => {
  it('writes the notice in exact Vietnamese, with and without -layout', async () => {
    const pdf = await renderConclusionNoticePdf(sampleNotice());
    const layout = pdfPages(pdf, { layout: true });
    const expected = [
      NATIONAL_HEADING,
      MOTTO,
      'ỦY BAN NHÂN DÂN',
      'TỈNH BÌNH DƯƠNG',
      'VĂN PHÒNG',
      'Số: 345/TB-VP',
      // Nghị định 30: a zero before days below 10 and before months 1 and 2.
      'Bình Dương, ngày 05 tháng 02 năm 2026',
      'THÔNG BÁO',
      'Kết luận của Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Văn Dũng tại cuộc họp về tiến độ giải ngân vốn đầu tư công',
      // The composed introduction, with the meeting day in Việt Nam's time zone.
      'Ngày 03 tháng 02 năm 2026, tại Phòng họp A, trụ sở Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Văn Dũng chủ trì cuộc họp về tiến độ giải ngân vốn đầu tư công năm 2026.',
      'Tham dự cuộc họp có lãnh đạo Sở Kế hoạch và Đầu tư, Sở Tài chính, Sở Xây dựng và Kho bạc Nhà nước tỉnh.',
      'Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Văn Dũng kết luận như sau:',
      '1. Về tiến độ giải ngân',
      'Yêu cầu các chủ đầu tư đẩy nhanh tiến độ, bảo đảm giải ngân trên 30% kế hoạch vốn trong quý I năm 2026.',
      '2. Về công tác giải phóng mặt bằng',
      'báo cáo kết quả trước ngày 28 tháng 02 năm 2026.',
      'Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.',
      'TL. CHỦ TỊCH',
      'CHÁNH VĂN PHÒNG',
      'Trần Thị Hường',
      'Nơi nhận:',
      '- Như trên;',
      '- Chủ tịch, các Phó Chủ tịch UBND tỉnh;',
      '- Sở Tài chính;',
      '- Lưu: VT, TH.',
    ];
    for (const pages of [layout, pdfPages(pdf, { layout: false })]) {
      const text = flatText(pages);
      for (const s of expected) expect(text, s).toContain(s);
    }
    // Recipients bottom-left beside the signer's capacity on the right.
    expect(layout.join('\n')).toMatch(/Nơi nhận:\s+TL\. CHỦ TỊCH\n\s*- Như trên;\s+CHÁNH VĂN PHÒNG/);
    expect(layout.join('\n')).toMatch(/Trang 1\/1/);
    for (const f of pdfFonts(pdf)) expect(f, f.name).toMatchObject({ embedded: true, unicode: true });
  });

  it('uses the given introduction instead of composing one', async () => {
    const data = { ...sampleNotice(), introduction: 'Chiều ngày 03 tháng 02 năm 2026, Chủ tịch Ủy ban nhân dân tỉnh đã họp với các sở.' };
    const text = flatText(pdfPages(await renderConclusionNoticePdf(data), { layout: false }));
    expect(text).toContain('Chiều ngày 03 tháng 02 năm 2026, Chủ tịch Ủy ban nhân dân tỉnh đã họp với các sở.');
    expect(text).not.toContain('kết luận như sau:');
  });
});
