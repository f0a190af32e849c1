import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import type { StatusResultProps } from './StatusResult';

const StatusResult = lazy(() => import('./StatusResult'));

/** A status page, loaded only when one is shown. */
export function LazyStatusResult(props: StatusResultProps) {
  return (
    <Suspense fallback={null}>
      <StatusResult {...props} />
    </Suspense>
  );
}

/**
 * A page that threw while rendering, or whose chunk failed to load (typically right after a
 * deploy replaced the hashed files): offer a reload instead of a blank screen.
 */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  console.error(error);
  return <LazyStatusResult status="error" title={t('page.crashTitle')} subTitle={t('page.crash')} reload />;
}

export function NotFound() {
  const { t } = useTranslation();
  return <LazyStatusResult status="404" title={t('page.notFoundTitle')} subTitle={t('page.notFound')} />;
}
