import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale, User } from '@e-cabinet/protocol';
import { onUnauthorized } from '../../api/client';
import { getLocale, hasStoredLocale, setLocale } from '../../i18n';
import { authApi } from './auth-api';
import { AuthContext, type AuthContextValue, type AuthState } from './auth-context';

const SESSION_ENDED: AuthState = { status: 'anonymous', notice: 'auth.sessionEnded' };

/** Owns the session: who is logged in, and the transitions in and out. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const setUser = useCallback((user: User) => setState({ status: 'authenticated', user }), []);

  /**
   * A language picked on this device wins and is saved to the profile; with no choice here yet,
   * the profile's language is adopted.
   */
  const adoptUser = useCallback(
    (user: User) => {
      setUser(user);
      if (!hasStoredLocale()) {
        setLocale(user.locale);
      } else if (getLocale() !== user.locale) {
        authApi.savePreferences({ locale: getLocale() }).then((res) => setUser(res.user), () => {});
      }
    },
    [setUser],
  );

  useEffect(() => {
    const controller = new AbortController();
    authApi.me(controller.signal).then(
      (res) => adoptUser(res.user),
      () => {
        if (!controller.signal.aborted) setState({ status: 'anonymous', notice: null });
      },
    );
    return () => controller.abort();
  }, [adoptUser]);

  // Any 401 while logged in means the server no longer knows this session.
  useEffect(() => onUnauthorized(() => setState((s) => (s.status === 'authenticated' ? SESSION_ENDED : s))), []);

  const login = useCallback(
    async (username: string, password: string) => {
      const res = await authApi.login({ username, password });
      adoptUser(res.user);
    },
    [adoptUser],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // Unreachable server: the cookie may outlive us, but this screen must still log out.
    }
    setState({ status: 'anonymous', notice: null });
  }, []);

  const endSession = useCallback(() => setState(SESSION_ENDED), []);

  const changeLocale = useCallback(
    async (locale: Locale) => {
      setLocale(locale);
      if (state.status !== 'authenticated' || state.user.locale === locale) return;
      const res = await authApi.savePreferences({ locale });
      setUser(res.user);
    },
    [state, setUser],
  );

  const value = useMemo<AuthContextValue>(
    () => ({ state, login, logout, endSession, changeLocale }),
    [state, login, logout, endSession, changeLocale],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
