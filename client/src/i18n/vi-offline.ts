/**
 * Vietnamese strings of the offline feature. Part of the `vi` source dictionary (spread into it);
 * `en-offline.ts` must have exactly these keys.
 */
export const viOffline = {
  'offline.banner': 'Đang ngoại tuyến — bạn vẫn đọc và ghi chú được; thay đổi sẽ đồng bộ khi có mạng.',
  'offline.syncing': 'Đang lưu tài liệu để đọc ngoại tuyến: {saved}/{total}…',
  'offline.saved': 'Đã lưu {saved}/{total} tài liệu để đọc ngoại tuyến',
  'offline.stored': 'Có {count} tài liệu đã lưu để đọc ngoại tuyến',
  'offline.noSpace': 'Không đủ dung lượng để lưu {count} tài liệu.',
  'offline.error': 'Chưa lưu được tài liệu để đọc ngoại tuyến.',
  'offline.retry': 'Thử lại',
} as const;
