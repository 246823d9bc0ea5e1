import { useRef, useState } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useT } from '../../i18n';
import { TextField } from '../../ui/Field';
import { FormError, useFormError } from '../../ui/FormError';
import { useDocumentTitle, useSubmit } from '../../ui/hooks';
import { LanguageSelect } from '../shell/LanguageSelect';
import { useAuth } from './auth-context';
import type { LoginRedirectState } from './RequireAuth';

export function LoginPage() {
  const t = useT();
  const { state, login } = useAuth();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);
  useDocumentTitle(t('auth.login.title'));

  const { run, busy, error } = useSubmit(async () => {
    try {
      await login(username.trim(), password);
    } catch (err) {
      setPassword('');
      passwordRef.current?.focus();
      throw err;
    }
  });
  const { fields, summary, details } = useFormError(error, ['username', 'password']);

  if (state.status === 'authenticated') {
    const from = (location.state as LoginRedirectState | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  }
  const notice = state.status === 'anonymous' && !error ? state.notice : null;

  return (
    <main className="login-page">
      <div className="login-card">
        <div className="login-lang">
          <LanguageSelect />
        </div>
        <p className="brand brand-large">{t('app.name')}</p>
        <p className="muted">{t('app.tagline')}</p>
        <h1>{t('auth.login.title')}</h1>
        {notice && (
          <div role="alert" className="alert alert-info">
            <p>{t(notice)}</p>
          </div>
        )}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <FormError summary={summary} details={details} hasFieldErrors={Object.keys(fields).length > 0} />
          <TextField
            label={t('auth.username')}
            value={username}
            onValueChange={setUsername}
            error={fields.username}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
          <TextField
            ref={passwordRef}
            type="password"
            label={t('auth.password')}
            value={password}
            onValueChange={setPassword}
            error={fields.password}
            autoComplete="current-password"
            required
          />
          <button type="submit" className="button-primary button-block" disabled={busy} aria-busy={busy}>
            {t('auth.login.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
