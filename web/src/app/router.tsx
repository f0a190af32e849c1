/** Routes come from the module registry: the shell names no page itself. */
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { createBrowserRouter, matchPath, useLocation, type RouteObject } from 'react-router';
import { modules } from '../modules/registry';
import type { ModuleRoute } from '../modules/types';
import { preloadNamespace } from '../i18n';
import { RequireAuth } from './auth/RequireAuth';
import { RequirePermission } from './auth/RequirePermission';
import { FullPageSpin } from './FullPageSpin';
import { HomeCardsProvider } from '../shared/home/cards';
import { NotFound, RouteError } from './RouteError';

// The signed-in frame (header, bell, menu) is not needed to sign in: the sign-in page
// paints without it and fetches it while the user types.
const loadShell = () => import('./layout/AppLayout').then((m) => ({ default: m.AppLayout }));
const AppLayout = lazy(loadShell);

const lightPaths = modules.flatMap((m) => (m.routes ?? []).filter((r) => r.light).map((r) => `/${r.path}`));

/** Not when the user signs in on the way to a light page: that path must not download antd. */
function PrefetchShell({ children }: { children: ReactNode }) {
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const toLight = lightPaths.some((p) => matchPath(p, from.split('?')[0]));
  useEffect(() => {
    if (toLight) return;
    const id = setTimeout(() => void loadShell().catch(() => undefined), 300);
    return () => clearTimeout(id);
  }, [toLight]);
  return children;
}

/** Asks for the module's strings as its page starts loading, not after the page's code has arrived. */
function WithNamespace({ ns, children }: { ns: string; children: ReactNode }) {
  preloadNamespace(ns);
  return children;
}

function pageRoute({ path, component: Component, permission }: ModuleRoute, ns: string): RouteObject {
  const element = (
    <RequirePermission permission={permission}>
      <WithNamespace ns={ns}>
        <Component />
      </WithNamespace>
    </RequirePermission>
  );
  // errorElement per page keeps the menu usable when one page fails.
  return path === '' ? { index: true, element, errorElement: <RouteError /> } : { path, element, errorElement: <RouteError /> };
}

/** Signed-in, but outside the antd shell: the light phone path never downloads antd. */
function lightRoute(route: ModuleRoute, ns: string): RouteObject {
  const { path, component: Component, permission } = route;
  return {
    path: `/${path}`,
    element: (
      <RequireAuth>
        <RequirePermission permission={permission}>
          <Suspense fallback={<FullPageSpin />}>
            <WithNamespace ns={ns}>
              <Component />
            </WithNamespace>
          </Suspense>
        </RequirePermission>
      </RequireAuth>
    ),
    errorElement: <RouteError />,
  };
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

// Handed to the home page through context: the page belongs to a module, and importing the
// registry from it would close a cycle (registry → dashboard → home page → registry).
const homeCards = modules.flatMap((m) => (m.homeCards ?? []).map((c) => ({ ...c, ns: m.id })));

export const router = createBrowserRouter([
  ...modules.flatMap((m) => m.publicRoutes ?? []).map(publicRoute),
  ...modules.flatMap((m) => (m.routes ?? []).filter((r) => r.light).map((r) => lightRoute(r, m.id))),
  {
    path: '/',
    element: (
      <RequireAuth>
        <Suspense fallback={<FullPageSpin />}>
          <HomeCardsProvider cards={homeCards}>
            <AppLayout />
          </HomeCardsProvider>
        </Suspense>
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [...modules.flatMap((m) => (m.routes ?? []).filter((r) => !r.light).map((r) => pageRoute(r, m.id))), { path: '*', element: <NotFound /> }],
  },
]);
