import { Alert, Card, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCalendarStatus } from './api';

/**
 * Deadlines count working days; a year whose holiday arrangement is not imported yet counts
 * them wrong. The admin sees that here before the year turns.
 */
export default function WarningCard() {
  const { t } = useTranslation('calendar');
  const { data, isLoading } = useCalendarStatus();
  return (
    <Card
      title={t('title')}
      extra={
        <Link to="/calendar" data-testid="home-calendar-open">
          {t('home.open')}
        </Link>
      }
      data-testid="home-calendar"
    >
      {isLoading ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : data?.warning ? (
        <Alert type="warning" showIcon message={data.warning.message} data-testid="home-calendar-warning" />
      ) : (
        <Typography.Text type="secondary">{t('home.ok', { years: (data?.years ?? []).map((y) => y.year).join('、') })}</Typography.Text>
      )}
    </Card>
  );
}
