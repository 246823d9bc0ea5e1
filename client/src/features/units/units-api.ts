import type { CreateUnit, Unit, UnitList, UpdateUnit } from '@e-cabinet/protocol';
import { api } from '../../api/client';

export const unitsApi = {
  list: (signal?: AbortSignal) => api<UnitList>('/api/units', signal ? { signal } : {}),
  create: (body: CreateUnit) => api<Unit>('/api/units', { method: 'POST', body }),
  update: (id: string, body: UpdateUnit) => api<Unit>(`/api/units/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
};

/** Stable loader for `useResource`. */
export const loadUnits = (signal: AbortSignal) => unitsApi.list(signal).then((r) => r.items);
