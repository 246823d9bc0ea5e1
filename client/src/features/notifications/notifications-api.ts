import type { Notification } from '@e-cabinet/protocol';
import { api } from '../../api/client';

export const notificationsApi = {
  list: (signal?: AbortSignal) => api<{ items: Notification[]; unread: number }>('/api/notifications', signal ? { signal } : {}),
  markRead: (id: string) => api<void>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
  markAllRead: () => api<void>('/api/notifications/read-all', { method: 'POST' }),
};
