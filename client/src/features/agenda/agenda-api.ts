import type { AgendaItem, CreateAgendaItem, UpdateAgendaItem } from '@e-cabinet/protocol';
import { api } from '../../api/client';

type Items = { items: AgendaItem[] };
const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/agenda`;
const items = (r: Items) => r.items;

/** Every change answers with the whole agenda in its new order. */
export const agendaApi = {
  list: (meetingId: string, signal?: AbortSignal) => api<Items>(base(meetingId), signal ? { signal } : {}).then(items),
  create: (meetingId: string, body: CreateAgendaItem) => api<Items>(base(meetingId), { method: 'POST', body }).then(items),
  update: (meetingId: string, itemId: string, body: UpdateAgendaItem) =>
    api<Items>(`${base(meetingId)}/${encodeURIComponent(itemId)}`, { method: 'PATCH', body }).then(items),
  remove: (meetingId: string, itemId: string) =>
    api<Items>(`${base(meetingId)}/${encodeURIComponent(itemId)}`, { method: 'DELETE' }).then(items),
  reorder: (meetingId: string, itemIds: readonly string[]) =>
    api<Items>(`${base(meetingId)}/order`, { method: 'PUT', body: { itemIds: [...itemIds] } }).then(items),
};
