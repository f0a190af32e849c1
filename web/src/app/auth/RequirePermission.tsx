import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyStatusResult } from '../RouteError';
import { useAuth } from '../../shared/auth/AuthContext';

/** Hiding the menu entry is not enough: a typed or bookmarked URL lands here too. */
export function RequirePermission({ permission, children }: { permission?: string; children: ReactNode }) {
  const { can } = useAuth();
  const { t } = useTranslation();
  if (!permission || can(permission)) return children;
  return <LazyStatusResult status="403" title={t('page.forbiddenTitle')} subTitle={t('page.forbidden')} />;
}
