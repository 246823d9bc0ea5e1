import { useCallback, useMemo, useState } from 'react';
import type { AuditEntry } from '@e-cabinet/protocol';
import { errorText } from '../../api/errors';
import { useLocale, useT } from '../../i18n';
import { EmptyState, ErrorAlert, LoadState } from '../../ui/Alerts';
import { useDocumentTitle, useResource, useSubmit } from '../../ui/hooks';
import { usersApi } from '../users/users-api';
import { AUDIT_PAGE_SIZE, auditApi } from './audit-api';
import { AuditTable } from './AuditTable';
import { VerifyPanel } from './VerifyPanel';

const loadNewest = (signal: AbortSignal) => auditApi.list(undefined, signal).then((r) => r.items);
const loadPeople = (signal: AbortSignal) => usersApi.list({}, signal).then((r) => r.items);

export function AuditPage() {
  const t = useT();
  const locale = useLocale();
  useDocumentTitle(t('audit.title'));

  const newest = useResource(loadNewest);
  const people = useResource(loadPeople);
  // Older pages, appended by "load more"; the first page comes from `newest`.
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [lastPageFull, setLastPageFull] = useState<boolean | null>(null);

  const entries = useMemo(() => [...(newest.data ?? []), ...older], [newest.data, older]);
  const hasMore = lastPageFull ?? (newest.data?.length ?? 0) >= AUDIT_PAGE_SIZE;

  const more = useSubmit(async () => {
    const before = entries.at(-1)?.seq;
    const page = (await auditApi.list(before)).items;
    setOlder((list) => [...list, ...page]);
    setLastPageFull(page.length >= AUDIT_PAGE_SIZE);
  });

  const names = useMemo(
    () => new Map((people.data ?? []).map((u) => [u.id, `${u.fullName} (${u.username})`])),
    [people.data],
  );
  const actorName = useCallback((id: string) => names.get(id) ?? id, [names]);

  return (
    <section className="page">
      <div className="page-header">
        <h1>{t('audit.title')}</h1>
        <VerifyPanel />
      </div>
      <LoadState loading={newest.loading} error={newest.error} hasData={newest.data !== undefined} onRetry={newest.reload}>
        {entries.length === 0 ? (
          <EmptyState title={t('audit.empty')} />
        ) : (
          <>
            <AuditTable entries={entries} actorName={actorName} />
            {more.error !== null && <ErrorAlert message={errorText(more.error, locale)} />}
            <div className="list-footer">
              {hasMore ? (
                <button type="button" onClick={() => void more.run()} disabled={more.busy} aria-busy={more.busy}>
                  {t('audit.loadMore')}
                </button>
              ) : (
                <p className="muted">{t('audit.end')}</p>
              )}
            </div>
          </>
        )}
      </LoadState>
    </section>
  );
}
