import { useState } from 'react';
import type { AuditVerify } from '@e-cabinet/protocol';
import { errorText } from '../../api/errors';
import { useLocale, useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alerts';
import { useSubmit } from '../../ui/hooks';
import { auditApi } from './audit-api';

/** Re-walks the hash chain on the server and says whether, and where, it is broken. */
export function VerifyPanel() {
  const t = useT();
  const locale = useLocale();
  const [result, setResult] = useState<AuditVerify | null>(null);
  const { run, busy, error } = useSubmit(async () => {
    setResult(null);
    setResult(await auditApi.verify());
  });

  return (
    <div className="verify-panel">
      <button type="button" onClick={() => void run()} disabled={busy} aria-busy={busy}>
        {busy ? t('audit.verifying') : t('audit.verify')}
      </button>
      <div aria-live="polite">
        {result?.ok && (
          <p className="alert alert-success" data-testid="audit-verify-result">
            {t('audit.verifyOk', { checked: result.checked })}
          </p>
        )}
      </div>
      {result && !result.ok && (
        <div role="alert" className="alert alert-error" data-testid="audit-verify-result">
          <p>{t('audit.verifyBroken', { seq: result.brokenAtSeq ?? '?', checked: result.checked })}</p>
        </div>
      )}
      {error !== null && <ErrorAlert message={errorText(error, locale)} />}
    </div>
  );
}
