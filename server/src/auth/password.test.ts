import { describe, expect, it } from 'vitest';
import { hashPassword, isStrongPassword, verifyPassword } from './password.ts';

describe('passwords', () => {
  it('hashes with argon2id and verifies, NFC-normalising so "Việt" typed either way matches', async () => {
    const composed = 'MậtKhẩu2026'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    const hash = await hashPassword(composed);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, decomposed)).toBe(true);
    expect(await verifyPassword(hash, 'MậtKhẩu2027')).toBe(false);
    expect(await verifyPassword('not a hash', composed)).toBe(false);
  });

  it('wants letters and digits', () => {
    expect(isStrongPassword('abcdefgh')).toBe(false);
    expect(isStrongPassword('12345678')).toBe(false);
    expect(isStrongPassword('Đổimật1x')).toBe(true);
  });
});
