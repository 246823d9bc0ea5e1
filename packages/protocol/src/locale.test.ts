import { describe, expect, it } from 'vitest';
import { pickLocale } from './locale.ts';
import { ErrorCode, errorMessage } from './errors.ts';

describe('pickLocale', () => {
  it('defaults to Vietnamese', () => {
    expect(pickLocale(undefined)).toBe('vi');
    expect(pickLocale('fr-FR,de;q=0.8')).toBe('vi');
  });
  it('honours quality values', () => {
    expect(pickLocale('vi;q=0.2,en-US;q=0.9')).toBe('en');
    expect(pickLocale('en-GB,vi;q=0.5')).toBe('en');
    expect(pickLocale('vi-VN,en;q=0.9')).toBe('vi');
  });
});

describe('errorMessage', () => {
  it('has a message in both languages for every code', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(errorMessage(code, 'vi').length).toBeGreaterThan(3);
      expect(errorMessage(code, 'en').length).toBeGreaterThan(3);
    }
    expect(errorMessage('AUTH_INVALID_CREDENTIALS', 'vi')).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });
});
