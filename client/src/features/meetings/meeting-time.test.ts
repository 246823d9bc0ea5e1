import { describe, expect, it } from 'vitest';
import { formatMeetingTime, formatShortDateTime, fromVnInputValue, meetingMinutes, toVnInputValue } from './meeting-time';

describe('datetime-local in Vietnam time', () => {
  it('reads wall time as UTC+7 and writes it back', () => {
    expect(fromVnInputValue('2026-08-01T08:00')).toBe('2026-08-01T01:00:00.000Z');
    // Just after midnight in Hà Nội is the previous day in UTC.
    expect(fromVnInputValue('2026-01-01T00:30')).toBe('2025-12-31T17:30:00.000Z');
    expect(toVnInputValue('2025-12-31T17:30:00.000Z')).toBe('2026-01-01T00:30');
    expect(toVnInputValue(fromVnInputValue('2026-03-15T14:45')!)).toBe('2026-03-15T14:45');
  });

  it('refuses incomplete and impossible values', () => {
    expect(fromVnInputValue('')).toBeNull();
    expect(fromVnInputValue('2026-08-01')).toBeNull();
    expect(fromVnInputValue('2026-02-31T08:00')).toBeNull();
    expect(fromVnInputValue('2026-08-01T25:00')).toBeNull();
    expect(toVnInputValue('nonsense')).toBe('');
  });
});

describe('meetingMinutes', () => {
  it('counts whole minutes and never goes negative', () => {
    expect(meetingMinutes('2026-08-01T01:00:00Z', '2026-08-01T04:00:00Z')).toBe(180);
    expect(meetingMinutes('2026-08-01T04:00:00Z', '2026-08-01T01:00:00Z')).toBe(0);
    expect(meetingMinutes('x', 'y')).toBe(0);
  });
});

describe('formatMeetingTime', () => {
  it('shows weekday, date and times in Vietnam time', () => {
    expect(formatMeetingTime('2026-08-01T01:00:00Z', '2026-08-01T04:00:00Z', 'vi')).toBe('Thứ Bảy, 01/08/2026, 08:00 – 11:00');
    expect(formatMeetingTime('2026-08-01T01:00:00Z', '2026-08-01T04:00:00Z', 'en')).toBe('Saturday, 01/08/2026, 08:00 – 11:00');
  });

  it('names both days when the meeting runs past midnight', () => {
    expect(formatMeetingTime('2026-08-01T13:00:00Z', '2026-08-01T18:00:00Z', 'vi')).toBe(
      'Thứ Bảy, 01/08/2026, 20:00 – Chủ Nhật, 02/08/2026, 01:00',
    );
  });

  it('formats a single instant', () => {
    expect(formatShortDateTime('2026-08-01T01:05:00Z', 'vi')).toBe('01/08/2026 08:05');
  });
});
