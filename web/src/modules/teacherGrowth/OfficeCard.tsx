import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOverseenSchool, usePlanTotal, usePromotions } from './api';

/** The office's home card: the school's plans and the promotions awaiting the principal. */
export default function OfficeCard() {
  const { t } = useTranslation('teacherGrowth');
  const me = useOverseenSchool();
  const schoolId = me.data ?? undefined;
  const plans = usePlanTotal('school', schoolId);
  const promotions = usePromotions(schoolId);
  const pending = (promotions.data ?? []).filter((p) => p.status === 'proposed').length;
  return (
    <Card title={t('home.office')} loading={plans.isLoading} extra={<Link to="/teacher-growth/office">{t('home.open')}</Link>}>
      <Flex vertical gap={4}>
        <Typography.Text>{t('home.plansTotal', { n: plans.data ?? 0 })}</Typography.Text>
        <Typography.Text>{t('home.pending', { n: pending })}</Typography.Text>
      </Flex>
    </Card>
  );
}
