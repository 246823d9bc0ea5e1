import { describe, expect, it } from 'vitest';
import { compileValidator } from './validate.ts';
import { CreateUserSchema } from './schemas/users.ts';

describe('compileValidator', () => {
  const check = compileValidator(CreateUserSchema);

  it('accepts a valid payload unchanged', () => {
    const input = { username: 'thuky', fullName: 'Nguyễn Thị Thu Hà', role: 'secretary', password: 'ThuKy@2026' };
    expect(check(input)).toEqual({ ok: true, value: input });
  });

  it('names each bad field with a message in the chosen language', () => {
    const input = { username: 'Bad Name', fullName: 'X', role: 'king', password: 'short' };
    const vi = check(input, 'vi');
    expect(vi.ok).toBe(false);
    if (vi.ok) return;
    expect(vi.fields['/username']).toBe('Định dạng không hợp lệ.');
    expect(vi.fields['/password']).toBe('Cần ít nhất 8 ký tự.');
    expect(vi.fields['/role']).toBe('Giá trị không nằm trong danh sách cho phép.');
    const en = check(input, 'en');
    expect(!en.ok && en.fields['/password']).toBe('Needs at least 8 characters.');
  });

  it('reports a property that is not allowed on the property', () => {
    const res = check({ username: 'thuky', fullName: 'X', role: 'chair', password: 'ThuKy@2026', isAdmin: true });
    expect(!res.ok && res.fields).toEqual({ '/isAdmin': 'Trường không được phép.' });
  });

  it('reports missing properties on the property itself', () => {
    const res = check({ username: 'abc' }, 'en');
    expect(!res.ok && res.fields).toMatchObject({ '/fullName': 'This field is required.', '/role': 'This field is required.', '/password': 'This field is required.' });
  });
});
