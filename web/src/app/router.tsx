/** Routes come from the module registry: the shell names no page itself. */
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { modules } from '../modules/registry';
import type { ModuleRoute } from '../modules/types';
import { preloadNamespace } from '../i18n';
import { RequireAuth } from './auth/RequireAuth';
import { RequirePermission } from './auth/RequirePermission';
import { FullPageSpin } from './FullPageSpin';
import { HomeCardsProvider } from './home/cards';
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
    children: [...modules.flatMap((m) => (m.routes ?? []).map((r) => pageRoute(r, m.id))), { path: '*', element: <NotFound /> }],
  },
]);
