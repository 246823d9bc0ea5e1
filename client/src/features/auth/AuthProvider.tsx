import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale, User } from '@e-cabinet/protocol';
import { onUnauthorized } from '../../api/client';
import { getLocale, hasStoredLocale, setLocale } from '../../i18n';
import { clearOfflineData, stopOfflineSync } from '../offline/offline-data';
import { authApi } from './auth-api';
import { AuthContext, type AuthContextValue, type AuthState } from './auth-context';

const SESSION_ENDED: AuthState = { status: 'anonymous', notice: 'auth.sessionEnded' };
/** Closing the open annotation layers must not hold up a logout (a chunk that will not load). */
const CLOSE_COLLAB_TIMEOUT_MS = 2000;

/**
 * Closes the open collab docs (sockets, y-indexeddb handles) so the wipe can delete their
 * databases instead of waiting on them, and no late update writes into a deleted one. Loaded on
 * demand: Yjs stays out of the main bundle. Never rejects, and gives up after a bound.
 */
function closeCollabDocs(): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, CLOSE_COLLAB_TIMEOUT_MS);
    void import('../collab/collab-session')
      .then((m) => m.closeAllCollab())
      .catch(() => {
        // Not loaded (offline, a new deployment): the wipe's own bound covers what stays open.
      })
      .finally(() => {
        clearTimeout(timer);
        resolve();
      });
  });
}

/** Everything of the user's goes from this device: open layers first, then the stored data. */
async function wipeDevice(): Promise<void> {
  await closeCollabDocs();
  await clearOfflineData();
}

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
  useEffect(
    () =>
      onUnauthorized(() => {
        void wipeDevice().then(() => setState((s) => (s.status === 'authenticated' ? SESSION_ENDED : s)));
      }),
    [],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const res = await authApi.login({ username, password });
      adoptUser(res.user);
    },
    [adoptUser],
  );

  const logout = useCallback(async () => {
    // No more downloads for this user while the server forgets the session.
    void stopOfflineSync();
    try {
      await authApi.logout();
    } catch {
      // Unreachable server: the cookie may outlive us, but this screen must still log out.
    }
    // The user's stored documents, API answers and local annotations go before the login page shows.
    await wipeDevice();
    setState({ status: 'anonymous', notice: null });
  }, []);

  const endSession = useCallback(() => {
    void wipeDevice().then(() => setState(SESSION_ENDED));
  }, []);

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
