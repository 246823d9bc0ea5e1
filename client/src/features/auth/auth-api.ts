import type { ChangePassword, Login, Me, UpdatePreferences } from '@e-cabinet/protocol';
import { api } from '../../api/client';

export const authApi = {
  me: (signal?: AbortSignal) => api<Me>('/api/auth/me', signal ? { signal } : {}),
  login: (body: Login) => api<Me>('/api/auth/login', { method: 'POST', body }),
  logout: () => api<void>('/api/auth/logout', { method: 'POST' }),
  savePreferences: (body: UpdatePreferences) => api<Me>('/api/auth/me', { method: 'PATCH', body }),
  changePassword: (body: ChangePassword) => api<void>('/api/auth/password', { method: 'POST', body }),
};
