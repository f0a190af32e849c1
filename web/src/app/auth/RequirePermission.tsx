import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from './AuthContext';

/** Hiding the menu entry is not enough: a typed or bookmarked URL lands here too. */
export function RequirePermission({ permission, children }: { permission?: string; children: ReactNode }) {
  const { can } = useAuth();
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (!permission || can(permission)) return children;
  return (
    <Result
      status="403"
      title={t('page.forbiddenTitle')}
      subTitle={t('page.forbidden')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('page.home')}
        </Button>
      }
    />
  );
}
