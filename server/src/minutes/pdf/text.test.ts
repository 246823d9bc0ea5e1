import { describe, expect, it } from 'vitest';
import { clean, percent, personLine, placeAndDate, roman, sameDay, upper, vnDate, vnLetter, vnTime } from './text.ts';

describe('administrative text', () => {
  it('writes dates as Nghị định 30 does, in Việt Nam time', () => {
    expect(vnDate(new Date('2027-01-05T03:00:00Z'))).toBe('ngày 05 tháng 01 năm 2027');
    expect(vnDate(new Date('2026-02-28T03:00:00Z'))).toBe('ngày 28 tháng 02 năm 2026');
    expect(vnDate(new Date('2026-03-09T03:00:00Z'))).toBe('ngày 09 tháng 3 năm 2026');
    expect(vnDate(new Date('2026-11-23T03:00:00Z'))).toBe('ngày 23 tháng 11 năm 2026');
    // 20:30 UTC on the 22nd is already 03:30 on the 23rd in Hà Nội.
    expect(vnDate(new Date('2026-11-22T20:30:00Z'))).toBe('ngày 23 tháng 11 năm 2026');
    expect(vnTime(new Date('2026-11-22T20:30:00Z'))).toBe('03 giờ 30 phút');
    expect(vnDate(new Date('2026-11-22T20:30:00Z'), 'UTC')).toBe('ngày 22 tháng 11 năm 2026');
    expect(placeAndDate('Bình Dương', new Date('2026-11-23T03:00:00Z'))).toBe('Bình Dương, ngày 23 tháng 11 năm 2026');
    expect(sameDay(new Date('2026-11-23T01:00:00Z'), new Date('2026-11-23T16:59:00Z'))).toBe(true);
    expect(sameDay(new Date('2026-11-23T01:00:00Z'), new Date('2026-11-23T17:00:00Z'))).toBe(false);
  });

  it('formats percentages with a decimal comma', () => {
    expect(percent(12, 20)).toBe('60%');
    expect(percent(1, 3)).toBe('33,33%');
    expect(percent(2, 3)).toBe('66,67%');
    expect(percent(0, 0)).toBe('0%');
  });

  it('cleans and capitalises Vietnamese', () => {
    expect(clean('Nguye\u0302\u0303n\tVa\u0306n\u200b\r\nDu\u0303ng\u0007')).toBe('Nguyễn Văn\nDũng');
    expect(upper('Sở Kế hoạch và Đầu tư đô thị')).toBe('SỞ KẾ HOẠCH VÀ ĐẦU TƯ ĐÔ THỊ');
    expect(personLine({ name: 'Trần Thị Hường', title: 'Giám đốc', unit: 'Sở Kế hoạch và Đầu tư' })).toBe('Trần Thị Hường - Giám đốc, Sở Kế hoạch và Đầu tư');
    expect(personLine({ name: 'Trần Thị Hường', title: ' ' })).toBe('Trần Thị Hường');
  });

  it('numbers points the Vietnamese way', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(vnLetter).join('')).toBe('abcdđeg');
    expect([1, 2, 4, 9, 14].map(roman)).toEqual(['I', 'II', 'IV', 'IX', 'XIV']);
  });
});
