import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpin } from '../FullPageSpin';
import { useAuth } from '../../shared/auth/AuthContext';

/** Signed-out users go to the login page, which sends them back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session, loading } = useAuth();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (!session) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return children;
}
