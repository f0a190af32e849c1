import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSuggestions } from './api';

/** The desk's queue on the home page: suggestions waiting for first review, and those waiting for the caller's scores. */
export default function DeskCard() {
  const { t } = useTranslation('suggestions');
  const review = useSuggestions({ page: 1, pageSize: 1, status: 'submitted' });
  const score = useSuggestions({ page: 1, pageSize: 1, status: 'evaluating', assigned: '1' });
  return (
    <Card title={t('home.desk')} extra={<Link to="/suggestions/statistics">{t('list.statistics')}</Link>}>
      <Flex vertical gap={8}>
        <Link to="/suggestions?status=submitted">
          <Typography.Text>{t('home.toReview', { n: review.data?.total ?? 0 })}</Typography.Text>
        </Link>
        <Link to="/suggestions?status=evaluating&assigned=1">
          <Typography.Text>{t('home.toScore', { n: score.data?.total ?? 0 })}</Typography.Text>
        </Link>
      </Flex>
    </Card>
  );
}
