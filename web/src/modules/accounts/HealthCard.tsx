import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Webhook } from '@common/schemas/notify';
import { api } from '../../api/client';
import { CountLinks } from '../../shared/CountLinks';
import { useAccounts } from './api';

interface JobStatus {
  name: string;
  lastError: string | null;
}

/**
 * The system admin's look at the deployment: accounts, and whether jobs and group robots
 * are failing. Counts come from the same lists the admin would open.
 */
export default function HealthCard() {
  const { t } = useTranslation('accounts');
  const all = useAccounts({ page: 1, pageSize: 1 });
  const jobs = useQuery({ queryKey: ['jobs'], queryFn: () => api.get<{ items: JobStatus[] }>('/jobs') });
  const hooks = useQuery({ queryKey: ['webhooks'], queryFn: () => api.get<{ items: Webhook[] }>('/webhooks') });
  const failingJobs = jobs.data?.items.filter((j) => j.lastError).length;
  const failingHooks = hooks.data?.items.filter((h) => h.failed > 0 || h.lastError).length;
  return (
    <Card title={t('home.title')} data-testid="home-admin-health">
      <CountLinks
        testId="home-admin-counts"
        items={[
          { key: 'accounts-total', label: t('home.accounts'), count: all.data?.total, to: '/admin/accounts' },
          { key: 'jobs-failing', label: failingJobs === 0 ? t('home.jobsOk') : t('home.jobsFailing'), count: failingJobs, tone: 'danger' },
          {
            key: 'webhooks-failing',
            label: failingHooks === 0 ? t('home.webhooksOk') : t('home.webhooksFailing'),
            count: failingHooks,
            to: '/webhooks',
            tone: 'danger',
          },
        ]}
      />
    </Card>
  );
}
