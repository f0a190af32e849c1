import { Button, Card, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { shanghaiToday } from '../../shared/time';
import { useClassOptions } from '../../shared/school/useClassOptions';
import { useClassPlan } from './api';

/**
 * Today's ten minutes (13:50—14:00) for a teacher's class: the topic, and whether the head
 * teacher has recorded it. The head teacher's button opens the record; others read the class.
 */
export default function TodayCard() {
  const { t } = useTranslation('moralEducation');
  const { options, loading } = useClassOptions();
  const klass = options.find((o) => o.head) ?? options.find((o) => o.teaches);
  const today = shanghaiToday().format('YYYY-MM-DD');
  const { data, isLoading } = useClassPlan(klass?.id, today, today);
  if (!loading && !klass) return null;
  const day = data?.[0];
  const status = day?.session?.status ?? 'unrecorded';
  return (
    <Card title={klass ? `${t('today.title')} · ${klass.name}` : t('today.title')} extra={t('slot')} data-testid="home-me-today">
      {isLoading || loading ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : !day?.schoolDay ? (
        <Typography.Text type="secondary">{t('home.noSchoolToday')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph>
            <Typography.Text type="secondary">{t('today.topic')}：</Typography.Text>
            {day.session?.topic ?? day.topic ?? t('home.noTopic')}
          </Typography.Paragraph>
          <Typography.Paragraph>
            <Tag color={status === 'held' ? 'green' : status === 'skipped' ? 'orange' : 'default'} data-testid="home-me-status">
              {t(`status.${status}`)}
            </Tag>
          </Typography.Paragraph>
          <Link to={klass?.head ? '/moral-education/today' : '/moral-education/class'}>
            <Button type={klass?.head && status === 'unrecorded' ? 'primary' : 'default'} block>
              {klass?.head ? (status === 'unrecorded' ? t('home.record') : t('today.edit')) : t('home.view')}
            </Button>
          </Link>
        </>
      )}
    </Card>
  );
}
