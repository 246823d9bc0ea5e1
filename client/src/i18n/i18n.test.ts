import { describe, expect, it } from 'vitest';
import { MEETING_KINDS, MEETING_ROLES, MEETING_STATUSES, MEETING_TRANSITION_NAMES, ROLES, UNIT_KINDS } from '@e-cabinet/protocol';
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

describe('meeting vocabulary', () => {
  it('has a label for every meeting status, role, kind and transition', () => {
    for (const dict of [vi, en]) {
      for (const s of MEETING_STATUSES) expect(dict[`meetingStatus.${s}`]).toBeTruthy();
      for (const r of MEETING_ROLES) expect(dict[`meetingRole.${r}`]).toBeTruthy();
      for (const k of MEETING_KINDS) expect(dict[`meetingKind.${k}`]).toBeTruthy();
      for (const t of MEETING_TRANSITION_NAMES) expect(dict[`transition.${t}`]).toBeTruthy();
    }
  });

  it('keeps the names users and tests rely on', () => {
    expect(vi['nav.meetings']).toBe('Cuộc họp');
    expect(vi['meetings.create']).toBe('Tạo cuộc họp');
    expect([vi['meetings.tab.upcoming'], vi['meetings.tab.past']]).toEqual(['Sắp diễn ra', 'Đã qua']);
    expect([vi['meetingForm.title'], vi['meetingForm.kind'], vi['meetingForm.startsAt'], vi['meetingForm.endsAt']]).toEqual([
      'Tên cuộc họp',
      'Loại cuộc họp',
      'Bắt đầu',
      'Kết thúc',
    ]);
    expect([vi['meetingForm.place'], vi['meetingForm.onlineLink'], vi['participants.label']]).toEqual([
      'Địa điểm',
      'Đường dẫn họp trực tuyến',
      'Thành phần tham dự',
    ]);
    expect(MEETING_TRANSITION_NAMES.map((n) => vi[`transition.${n}`])).toEqual([
      'Trình duyệt',
      'Phê duyệt',
      'Trả lại',
      'Phát hành',
      'Bắt đầu họp',
      'Kết thúc họp',
      'Đóng cuộc họp',
    ]);
    expect(MEETING_STATUSES.map((s) => vi[`meetingStatus.${s}`])).toEqual([
      'Dự thảo',
      'Chờ duyệt',
      'Đã duyệt',
      'Đã phát hành',
      'Đang họp',
      'Đã kết thúc',
      'Đã đóng',
    ]);
    expect(MEETING_ROLES.map((r) => vi[`meetingRole.${r}`])).toEqual(['Chủ trì', 'Thư ký', 'Thành viên', 'Khách mời', 'Quan sát viên']);
    expect(MEETING_KINDS.map((k) => vi[`meetingKind.${k}`])).toEqual(['Thường kỳ', 'Bất thường', 'Chuyên đề']);
    expect(vi['transition.comment']).toBe('Ý kiến');
    expect([vi['rsvp.attend'], vi['rsvp.decline'], vi['rsvp.substitute']]).toEqual(['Tham dự', 'Không tham dự', 'Cử người dự thay']);
    expect([vi['agenda.add'], vi['agenda.itemTitle'], vi['agenda.description'], vi['agenda.presenter'], vi['agenda.duration']]).toEqual([
      'Thêm nội dung',
      'Tiêu đề',
      'Mô tả',
      'Người trình bày',
      'Thời lượng (phút)',
    ]);
    expect([vi['agenda.up'], vi['agenda.down']]).toEqual(['Lên', 'Xuống']);
    expect(translate('vi', 'agenda.total', { total: 95, available: 180 })).toBe('Tổng thời gian: 95/180 phút');
    expect(translate('vi', 'docs.uploadFor', { title: 'Mục 1' })).toBe('Tải tài liệu lên: Mục 1');
    expect([vi['docs.processing'], vi['docs.changedSinceRead'], vi['docs.confidential'], vi['viewer.download']]).toEqual([
      'Đang xử lý…',
      'Đã thay đổi từ lần bạn đọc',
      'Bảo mật',
      'Tải về',
    ]);
    expect(translate('vi', 'viewer.pageLabel', { page: 3 })).toBe('Trang 3');
    expect(vi['reads.title']).toBe('Tình hình đọc tài liệu');
    expect(translate('vi', 'meetings.publishedToast', { title: 'X' })).toBe('Có cuộc họp mới: X');
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
