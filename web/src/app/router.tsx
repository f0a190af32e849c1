/** Routes come from the module registry: the shell names no page itself. */
import { Suspense } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { modules } from '../modules/registry';
import type { ModuleRoute } from '../modules/types';
import { AppLayout } from './layout/AppLayout';
import { RequireAuth } from './auth/RequireAuth';
import { RequirePermission } from './auth/RequirePermission';
import { FullPageSpin } from './FullPageSpin';
import { NotFound, RouteError } from './RouteError';

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
        <Component />
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
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [...modules.flatMap((m) => m.routes ?? []).map(pageRoute), { path: '*', element: <NotFound /> }],
  },
]);
