import { useT } from '../../i18n';
import { closeMessageKey } from './close-messages';
import type { CollabStatus } from './collab-state';
import type { CollabDoc } from './use-collab-doc';

export interface NamedCollab {
  /** Shown before a refusal message ("Ghi chú chia sẻ: …"). */
  label: string;
  collab: Pick<CollabDoc, 'status' | 'onlyLocal' | 'refusedCode'>;
}

/**
 * One status for several docs shown together: offline or connecting if any is (the user's
 * marks may be waiting), synced when every doc still working is; refused only when all are.
 */
export function combinedStatus(statuses: readonly CollabStatus[]): CollabStatus {
  const working = statuses.filter((s) => s !== 'refused');
  if (working.length === 0) return statuses.length ? 'refused' : 'connecting';
  if (working.includes('offline')) return 'offline';
  if (working.includes('connecting')) return 'connecting';
  return 'synced';
}

const STATUS_KEY = {
  connecting: 'collab.status.connecting',
  synced: 'collab.status.synced',
  offline: 'collab.status.offline',
  refused: 'collab.status.refused',
} as const satisfies Record<CollabStatus, string>;

/** The sync state of the docs behind a view, the "saved on this device only" flag, and why a doc was refused. */
export function CollabIndicator({ docs }: { docs: readonly NamedCollab[] }) {
  const t = useT();
  const status = combinedStatus(docs.map((d) => d.collab.status));
  const onlyLocal = docs.some((d) => d.collab.onlyLocal);
  const refused = docs.filter((d) => d.collab.refusedCode !== null);
  return (
    <div className="collab-indicator">
      <p className={`collab-status is-${status}`} aria-live="polite">
        <span className="collab-dot" aria-hidden="true" />
        {t(STATUS_KEY[status])}
        {onlyLocal && (
          <span className="only-local" data-testid="only-local" title={t('collab.onlyLocalHint')}>
            {t('collab.onlyLocal')}
          </span>
        )}
      </p>
      {refused.map((d) => (
        <p key={d.label} className="alert alert-warning collab-refused" role="alert">
          {d.label}: {t(closeMessageKey(d.collab.refusedCode ?? 0))}
        </p>
      ))}
    </div>
  );
}
