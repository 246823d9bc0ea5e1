import { describe, expect, it } from 'vitest';
import { makeT } from '../../i18n';
import { syncLineText } from './OfflineStatus';

const vi = makeT('vi');
const en = makeT('en');

describe('syncLineText', () => {
  it('says how many upcoming documents are stored, in Vietnamese first', () => {
    expect(syncLineText({ phase: 'done', total: 7, saved: 5, noSpace: 0 }, vi)).toBe('Đã lưu 5/7 tài liệu để đọc ngoại tuyến');
    expect(syncLineText({ phase: 'done', total: 7, saved: 5, noSpace: 0 }, en)).toBe('5/7 documents saved for offline reading');
    expect(syncLineText({ phase: 'syncing', total: 7, saved: 2, noSpace: 0 }, vi)).toBe('Đang lưu tài liệu để đọc ngoại tuyến: 2/7…');
  });

  it('says when space ran out', () => {
    expect(syncLineText({ phase: 'done', total: 7, saved: 5, noSpace: 2 }, vi)).toBe('Đã lưu 5/7 tài liệu để đọc ngoại tuyến. Không đủ dung lượng để lưu 2 tài liệu.');
  });

  it('stays quiet with nothing to store or nothing known yet', () => {
    expect(syncLineText({ phase: 'idle', total: 0, saved: 0, noSpace: 0 }, vi)).toBeNull();
    expect(syncLineText({ phase: 'syncing', total: 0, saved: 0, noSpace: 0 }, vi)).toBeNull();
    expect(syncLineText({ phase: 'done', total: 0, saved: 0, noSpace: 0 }, vi)).toBeNull();
  });

  it('counts the stored copies when the app started offline', () => {
    expect(syncLineText({ phase: 'stored', total: 0, saved: 4, noSpace: 0 }, vi)).toBe('Có 4 tài liệu đã lưu để đọc ngoại tuyến');
    expect(syncLineText({ phase: 'stored', total: 0, saved: 0, noSpace: 0 }, vi)).toBeNull();
  });

  it('reports a failed pass', () => {
    expect(syncLineText({ phase: 'error', total: 3, saved: 1, noSpace: 0 }, vi)).toBe('Chưa lưu được tài liệu để đọc ngoại tuyến.');
  });
});
