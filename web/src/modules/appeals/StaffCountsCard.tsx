import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CountLinks } from '../../shared/CountLinks';
import { useAppeals, useGroupAlerts, type AppealFilters } from './api';

const one = { page: 1, pageSize: 1 };

/** Counts one appeal list answers with `total`; the link opens that same filtered list. */
function useListCount(filters: AppealFilters) {
  const { data } = useAppeals({ ...one, ...filters });
  return { count: data?.total, capped: data?.totalCapped };
}

/**
 * Union staff's and the chair's work to act on: new appeals waiting for acceptance, lights
 * about to turn or turned red, open group alerts. Each figure is the total of the filtered
 * list it links to, so the number and the list never disagree.
 */
export default function StaffCountsCard() {
  const { t } = useTranslation('appeals');
  const waiting = useListCount({ status: 'submitted' });
  const yellow = useListCount({ light: 'yellow' });
  const red = useListCount({ light: 'red' });
  const alerts = useGroupAlerts({ ...one, status: 'open' });
  return (
    <Card
      title={t('home.staffTitle')}
      extra={
        <Link to="/appeals/dashboard" data-testid="home-appeals-dashboard">
          {t('home.indicators')}
        </Link>
      }
    >
      <CountLinks
        testId="home-appeals-counts"
        items={[
          { key: 'appeals-waiting', label: t('home.waiting'), ...waiting, to: '/appeals?status=submitted' },
          { key: 'appeals-yellow', label: t('home.yellow'), ...yellow, to: '/appeals?light=yellow', tone: 'warning' },
          { key: 'appeals-red', label: t('home.red'), ...red, to: '/appeals?light=red', tone: 'danger' },
          { key: 'appeals-alerts', label: t('home.alerts'), count: alerts.data?.total, to: '/appeals/group-alerts?status=open', tone: 'danger' },
        ]}
      />
    </Card>
  );
}
