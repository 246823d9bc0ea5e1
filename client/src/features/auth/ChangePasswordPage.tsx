import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../ui/Alerts';
import { TextField } from '../../ui/Field';
import { FormError, useFormError } from '../../ui/FormError';
import { useDocumentTitle, useSubmit } from '../../ui/hooks';
import { useToast } from '../../ui/Toasts';
import { authApi } from './auth-api';

export function ChangePasswordPage() {
  const t = useT();
  const toast = useToast();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  useDocumentTitle(t('password.title'));

  const { run, busy, error } = useSubmit(async () => {
    await authApi.changePassword({ currentPassword: current, newPassword: next });
    toast(t('password.changed'));
    navigate('/');
  });
  const { fields, summary, details } = useFormError(error, ['currentPassword', 'newPassword']);

  return (
    <section className="page page-narrow">
      <h1>{t('password.title')}</h1>
      <form
        noValidate
        className="form-card"
        onSubmit={(e) => {
          e.preventDefault();
          // Checked here because the server only ever sees the new password once.
          const differs = next !== confirm;
          setMismatch(differs);
          if (!differs) void run();
        }}
      >
        {mismatch ? (
          <ErrorAlert message={t('common.fixFields')} />
        ) : (
          <FormError summary={summary} details={details} hasFieldErrors={Object.keys(fields).length > 0} />
        )}
        <TextField
          type="password"
          label={t('password.current')}
          value={current}
          onValueChange={setCurrent}
          error={fields.currentPassword}
          autoComplete="current-password"
          required
        />
        <TextField
          type="password"
          label={t('password.new')}
          value={next}
          onValueChange={setNext}
          error={fields.newPassword}
          hint={t('password.hint')}
          autoComplete="new-password"
          required
        />
        <TextField
          type="password"
          label={t('password.confirm')}
          value={confirm}
          onValueChange={setConfirm}
          error={mismatch ? t('password.mismatch') : undefined}
          autoComplete="new-password"
          required
        />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy} aria-busy={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
