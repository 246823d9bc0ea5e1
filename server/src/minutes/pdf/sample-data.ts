import type { MinutesData, NoticeData } from './types.ts';

/*
 * Realistic sample documents (tests, previews). Times are instants: 01:00 UTC is 08:00 in
 * Việt Nam.
 */

export function sampleMinutes(): MinutesData {
  return {
    header: {
      issuer: { parentName: 'Ủy ban nhân dân tỉnh Bình Dương', name: 'Sở Kế hoạch và Đầu tư' },
      number: '12',
      code: 'BB-SKHĐT',
      place: 'Bình Dương',
      date: new Date('2026-11-23T09:00:00Z'),
    },
    meeting: {
      title: 'Cuộc họp giao ban công tác tháng 11 năm 2026',
      startedAt: new Date('2026-11-23T01:00:00Z'),
      endedAt: new Date('2026-11-23T04:30:00Z'),
      location: 'Phòng họp số 2, trụ sở Sở Kế hoạch và Đầu tư',
    },
    chair: { name: 'Nguyễn Văn Dũng', title: 'Giám đốc', unit: 'Sở Kế hoạch và Đầu tư' },
    secretary: { name: 'Trần Thị Hường', title: 'Chuyên viên', unit: 'Văn phòng Sở' },
    attendance: {
      present: [
        { name: 'Nguyễn Văn Dũng', title: 'Giám đốc', unit: 'Sở Kế hoạch và Đầu tư' },
        { name: 'Lê Thị Thu Hằng', title: 'Phó Giám đốc', unit: 'Sở Kế hoạch và Đầu tư' },
        { name: 'Phạm Quốc Việt', title: 'Trưởng phòng', unit: 'Phòng Tổng hợp, Quy hoạch' },
        { name: 'Trần Thị Hường', title: 'Chuyên viên', unit: 'Văn phòng Sở' },
        { name: 'Đặng Minh Khôi', title: 'Trưởng phòng', unit: 'Phòng Đăng ký kinh doanh' },
      ],
      absent: [
        { name: 'Võ Thị Ngọc Ánh', title: 'Phó Giám đốc', unit: 'Sở Kế hoạch và Đầu tư', excused: true, reason: 'đi công tác tại Hà Nội' },
        { name: 'Hoàng Đức Thắng', title: 'Chánh Thanh tra', unit: 'Thanh tra Sở', excused: false },
      ],
      proxies: [
        {
          from: { name: 'Võ Thị Ngọc Ánh', title: 'Phó Giám đốc' },
          to: { name: 'Lê Thị Thu Hằng', title: 'Phó Giám đốc' },
          note: 'biểu quyết nội dung 1',
        },
      ],
      guests: [{ name: 'Bùi Thị Yến', title: 'Phó Chánh Văn phòng', unit: 'Văn phòng Ủy ban nhân dân tỉnh' }],
    },
    items: [
      {
        title: 'Dự thảo Kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030',
        presenter: 'Ông Phạm Quốc Việt, Trưởng phòng Tổng hợp, Quy hoạch',
        opinions: [
          {
            speaker: { name: 'Lê Thị Thu Hằng', title: 'Phó Giám đốc' },
            text: 'Đề nghị rà soát lại danh mục dự án chuyển tiếp, ưu tiên bố trí vốn cho các dự án giao thông kết nối vùng và hạ tầng khu công nghiệp.\nBổ sung phương án huy động nguồn lực xã hội hóa.',
          },
          {
            speaker: { name: 'Đặng Minh Khôi', title: 'Trưởng phòng', unit: 'Phòng Đăng ký kinh doanh' },
            text: 'Thống nhất với dự thảo; đề nghị làm rõ tiến độ giải ngân từng quý.',
          },
        ],
        polls: [
          {
            question: 'Thông qua dự thảo Kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030',
            inFavour: 12,
            against: 3,
            notVoting: 5,
            passed: true,
            outcomeReason: 'Số thành viên tán thành đạt trên 50% tổng số thành viên',
          },
        ],
        conclusion:
          'Giao Phòng Tổng hợp, Quy hoạch tiếp thu ý kiến, hoàn chỉnh dự thảo, trình Ủy ban nhân dân tỉnh trước ngày 05 tháng 12 năm 2026.\nCác phòng chuyên môn phối hợp cung cấp số liệu đúng thời hạn.',
      },
      {
        title: 'Tình hình cải cách thủ tục hành chính',
        presenter: 'Bà Trần Thị Hường, Chuyên viên Văn phòng Sở',
        opinions: [],
        polls: [
          {
            question: 'Điều chỉnh quy trình tiếp nhận hồ sơ trực tuyến',
            inFavour: 6,
            against: 9,
            notVoting: 5,
            passed: false,
            outcomeReason: 'Số thành viên tán thành chưa đạt trên 50% tổng số thành viên',
          },
        ],
        conclusion: 'Văn phòng Sở nghiên cứu, đề xuất lại phương án điều chỉnh quy trình tại cuộc họp tháng 12.',
      },
    ],
  };
}

export function sampleNotice(): NoticeData {
  return {
    header: {
      issuer: { parentName: 'Ủy ban nhân dân tỉnh Bình Dương', name: 'Văn phòng' },
      number: '345',
      code: 'TB-VP',
      place: 'Bình Dương',
      date: new Date('2026-02-05T03:00:00Z'),
    },
    subject: 'Kết luận của Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Văn Dũng tại cuộc họp về tiến độ giải ngân vốn đầu tư công',
    meeting: {
      title: 'Cuộc họp về tiến độ giải ngân vốn đầu tư công năm 2026',
      startedAt: new Date('2026-02-03T07:00:00Z'),
      location: 'Phòng họp A, trụ sở Ủy ban nhân dân tỉnh',
      chair: { name: 'Nguyễn Văn Dũng', title: 'Chủ tịch Ủy ban nhân dân tỉnh' },
      attendeesSummary: 'lãnh đạo Sở Kế hoạch và Đầu tư, Sở Tài chính, Sở Xây dựng và Kho bạc Nhà nước tỉnh',
    },
    items: [
      {
        title: 'Về tiến độ giải ngân',
        conclusion: 'Yêu cầu các chủ đầu tư đẩy nhanh tiến độ, bảo đảm giải ngân trên 30% kế hoạch vốn trong quý I năm 2026.',
      },
      {
        title: 'Về công tác giải phóng mặt bằng',
        conclusion: 'Giao Sở Tài nguyên và Môi trường chủ trì, phối hợp Ủy ban nhân dân cấp huyện tháo gỡ vướng mắc, báo cáo kết quả trước ngày 28 tháng 02 năm 2026.',
      },
    ],
    closing: 'Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện',
    recipients: ['Như trên', 'Chủ tịch, các Phó Chủ tịch UBND tỉnh', 'Sở Kế hoạch và Đầu tư', 'Sở Tài chính', 'Lưu: VT, TH'],
    signer: { capacity: ['TL. Chủ tịch', 'Chánh Văn phòng'], name: 'Trần Thị Hường' },
  };
}
