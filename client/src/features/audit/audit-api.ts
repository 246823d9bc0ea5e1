import type { AuditEntry, AuditVerify } from '@e-cabinet/protocol';
import { api } from '../../api/client';

export const AUDIT_PAGE_SIZE = 50;

export const auditApi = {
  /** Newest first; `before` is a seq: only entries older than it. */
  list: (before: number | undefined, signal?: AbortSignal) =>
    api<{ items: AuditEntry[] }>('/api/audit', {
      query: { before, limit: AUDIT_PAGE_SIZE },
      ...(signal ? { signal } : {}),
    }),
  verify: () => api<AuditVerify>('/api/audit/verify'),
};
