import type { ReactNode } from 'react';
import { useT } from '../i18n';

/** An error the user must notice: announced at once by screen readers. */
export function ErrorAlert({ message, details, children }: { message: string; details?: readonly string[]; children?: ReactNode }) {
  return (
    <div role="alert" className="alert alert-error">
      <p>{message}</p>
      {details && details.length > 0 && (
        <ul>
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}

interface LoadStateProps {
  loading: boolean;
  error: string | null;
  hasData: boolean;
  onRetry: () => void;
  children: ReactNode;
}

/** Loading, error-with-retry, or the content (kept visible while a reload is in flight). */
export function LoadState({ loading, error, hasData, onRetry, children }: LoadStateProps) {
  const t = useT();
  const errorBox = error && (
    <ErrorAlert message={`${t('common.loadFailed')} ${error}`}>
      <button type="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </ErrorAlert>
  );
  if (!hasData) {
    if (errorBox) return errorBox;
    return <p className="muted loading">{t('common.loading')}</p>;
  }
  return (
    <>
      {errorBox}
      <div aria-busy={loading}>{children}</div>
    </>
  );
}

/** A friendly empty state with a heading and one line of explanation. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}
