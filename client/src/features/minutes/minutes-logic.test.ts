import { describe, expect, it } from 'vitest';
import type { MinutesVersion } from '@e-cabinet/protocol';
import { formatDateTime } from '../audit/format-time';
import { minutesPdfUrl, minutesPath } from './minutes-api';
import { hasPdfs, isGenerating, latestVersion, notificationLink, percentOf, shortHash } from './minutes-logic';

const HASH = 'a'.repeat(8) + '0123456789abcdef'.repeat(3) + 'b'.repeat(8);

const version = (n: number, status: MinutesVersion['status']): MinutesVersion => ({
  version: n,
  approvedAt: '2026-11-23T03:00:00.000Z',
  approvedBy: { id: 'f'.repeat(24), name: 'Trần Văn Chủ' },
  contentSha256: HASH,
  minutesPdf: null,
  noticePdf: null,
  signature: null,
  status,
  items: [],
});

describe('version helpers', () => {
  it('knows when a version is still generating', () => {
    expect(isGenerating(undefined)).toBe(false);
    expect(isGenerating({ versions: [] })).toBe(false);
    expect(isGenerating({ versions: [version(2, 'generating'), version(1, 'signed')] })).toBe(true);
    expect(isGenerating({ versions: [version(2, 'failed'), version(1, 'ready')] })).toBe(false);
  });

  it('finds the latest version whatever the order', () => {
    expect(latestVersion([])).toBeNull();
    expect(latestVersion([version(1, 'signed'), version(3, 'ready'), version(2, 'failed')])?.version).toBe(3);
  });

  it('offers the PDFs only once they exist', () => {
    expect(hasPdfs({ status: 'generating' })).toBe(false);
    expect(hasPdfs({ status: 'failed' })).toBe(false);
    expect(hasPdfs({ status: 'ready' })).toBe(true);
    expect(hasPdfs({ status: 'signed' })).toBe(true);
  });

  it('builds the PDF and page addresses', () => {
    const id = '0123456789abcdef01234567';
    expect(minutesPdfUrl(id, 2, 'notice')).toBe(`/api/meetings/${id}/minutes/versions/2/notice.pdf`);
    expect(minutesPdfUrl(id, 1, 'minutes')).toBe(`/api/meetings/${id}/minutes/versions/1/minutes.pdf`);
    expect(minutesPath(id)).toBe(`/meetings/${id}/minutes`);
  });
});

describe('formatting', () => {
  it('shortens a hash to its ends and leaves short values alone', () => {
    expect(shortHash(HASH)).toBe('aaaaaaaa…bbbbbbbb');
    expect(shortHash(HASH)).not.toContain(HASH.slice(8, 16));
    expect(shortHash('abc')).toBe('abc');
    expect(shortHash('0123456789abcdef0')).toBe('0123456789abcdef0');
  });

  it('gives percentages of the members with one decimal at most', () => {
    expect(percentOf(2, 3)).toBe('66.7');
    expect(percentOf(1, 2)).toBe('50');
    expect(percentOf(0, 9)).toBe('0');
    expect(percentOf(3, 0)).toBe('0');
  });

  it('shows signing times in Vietnam time, whatever the device zone', () => {
    // 17:30 UTC is 00:30 the next day in Hà Nội (UTC+7).
    expect(formatDateTime('2026-11-23T17:30:05.000Z', 'vi')).toBe('24/11/2026 00:30:05');
    expect(formatDateTime('2026-11-23T17:30:05.000Z', 'en')).toBe('24/11/2026 00:30:05');
  });
});

describe('notificationLink', () => {
  const meetingId = '0123456789abcdef01234567';
  it('sends task reminders to their task, or to the task list when they name none', () => {
    const taskId = 'fedcba9876543210fedcba98';
    expect(notificationLink({ kind: 'task.overdue', meetingId: null, taskId })).toBe(`/tasks/${taskId}`);
    expect(notificationLink({ kind: 'task.overdue', meetingId: null })).toBe('/tasks');
    expect(notificationLink({ kind: 'task.dueSoon', meetingId, taskId: null })).toBe('/tasks');
  });

  it('sends meeting results to the minutes, or to the tasks when the meeting is not visible', () => {
    expect(notificationLink({ kind: 'meeting.results', meetingId })).toBe(`/meetings/${meetingId}/minutes`);
    expect(notificationLink({ kind: 'meeting.results', meetingId: null })).toBe('/tasks');
  });

  it('keeps other meeting notifications on the meeting page', () => {
    expect(notificationLink({ kind: 'meeting.published', meetingId })).toBe(`/meetings/${meetingId}`);
    expect(notificationLink({ kind: 'meeting.published', meetingId: null })).toBeNull();
  });
});
