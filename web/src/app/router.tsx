/** Routes come from the module registry: the shell names no page itself. */
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { modules } from '../modules/registry';
import type { ModuleRoute } from '../modules/types';
import { RequireAuth } from './auth/RequireAuth';
import { RequirePermission } from './auth/RequirePermission';
import { FullPageSpin } from './FullPageSpin';
import { NotFound, RouteError } from './RouteError';

// The signed-in frame (header, bell, menu) is not needed to sign in: the sign-in page
// paints without it and fetches it while the user types.
const loadShell = () => import('./layout/AppLayout').then((m) => ({ default: m.AppLayout }));
const AppLayout = lazy(loadShell);

function PrefetchShell({ children }: { children: ReactNode }) {
  useEffect(() => {
    const id = setTimeout(() => void loadShell().catch(() => undefined), 300);
    return () => clearTimeout(id);
  }, []);
  return children;
}

function pageRoute({ path, component: Component, permission }: ModuleRoute): RouteObject {
  const element = (
    <RequirePermission permission={permission}>
      <Component />
    </RequirePermission>
  );
  // errorElement per page keeps the menu usable when one page fails.
  return path === '' ? { index: true, element, errorElement: <RouteError /> } : { path, element, errorElement: <RouteError /> };
}

function publicRoute({ path, component: Component }: ModuleRoute): RouteObject {
  return {
    path: `/${path}`,
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <PrefetchShell>
          <Component />
        </PrefetchShell>
      </Suspense>
    ),
    errorElement: <RouteError />,
  };
}

export const router = createBrowserRouter([
  ...modules.flatMap((m) => m.publicRoutes ?? []).map(publicRoute),
  {
    path: '/',
    element: (
      <RequireAuth>
        <Suspense fallback={<FullPageSpin />}>
          <AppLayout />
        </Suspense>
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [...modules.flatMap((m) => m.routes ?? []).map(pageRoute), { path: '*', element: <NotFound /> }],
  },
]);
