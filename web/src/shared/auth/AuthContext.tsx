import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { setUnauthorizedHandler } from '../../api/client';
import { hasStoredLanguage, setLanguage, toLanguage } from '../../i18n';
import { fetchSession, forgetSession, signIn, signOut, type Credentials, type Session } from './session';

export const SESSION_KEY = ['auth', 'session'] as const;

interface AuthValue {
  session: Session | null;
  /** True only until the first /auth/me answer. */
  loading: boolean;
  can: (permission: string) => boolean;
  login: (credentials: Credentials) => Promise<Session>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { data, isPending, refetch } = useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Infinity,
    retry: false,
  });
  const session = data ?? null;

  // A session kept from an earlier visit while offline: ask the server again as soon as the
  // network is back, and every little while in case the browser never says so.
  const offline = session?.offline === true;
  useEffect(() => {
    if (!offline) return;
    const again = () => void refetch();
    window.addEventListener('online', again);
    const id = setInterval(again, 15_000);
    return () => {
      window.removeEventListener('online', again);
      clearInterval(id);
    };
  }, [offline, refetch]);

  // Any 401 means the session ended (expired, revoked elsewhere): drop it, and the
  // route guard sends the user to the login page.
  useEffect(() => {
    setUnauthorizedHandler(() => {
      forgetSession();
      queryClient.setQueryData(SESSION_KEY, null);
    });
    return () => setUnauthorizedHandler(undefined);
  }, [queryClient]);

  const login = useCallback(
    async (credentials: Credentials) => {
      const s = await signIn(credentials);
      // Another user's cached lists must not show through.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, s);
      // The account's language applies until the user picks one on this browser.
      if (!hasStoredLanguage() && s.account.locale) setLanguage(toLanguage(s.account.locale), false);
      return s;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await signOut();
    } finally {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, null);
    }
  }, [queryClient]);

  const value = useMemo<AuthValue>(() => {
    const perms = new Set(session?.permissions ?? []);
    return { session, loading: isPending, can: (p) => perms.has(p), login, logout };
  }, [session, isPending, login, logout]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}
