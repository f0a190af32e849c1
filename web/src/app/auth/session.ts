/** The signed-in user as /auth/login and /auth/me describe it. */
import { api, setCsrfToken } from '../../api/client';
import { isApiError } from '../../api/problem';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  locale: string | null;
}

export interface RoleGrant {
  role: string;
  /** null for a system-wide grant. */
  orgId: string | null;
  orgName: string | null;
}

export interface Session {
  account: Account;
  roles: RoleGrant[];
  permissions: string[];
  csrfToken: string;
}

export interface Credentials {
  /** Username or phone number. */
  login: string;
  password: string;
}

/** null when nobody is signed in: a 401 here is an answer, not an error. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const s = await api.get<Session>('/auth/me', undefined, { expectUnauthorized: true });
    setCsrfToken(s.csrfToken);
    return s;
  } catch (err) {
    if (isApiError(err) && err.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw err;
  }
}

export async function signIn(credentials: Credentials): Promise<Session> {
  const s = await api.post<Session>('/auth/login', credentials, { expectUnauthorized: true });
  setCsrfToken(s.csrfToken);
  return s;
}

export async function signOut(): Promise<void> {
  try {
    await api.post('/auth/logout', undefined, { expectUnauthorized: true });
  } finally {
    setCsrfToken(undefined);
  }
}
