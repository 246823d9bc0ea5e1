import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import type { Role } from '@e-cabinet/protocol';
import { useT } from '../../i18n';
import { useDocumentTitle } from '../../ui/hooks';
import { useAuth } from './auth-context';

export interface LoginRedirectState {
  from?: string;
}

/** Renders its children only for a logged-in user; otherwise sends them to /login and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  const t = useT();
  if (state.status === 'loading') {
    return <p className="splash">{t('app.loading')}</p>;
  }
  if (state.status === 'anonymous') {
    const redirect: LoginRedirectState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={redirect} />;
  }
  return children;
}

/** Guards a subtree of routes by global role. */
export function RequireRole({ role }: { role: Role }) {
  const { state } = useAuth();
  if (state.status === 'authenticated' && state.user.role === role) return <Outlet />;
  return <Forbidden />;
}

function Forbidden() {
  const t = useT();
  useDocumentTitle(t('forbidden.title'));
  return (
    <section className="page">
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.body')}</p>
    </section>
  );
}
