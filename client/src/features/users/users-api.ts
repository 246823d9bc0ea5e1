import type { CreateUser, ResetPassword, Role, UpdateUser, User, UserList } from '@e-cabinet/protocol';
import { api } from '../../api/client';

export interface UserFilter {
  q?: string;
  role?: Role | '';
}

export const usersApi = {
  list: (filter: UserFilter, signal?: AbortSignal) =>
    api<UserList>('/api/users', { query: { q: filter.q?.trim(), role: filter.role }, ...(signal ? { signal } : {}) }),
  create: (body: CreateUser) => api<User>('/api/users', { method: 'POST', body }),
  update: (id: string, body: UpdateUser) => api<User>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  resetPassword: (id: string, body: ResetPassword) =>
    api<void>(`/api/users/${encodeURIComponent(id)}/reset-password`, { method: 'POST', body }),
};
