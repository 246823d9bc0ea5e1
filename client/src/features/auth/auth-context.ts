import { createContext, useContext } from 'react';
import type { Locale, User } from '@e-cabinet/protocol';

/** Why the user is looking at the login page, when it was not their own doing. */
export type AuthNotice = 'auth.sessionEnded';

export type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous'; notice: AuthNotice | null }
  | { status: 'authenticated'; user: User };

export interface AuthContextValue {
  state: AuthState;
  /** Throws ApiRequestError with the server's message on failure. */
  login: (username: string, password: string) => Promise<void>;
  /** Never throws: the local session ends even if the server cannot be told. */
  logout: () => Promise<void>;
  /** The server ended the session (revoked, expired): back to the login page with a notice. */
  endSession: () => void;
  /** Switches the UI language and, when logged in, saves it to the user's profile. */
  changeLocale: (locale: Locale) => Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth needs an <AuthProvider>');
  return value;
}

/** The logged-in user; only for components rendered behind <RequireAuth>. */
export function useCurrentUser(): User {
  const { state } = useAuth();
  if (state.status !== 'authenticated') throw new Error('useCurrentUser outside <RequireAuth>');
  return state.user;
}
