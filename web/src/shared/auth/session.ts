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
  /**
   * True when the server could not be reached and this is the last session this browser saw:
   * a worker on a mine network keeps their form (and its draft) instead of being sent to sign
   * in; the app asks again when the network returns, and no write can succeed meanwhile.
   */
  offline?: boolean;
}

export interface Credentials {
  /** Username or phone number. */
  login: string;
  password: string;
}

// The session cookie is httpOnly, so the page cannot tell whether it has one; asking
// /auth/me without one answers 401, which the browser logs as a console error on every
// visit to the sign-in page. So this browser remembers its last answer and does not ask
// when it knows it is signed out, nor on the sign-in page unless it knows it is signed in
// (then the page sends the user on). Elsewhere, not knowing (a first visit) still asks.
const SIGNED_IN_KEY = 'xq.signedIn';

function rememberSignedIn(signedIn: boolean): void {
  try {
    localStorage.setItem(SIGNED_IN_KEY, signedIn ? '1' : '0');
  } catch {}
}

function needNotAsk(): boolean {
  let known: string | null = null;
  try {
    known = localStorage.getItem(SIGNED_IN_KEY);
  } catch {}
  return known === '0' || (known === null && window.location.pathname === '/login');
}

// The last session seen, without its CSRF token (no write can be made from it), for when the network is gone.
const LAST_SESSION_KEY = 'xq.lastSession';

function rememberSession(s: Session): void {
  try {
    const { csrfToken: _token, offline: _offline, ...kept } = s;
    localStorage.setItem(LAST_SESSION_KEY, JSON.stringify(kept));
  } catch {}
}

function lastSession(): Session | null {
  try {
    const kept = localStorage.getItem(LAST_SESSION_KEY);
    return kept ? { ...(JSON.parse(kept) as Omit<Session, 'csrfToken'>), csrfToken: '', offline: true } : null;
  } catch {
    return null;
  }
}

/** The session ended (signed out, expired, revoked): the next visit need not ask the server. */
export function forgetSession(): void {
  setCsrfToken(undefined);
  rememberSignedIn(false);
  try {
    localStorage.removeItem(LAST_SESSION_KEY);
  } catch {}
}

/** null when nobody is signed in: a 401 here is an answer, not an error. */
export async function fetchSession(): Promise<Session | null> {
  if (needNotAsk()) {
    setCsrfToken(undefined);
    return null;
  }
  try {
    const s = await api.get<Session>('/auth/me', undefined, { expectUnauthorized: true });
    setCsrfToken(s.csrfToken);
    rememberSignedIn(true);
    rememberSession(s);
    return s;
  } catch (err) {
    if (isApiError(err) && err.status === 401) {
      forgetSession();
      return null;
    }
    // No answer at all (offline, server unreachable): not a signed-out answer.
    if (isApiError(err) && err.status === 0) {
      const last = lastSession();
      if (last) return last;
    }
    throw err;
  }
}

export async function signIn(credentials: Credentials): Promise<Session> {
  const s = await api.post<Session>('/auth/login', credentials, { expectUnauthorized: true });
  setCsrfToken(s.csrfToken);
  rememberSignedIn(true);
  rememberSession(s);
  return s;
}

export async function signOut(): Promise<void> {
  try {
    await api.post('/auth/logout', undefined, { expectUnauthorized: true });
  } finally {
    forgetSession();
  }
}
