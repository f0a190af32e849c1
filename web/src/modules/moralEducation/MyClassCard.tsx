import { Button, Card, Skeleton, Typography } from 'antd';
import { ScheduleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { shanghaiToday } from '../../shared/time';
import { useMyClassPlan } from './api';

/** A student's home: today's ten-minute topic of their class, one tap from the fortnight's plan. */
export default function MyClassCard() {
  const { t } = useTranslation('moralEducation');
  const today = shanghaiToday().format('YYYY-MM-DD');
  const { data, isLoading } = useMyClassPlan(today, today);
  const day = data?.items[0];
  return (
    <Card title={data ? `${t('mine.title')} · ${data.className}` : t('mine.title')} extra={t('slot')} data-testid="home-me-my-class">
      {isLoading ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : !day?.schoolDay ? (
        <Typography.Paragraph type="secondary">{t('home.noSchoolToday')}</Typography.Paragraph>
      ) : (
        <Typography.Paragraph data-testid="home-me-my-class-topic">
          <Typography.Text type="secondary">{t('mine.todayTopic')}：</Typography.Text>
          {day.topic ?? t('mine.noTopic')}
        </Typography.Paragraph>
      )}
      <Link to="/moral-education/my-class">
        <Button block icon={<ScheduleOutlined />}>
          {t('mine.all')}
        </Button>
      </Link>
    </Card>
  );
}
