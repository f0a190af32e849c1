import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAppeals } from './api';
import { StatusTag } from './labels';

/** The worker's latest appeals with where each stands; an answer awaiting a rating says so. */
export default function MyAppealsCard() {
  const { t } = useTranslation('appeals');
  const { data, isLoading } = useAppeals({ page: 1, pageSize: 5 }, 'mine');
  const toRate = data?.items.filter((a) => a.status === 'answered').length ?? 0;
  return (
    <Card
      title={t('mine.title')}
      extra={
        <Link to="/appeals/mine" data-testid="home-appeals-all">
          {t('home.all')}
        </Link>
      }
    >
      {toRate > 0 && (
        <Typography.Paragraph data-testid="home-appeals-to-rate">
          <Tag color="orange">{t('mine.toRate')}</Tag> {t('home.toRate', { count: toRate })}
        </Typography.Paragraph>
      )}
      <List
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mine.empty')} /> }}
        renderItem={(a) => (
          <List.Item>
            <Flex justify="space-between" align="center" gap={8} style={{ width: '100%', minWidth: 0 }}>
              <Link to={`/appeals/${a.id}`} style={{ minWidth: 0 }}>
                <Typography.Text ellipsis={{ tooltip: a.title }}>{a.title}</Typography.Text>
              </Link>
              <StatusTag status={a.status} />
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
