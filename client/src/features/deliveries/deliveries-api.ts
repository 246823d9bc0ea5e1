import type { Delivery, DeliveryList, DeliveryStatus, MeetingDeliveries } from '@e-cabinet/protocol';
import { api } from '../../api/client';

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export const deliveriesApi = {
  forMeeting: (meetingId: string, signal?: AbortSignal) => api<MeetingDeliveries>(`/api/meetings/${encodeURIComponent(meetingId)}/deliveries`, withSignal(signal)).then((r) => r.packages),
  list: (status: DeliveryStatus | undefined, signal?: AbortSignal) => api<DeliveryList>('/api/admin/deliveries', { query: { status }, ...withSignal(signal) }).then((r) => r.items),
  retry: (id: string) => api<Delivery>(`/api/admin/deliveries/${encodeURIComponent(id)}/retry`, { method: 'POST' }),
};
