import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './client';
import { errorText, fieldErrors, pointerToField, unplacedFieldErrors } from './errors';

const validation = new ApiRequestError(400, {
  code: 'VALIDATION',
  message: 'Dữ liệu không hợp lệ.',
  fields: { '/username': 'Định dạng không hợp lệ.', '/email/0': 'Email không hợp lệ.', '/': 'Cần ít nhất một thay đổi.' },
});

describe('error mapping', () => {
  it('shows the server message, falling back to the code message', () => {
    expect(errorText(validation, 'en')).toBe('Dữ liệu không hợp lệ.');
    const bare = new ApiRequestError(409, { code: 'USERNAME_TAKEN', message: '' });
    expect(errorText(bare, 'en')).toBe('This username is already taken.');
    expect(errorText(new Error('boom'), 'vi')).toBe('Đã xảy ra lỗi hệ thống.');
  });

  it('reads JSON pointers as field names', () => {
    expect(pointerToField('/username')).toBe('username');
    expect(pointerToField('/email/0')).toBe('email');
    expect(pointerToField('/a~1b')).toBe('a/b');
    expect(pointerToField('')).toBe('');
    expect(pointerToField('/')).toBe('');
  });

  it('collects per-field messages and finds the ones without an input', () => {
    const fields = fieldErrors(validation);
    expect(fields).toEqual({
      username: 'Định dạng không hợp lệ.',
      email: 'Email không hợp lệ.',
      '': 'Cần ít nhất một thay đổi.',
    });
    expect(unplacedFieldErrors(fields, ['username'])).toEqual(['email: Email không hợp lệ.', 'Cần ít nhất một thay đổi.']);
    expect(fieldErrors(new Error('x'))).toEqual({});
  });
});
