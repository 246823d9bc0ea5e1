import { describe, expect, it } from 'vitest';
import type { Notification } from '@e-cabinet/protocol';
import { initialNotifications, notificationsReducer as reduce } from './notifications-state';

const makeNotification = (over: Partial<Notification> = {}): Notification => ({
  id: 'n1',
  kind: 'meeting.published',
  meetingId: 'm1',
  title: 'Mời họp: Họp thường kỳ tháng 7',
  createdAt: '2026-07-01T01:00:00.000Z',
  readAt: null,
  ...over,
});

describe('notificationsReducer', () => {
  const loaded = reduce(initialNotifications, {
    type: 'loaded',
    items: [makeNotification(), makeNotification({ id: 'n0', readAt: '2026-06-01T00:00:00.000Z' })],
    unread: 1,
  });

  it('adds a live notification on top, once', () => {
    const next = reduce(loaded, { type: 'received', notification: makeNotification({ id: 'n2' }) });
    expect(next.items.map((n) => n.id)).toEqual(['n2', 'n1', 'n0']);
    expect(next.unread).toBe(2);
    expect(reduce(next, { type: 'received', notification: makeNotification({ id: 'n2' }) })).toBe(next);
  });

  it('marks one or all as read', () => {
    const one = reduce(loaded, { type: 'read', id: 'n1', at: '2026-07-02T00:00:00.000Z' });
    expect(one.unread).toBe(0);
    expect(one.items[0]!.readAt).toBe('2026-07-02T00:00:00.000Z');
    // Reading an already-read one changes nothing.
    expect(reduce(one, { type: 'read', id: 'n0', at: 'x' })).toBe(one);
    const all = reduce(reduce(loaded, { type: 'received', notification: makeNotification({ id: 'n3' }) }), { type: 'read_all', at: 't' });
    expect(all.unread).toBe(0);
    expect(all.items.every((n) => n.readAt)).toBe(true);
  });
});
