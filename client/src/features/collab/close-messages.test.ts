import { describe, expect, it } from 'vitest';
import { CloseCode } from '@e-cabinet/protocol';
import { en } from '../../i18n/en';
import { vi } from '../../i18n/vi';
import { closeMessageKey } from './close-messages';

describe('close code messages', () => {
  it('gives every close code its own message, in both languages', () => {
    const codes = Object.values(CloseCode);
    const keys = codes.map(closeMessageKey);
    expect(new Set(keys).size).toBe(codes.length);
    for (const key of keys) {
      expect(vi[key]).toBeTruthy();
      expect(en[key]).toBeTruthy();
      expect(key).not.toMatch(/other/);
    }
    expect(vi[closeMessageKey(CloseCode.PROTOCOL_MISMATCH)]).toContain('tải lại trang');
    expect(en[closeMessageKey(CloseCode.FORBIDDEN)]).toContain('access');
  });

  it('falls back by range for codes it does not know', () => {
    expect(closeMessageKey(4499)).toBe('collab.close.otherFinal');
    expect(closeMessageKey(4598)).toBe('collab.close.other');
    expect(closeMessageKey(1006)).toBe('collab.close.other');
  });
});
