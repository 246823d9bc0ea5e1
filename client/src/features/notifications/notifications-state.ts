import type { Notification } from '@e-cabinet/protocol';

export interface NotificationsState {
  items: Notification[];
  unread: number;
  loaded: boolean;
}

export type NotificationsEvent =
  | { type: 'loaded'; items: Notification[]; unread: number }
  | { type: 'received'; notification: Notification }
  | { type: 'read'; id: string; at: string }
  | { type: 'read_all'; at: string };

export const initialNotifications: NotificationsState = { items: [], unread: 0, loaded: false };

/** Keeps the bell's list and unread count in step with the server and live events. */
export function notificationsReducer(state: NotificationsState, event: NotificationsEvent): NotificationsState {
  switch (event.type) {
    case 'loaded':
      return { items: event.items, unread: event.unread, loaded: true };
    case 'received': {
      // The same notification can arrive live and in a fetch that raced it.
      if (state.items.some((n) => n.id === event.notification.id)) return state;
      const unread = state.unread + (event.notification.readAt ? 0 : 1);
      return { ...state, items: [event.notification, ...state.items].slice(0, 50), unread };
    }
    case 'read': {
      const target = state.items.find((n) => n.id === event.id);
      if (!target || target.readAt) return state;
      return {
        ...state,
        items: state.items.map((n) => (n.id === event.id ? { ...n, readAt: event.at } : n)),
        unread: Math.max(0, state.unread - 1),
      };
    }
    case 'read_all':
      return { ...state, items: state.items.map((n) => (n.readAt ? n : { ...n, readAt: event.at })), unread: 0 };
  }
}
