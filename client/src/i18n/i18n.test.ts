import { describe, expect, it } from 'vitest';
import { ROLES, UNIT_KINDS } from '@e-cabinet/protocol';
import { en } from './en';
import { interpolate, makeT, translate, type Placeholders } from './index';
import { vi } from './vi';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('vi and en have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it.each([
    ['vi', vi],
    ['en', en],
  ] as const)('%s has no empty, padded or non-NFC strings', (_name, dict) => {
    for (const [key, value] of Object.entries(dict)) {
      expect(value.trim(), key).not.toBe('');
      expect(value, key).toBe(value.trim());
      // Decomposed Vietnamese ("e" + combining marks) renders oddly and breaks search.
      expect(value, key).toBe(value.normalize('NFC'));
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
    }
  });

  it('has a label for every role and unit kind', () => {
    for (const role of ROLES) expect(vi[`role.${role}`]).toBeTruthy();
    for (const kind of UNIT_KINDS) expect(en[`unitKind.${kind}`]).toBeTruthy();
  });

  it('keeps the names users and tests rely on', () => {
    expect(vi['auth.login.submit']).toBe('Đăng nhập');
    expect(vi['auth.username']).toBe('Tên đăng nhập');
    expect(vi['auth.password']).toBe('Mật khẩu');
    expect(vi['auth.logout']).toBe('Đăng xuất');
    expect(vi['nav.audit']).toBe('Nhật ký hệ thống');
    expect(vi['role.admin']).toBe('Quản trị hệ thống');
    expect(vi['auth.sessionEnded']).toContain('Phiên đăng nhập đã kết thúc');
    expect(en['lang.vi']).toBe('Tiếng Việt');
    expect(vi['lang.en']).toBe('English');
  });
});

describe('interpolate', () => {
  it('fills named placeholders, repeatedly and with numbers', () => {
    expect(interpolate('{a} và {b}, {a}', { a: 'X', b: 2 })).toBe('X và 2, X');
  });

  it('leaves unknown placeholders visible instead of printing "undefined"', () => {
    expect(interpolate('Xin chào, {name}', {})).toBe('Xin chào, {name}');
  });

  it('does not read inherited properties', () => {
    expect(interpolate('{toString}', {})).toBe('{toString}');
  });
});

describe('t', () => {
  it('translates with parameters in each language', () => {
    expect(makeT('vi')('home.welcome', { name: 'Lan' })).toBe('Xin chào, Lan');
    expect(makeT('en')('home.welcome', { name: 'Lan' })).toBe('Welcome, Lan');
    expect(translate('en', 'users.count', { count: 3 })).toBe('Users: 3');
  });

  it('checks parameters at compile time', () => {
    const t = makeT('vi');
    // @ts-expect-error: the message has a {name} placeholder
    t('home.welcome');
    // @ts-expect-error: the message has no placeholders
    t('common.save', { x: 1 });
    // @ts-expect-error: not a key
    t('no.such.key');
    const names: Placeholders<'{a} {b}'> = 'b';
    expect(names).toBe('b');
  });
});
