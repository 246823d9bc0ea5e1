import { describe, expect, it } from 'vitest';
import { buildIcs, foldLine } from './ics.ts';

describe('ics', () => {
  it('builds a REQUEST with UTC times, escaped Vietnamese text and CRLF lines', () => {
    const ics = buildIcs(
      {
        uid: 'abc@e-cabinet',
        sequence: 2,
        start: new Date('2026-12-01T01:30:00Z'),
        end: new Date('2026-12-01T04:00:00Z'),
        summary: 'Phiên họp thường kỳ tháng 12; năm 2026',
        description: 'Nội dung:\n1. Báo cáo, kinh tế',
        location: 'Phòng họp số 1',
        url: null,
        organizer: { name: 'Văn phòng', email: 'vp@example.gov.vn' },
        attendee: { name: 'Phạm Thị Lan', email: 'lan@example.gov.vn' },
      },
      new Date('2026-11-23T00:00:00Z'),
    );
    expect(ics).toContain('METHOD:REQUEST\r\n');
    expect(ics).toContain('DTSTART:20261201T013000Z\r\n');
    expect(ics).toContain('SUMMARY:Phiên họp thường kỳ tháng 12\\; năm 2026');
    expect(ics).toContain('DESCRIPTION:Nội dung:\\n1. Báo cáo\\, kinh tế');
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it('folds long lines without splitting a character', () => {
    const folded = foldLine(`SUMMARY:${'Đ'.repeat(100)}`);
    const parts = folded.split('\r\n ');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('')).toBe(`SUMMARY:${'Đ'.repeat(100)}`);
    expect(parts.every((p) => Buffer.byteLength(p) <= 75)).toBe(true);
  });
});
