import { Card, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RateStat } from '../../shared/school/Stat';
import { useClassOptions } from '../../shared/school/useClassOptions';
import { useClassDashboard } from './api';
import '../../shared/school/school.css';

/** A teacher's class this week in 心桥: how many pages both sides wrote, replied and read. */
export default function ClassCoverageCard() {
  const { t } = useTranslation('heartBridge');
  const { options, loading } = useClassOptions();
  const klass = options.find((o) => o.head) ?? options.find((o) => o.teaches);
  const { data, isLoading } = useClassDashboard(klass?.id);
  if (!loading && !klass) return null;
  return (
    <Card
      title={klass ? `${t('home.title')} · ${klass.name}` : t('home.title')}
      extra={
        klass && (
          <Link to={`/heart-bridge/class?class=${klass.id}`} data-testid="home-hb-class-open">
            {t('dash.weekView')}
          </Link>
        )
      }
      data-testid="home-hb-class"
    >
      {isLoading || loading ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <Flex wrap gap={24}>
          <RateStat label={t('dash.coverage')} figure={data?.week?.coverage} testId="home-hb-coverage" />
          <RateStat label={t('dash.replyRate')} figure={data?.week?.replyRate} />
          <RateStat label={t('dash.readRate')} figure={data?.week?.readRate} />
        </Flex>
      )}
    </Card>
  );
}
