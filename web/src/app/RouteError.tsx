import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router';

/**
 * A page that threw while rendering, or whose chunk failed to load (typically right after a
 * deploy replaced the hashed files): offer a reload instead of a blank screen.
 */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  console.error(error);
  return (
    <Result
      status="error"
      title={t('page.crashTitle')}
      subTitle={t('page.crash')}
      extra={[
        <Button key="reload" type="primary" onClick={() => window.location.reload()}>
          {t('page.reload')}
        </Button>,
        <Button key="home" onClick={() => navigate('/')}>
          {t('page.home')}
        </Button>,
      ]}
    />
  );
}

export function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('page.notFoundTitle')}
      subTitle={t('page.notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('page.home')}
        </Button>
      }
    />
  );
}
