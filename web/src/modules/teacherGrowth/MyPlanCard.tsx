import { Card, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePlans } from './api';
import { PlanStatusTag } from './labels';

/** A teacher's own plan on the home page: where it stands and this year's progress. */
export default function MyPlanCard() {
  const { t } = useTranslation('teacherGrowth');
  const { data, isLoading } = usePlans('mine');
  const plan = (data ?? []).find((p) => p.status !== 'complete') ?? data?.[0];
  return (
    <Card title={t('home.mine')} loading={isLoading} extra={<Link to="/teacher-growth">{t('home.open')}</Link>}>
      {plan ? (
        <Flex justify="space-between" align="center" gap={8}>
          <Link to={`/teacher-growth/plans/${plan.id}`} style={{ minWidth: 0 }}>
            <Typography.Text ellipsis>{plan.title}</Typography.Text>
          </Link>
          <PlanStatusTag status={plan.status} />
        </Flex>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.none')} />
      )}
    </Card>
  );
}
