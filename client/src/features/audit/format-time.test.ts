import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format-time';

describe('formatDateTime', () => {
  it('shows UTC instants in Vietnam time (UTC+7), whatever the machine zone', () => {
    // 17:30 UTC on 31 Dec is already 00:30 on 1 Jan in Hà Nội.
    expect(formatDateTime('2024-12-31T17:30:05.000Z', 'vi')).toBe('01/01/2025 00:30:05');
    expect(formatDateTime('2025-06-01T09:05:00.000Z', 'en')).toBe('01/06/2025 16:05:00');
  });

  it('returns input that is not a date unchanged', () => {
    expect(formatDateTime('not a date', 'vi')).toBe('not a date');
  });
});
